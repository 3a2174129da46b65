import { Alert, Anchor, Badge, Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useEffect, useRef } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { translateReason } from '../../i18n/translate-reason.ts'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { isImportActive, type ImportRejection } from './import-types.ts'
import { ImportStatusBadge } from './ImportStatusBadge.tsx'
import { useImport } from './useImport.ts'

/** One import: progress while it runs, then its counts, its rejected rows and their download. */
export function ImportResult({ id }: { id: number }) {
  const { t, i18n } = useTranslation()
  const format = useFormatters()
  const job = useImport(id)
  const panel = useRef<HTMLDivElement>(null)
  // A started or opened import is shown below the form: bring it into view.
  // A block body: Chromium's scrollIntoView returns a Promise, and an effect that returns what it
  // returns hands React a cleanup that is not a function (the page went blank on the next import).
  useEffect(() => {
    panel.current?.scrollIntoView({ behavior: 'smooth', block: 'nearest' })
  }, [id, Boolean(job.data)])
  if (job.error) return <ErrorAlert error={job.error} onRetry={() => void job.refetch()} />
  if (!job.data) return null
  const data = job.data
  const running = isImportActive(data.status)
  return (
    <Paper withBorder p="sm" mb="sm" data-testid="import-result" ref={panel}>
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={2}>{t('imports.result.title', { id: data.id })}</Title>
          <ImportStatusBadge status={data.status} />
          {data.dryRun && (
            <Badge color="gray" variant="outline" tt="none">
              {t('imports.dryRunBadge')}
            </Badge>
          )}
        </Group>
        <Text fz="xs" c="dimmed">
          {t(`importKinds.${data.kind}`)}{data.program ? ` · ${data.program}` : ''} · {data.fileName} · {data.login ?? '—'} · {format.dateTime(data.startedAt)}
        </Text>
      </Group>
      {running && (
        // The share of the file read when its size is known; otherwise a bar that only says "working".
        <Group gap="xs" mb="xs" wrap="nowrap">
          <Progress
            style={{ flex: 1 }}
            value={data.progress === null ? 100 : Math.round(data.progress * 100)}
            animated
            striped={data.progress === null}
            size="md"
            aria-label={t(`imports.status.${data.status}`)}
            data-testid="import-progress"
          />
          {data.progress !== null && (
            <Text fz="xs" w={40} ta="right">
              {Math.round(data.progress * 100)}%
            </Text>
          )}
        </Group>
      )}
      {data.status === 'queued' && (
        <Text fz="xs" c="dimmed" mb="xs" data-testid="import-queued">
          {t('imports.result.queued')}
        </Text>
      )}
      {data.attempts > 1 && (
        <Text fz="xs" c="orange.8" mb="xs" data-testid="import-attempts">
          {t('imports.result.startedAgain', { n: data.attempts })}
        </Text>
      )}
      <SimpleGrid cols={3} spacing="xs" mb="xs" maw={540}>
        <Count label={t('imports.result.rowsRead')} value={format.number(data.rowsRead)} />
        <Count label={data.dryRun ? t('imports.result.wouldLoad') : t('imports.result.loaded')} value={format.number(data.loaded)} color="teal.8" />
        <Count label={t('imports.result.rejected')} value={format.number(data.rejected)} color={data.rejected ? 'red.8' : undefined} />
      </SimpleGrid>
      {(data.status === 'failed' || data.status === 'interrupted') && (
        <Alert color={data.status === 'failed' ? 'red' : 'orange'} variant="light" p="xs" mb="xs" title={t(`imports.result.${data.status}`)}>
          <Text fz="xs">{data.errorReason ? translateReason(t, data.errorReason, { fallback: data.error ?? undefined, formatDay: format.date }) : (data.error ?? '—')}</Text>
        </Alert>
      )}
      {data.status === 'done' && data.apply && data.apply.updatedInstead > 0 && (
        <Text fz="xs" c="dimmed" mb="xs" data-testid="import-apply-note">
          {t('imports.result.updatedInstead', { n: format.number(data.apply.updatedInstead) })}
        </Text>
      )}
      {data.status === 'done' && data.dryRun && (
        <Text fz="xs" c="dimmed" mb="xs">
          {t('imports.result.dryRunDone')}
        </Text>
      )}
      {data.likelyDuplicates && data.likelyDuplicates.count > 0 && (
        <Alert color="yellow" variant="light" p="xs" mb="xs" data-testid="likely-duplicates"
          title={t('imports.result.likelyDuplicates', { count: data.likelyDuplicates.count, n: format.number(data.likelyDuplicates.count) })}>
          {data.likelyDuplicates.items.map((d) => (
            <Text fz="xs" key={d.line}>
              {'line' in d.sameAs
                ? t('imports.result.sameAsLine', { line: d.line, bankId: d.bankId, other: d.sameAs.line })
                : t('imports.result.sameAsClient', { line: d.line, bankId: d.bankId, other: d.sameAs.bankId })}
            </Text>
          ))}
        </Alert>
      )}
      {data.rejected > 0 && (
        <Stack gap={4}>
          <Group justify="space-between">
            <Text fz="xs" fw={600}>
              {t('imports.result.rejections', { shown: data.rejections.length, total: format.number(data.rejected) })}
            </Text>
            {!running && (
              <Anchor href={`/api/imports/${data.id}/rejections?format=csv&lang=${i18n.language === 'en' ? 'en' : 'ru'}`} download fz="xs" data-testid="rejections-download">
                ↓ {t('imports.result.download')}
              </Anchor>
            )}
          </Group>
          <Table.ScrollContainer minWidth={400} mah={260} type="native">
            <Table striped withTableBorder stickyHeader fz="xs" verticalSpacing={2} data-testid="rejections-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70} ta="right">
                    {t('imports.result.line')}
                  </Table.Th>
                  <Table.Th w={160}>{t('imports.result.file')}</Table.Th>
                  <Table.Th>{t('imports.result.reason')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rejections.map((rejection, index) => (
                  <Table.Tr key={`${rejection.file}-${rejection.line}-${index}`}>
                    <Table.Td ta="right">{rejection.line}</Table.Td>
                    <Table.Td>{rejection.file ?? data.fileName}</Table.Td>
                    <Table.Td>{describeRejection(t, rejection, format.date)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      )}
    </Paper>
  )
}

/** A rejected row's reasons in the user's language; rows stored before reason codes keep their text. */
function describeRejection(t: TFunction, rejection: ImportRejection, formatDay: (day: string) => string): string {
  if (!rejection.reasons?.length) return rejection.reason
  return rejection.reasons.map((reason) => translateReason(t, reason, { formatDay })).join(' ')
}

function Count({ label, value, color }: { label: string; value: string; color?: string }) {
  return (
    <Paper bg="gray.0" p={6} px="xs">
      <Text fz={11} c="dimmed">
        {label}
      </Text>
      <Text fz="lg" fw={600} c={color} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {value}
      </Text>
    </Paper>
  )
}
