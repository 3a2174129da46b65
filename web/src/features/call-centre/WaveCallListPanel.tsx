import { Button, FileButton, Group, Paper, Table, Text, TextInput, Title } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CallImportResult, CallListResult } from '../../../../src/contract/call-centre-schemas.ts'
import { apiFetch } from '../../api/api-fetch.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { translateReason } from '../../i18n/translate-reason.ts'

/** `ivanova=40, petrov=25`: the operators who work the list and how many clients each takes. */
function parseOperators(text: string): { login: string; capacity: number }[] {
  return text
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [login = '', capacity = '0'] = part.split(/[=:\s]+/)
      return { login, capacity: Number.parseInt(capacity, 10) || 0 }
    })
}

/** A call wave's call list: build it for the operators, hand it to an external centre as a file, load its outcomes back. */
export function WaveCallListPanel({ waveId }: { waveId: number }) {
  const { t, i18n } = useTranslation()
  const [operators, setOperators] = useState('')
  const build = useMutation({
    mutationFn: () => apiFetch<CallListResult>(`/api/call-centre/waves/${waveId}/list`, { method: 'POST', json: { operators: parseOperators(operators) } }),
  })
  const load = useMutation({
    mutationFn: (file: File) => {
      const form = new FormData()
      form.append('file', file)
      return apiFetch<CallImportResult>(`/api/call-centre/waves/${waveId}/import`, { method: 'POST', form })
    },
  })
  const href = (format: 'csv' | 'xlsx') => `/api/call-centre/waves/${waveId}/export?format=${format}&language=${i18n.language === 'en' ? 'en' : 'ru'}`
  return (
    <Paper withBorder p="sm" mb="sm" data-testid="wave-call-list">
      <Title order={2} mb={6}>{t('calls.list.title')}</Title>
      <Group align="flex-end" gap="xs">
        <TextInput size="xs" w={360} label={t('calls.list.operators')} placeholder={t('calls.list.operatorsHint')} value={operators} onChange={(e) => setOperators(e.currentTarget.value)} />
        <Button size="xs" loading={build.isPending} onClick={() => build.mutate()}>{t('calls.list.build')}</Button>
        <Button size="xs" variant="default" component="a" href={href('xlsx')} download>{t('calls.list.exportXlsx')}</Button>
        <Button size="xs" variant="default" component="a" href={href('csv')} download>{t('calls.list.exportCsv')}</Button>
        <FileButton onChange={(file) => file && load.mutate(file)} accept=".csv,.xlsx,text/csv">
          {(props) => <Button size="xs" variant="light" loading={load.isPending} {...props}>{t('calls.list.import')}</Button>}
        </FileButton>
      </Group>
      {build.error && <ErrorAlert error={build.error} />}
      {build.data && (
        <Text fz="xs" mt="xs">
          {t('calls.list.built', { tasks: build.data.tasks, pool: build.data.pool })}
          {build.data.operators.map((o) => ` · ${o.login}: ${o.assigned}`).join('')}
          {build.data.removed.length > 0 && ` · ${t('calls.list.removed')}: ${build.data.removed.map((r) => `${r.rule === "program_do_not_call" ? t("calls.list.programDoNotCall") : t(`waves.steps.${r.rule}`, { defaultValue: r.rule })} ${r.removed}`).join(', ')}`}
        </Text>
      )}
      {load.error && <ErrorAlert error={load.error} />}
      {load.data && (
        <>
          <Text fz="xs" mt="xs">{t('calls.list.loaded', { rows: load.data.rowsRead, loaded: load.data.loaded, rejected: load.data.rejected.length })}</Text>
          {load.data.rejected.length > 0 && (
            <Table fz="xs" mt={4} striped>
              <Table.Thead><Table.Tr><Table.Th>{t('calls.list.line')}</Table.Th><Table.Th>{t('calls.list.reason')}</Table.Th></Table.Tr></Table.Thead>
              <Table.Tbody>
                {load.data.rejected.map((r) => (
                  <Table.Tr key={r.line}><Table.Td>{r.line}</Table.Td><Table.Td>{translateReason(t, r.reason)}</Table.Td></Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </Paper>
  )
}
