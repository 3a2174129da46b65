import { Button, FileButton, Group, Paper, Table, Text, Title } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CallImportResult, CallListResult } from '../../../../src/contract/call-centre-schemas.ts'
import { apiFetch } from '../../api/api-fetch.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { translateReason } from '../../i18n/translate-reason.ts'
import { CallOperatorsPicker, capacityError, type OperatorShare } from './CallOperatorsPicker.tsx'
import { useCallOperators } from './useCallCentre.ts'

/** A call wave's call list: build it for the operators, hand it to an external centre as a file, load its outcomes back. */
export function WaveCallListPanel({ waveId }: { waveId: number }) {
  const { t, i18n } = useTranslation()
  const [operators, setOperators] = useState<OperatorShare[]>([])
  const callOperators = useCallOperators()
  const names = new Map((callOperators.data?.items ?? []).map((o) => [o.login, o.fullName]))
  const buildable = operators.every((share) => capacityError(share, '', t) === null)
  const build = useMutation({
    mutationFn: () => apiFetch<CallListResult>(`/api/call-centre/waves/${waveId}/list`, { method: 'POST', json: { operators: operators.map((o) => ({ login: o.login, capacity: Number(o.capacity) })) } }),
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
        <CallOperatorsPicker value={operators} onChange={setOperators} />
        <Button size="xs" disabled={!buildable} loading={build.isPending} onClick={() => build.mutate()} data-testid="call-list-build">{t('calls.list.build')}</Button>
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
          {build.data.operators.map((o) => ` · ${names.get(o.login) ?? o.login}: ${o.assigned}`).join('')}
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
