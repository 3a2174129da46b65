import { BarChart } from '@mantine/charts'
import { Button, EmptyState, FileButton, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ComplaintFileAnalysis } from '../../../../src/contract/complaint-file-schemas.ts'
import { canCall } from '../../app/permissions.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { useSignedInUser } from '../session/useSession.ts'
import { ComplaintFileUploadResult } from './ComplaintFileUploadResult.tsx'
import { useComplaintFileAnalysis, useLoadComplaintFile } from './useComplaintFiles.ts'

type Count = ComplaintFileAnalysis['byProduct'][number]

/**
 * Market complaints (issue 10, item 2): what consumers complain about to the CFPB about US banks
 * and lenders, from the loaded export files — a benchmark for the bank's own complaints, not its clients'.
 */
export function MarketComplaintsPage() {
  const { t } = useTranslation()
  const me = useSignedInUser()
  const analysis = useComplaintFileAnalysis()
  const load = useLoadComplaintFile()
  return (
    <Stack gap="sm">
      <PageHeader title={t('marketComplaints.title')} subtitle={t('marketComplaints.subtitle')} />
      {canCall(me.role, 'POST /api/complaint-files') && (
        <Paper withBorder p="sm">
          <Group gap="xs" align="center">
            <FileButton onChange={(file) => file && load.mutate(file)} accept=".csv,.xlsx,text/csv">
              {(props) => <Button size="xs" loading={load.isPending} data-testid="complaint-file-upload" {...props}>{t('marketComplaints.upload')}</Button>}
            </FileButton>
            <Text fz="xs" c="dimmed">{t('marketComplaints.uploadHint')}</Text>
          </Group>
          {load.error && <ErrorAlert error={load.error} />}
          {load.data && <ComplaintFileUploadResult result={load.data} />}
        </Paper>
      )}
      {analysis.error && <ErrorAlert error={analysis.error} onRetry={() => void analysis.refetch()} />}
      {analysis.data && (analysis.data.total === 0 ? <EmptyState title={t('marketComplaints.empty')} description={t('marketComplaints.emptyHint')} /> : <Analysis data={analysis.data} />)}
    </Stack>
  )
}

function Analysis({ data }: { data: ComplaintFileAnalysis }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const months = data.byMonth.map((m) => ({ month: format.month(`${m.month}-01`), count: m.count }))
  return (
    <>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Figure label={t('marketComplaints.total')} value={format.number(data.total)} note={data.firstDay && data.lastDay ? `${format.date(data.firstDay)} – ${format.date(data.lastDay)}` : ''} />
        <Figure label={t('marketComplaints.files')} value={format.number(data.files.length)} note={data.files.map((f) => f.fileName).join(', ')} />
        <Figure label={t('marketComplaints.timely')} value={format.percent(data.timely.share, 1)} note={t('marketComplaints.ofAnswered', { yes: format.number(data.timely.yes), answered: format.number(data.timely.answered) })} />
        <Figure label={t('marketComplaints.disputed')} value={format.percent(data.disputed.share, 1)} note={t('marketComplaints.ofAnswered', { yes: format.number(data.disputed.yes), answered: format.number(data.disputed.answered) })} />
      </SimpleGrid>
      <Paper withBorder p="sm">
        <Title order={3} mb="xs">{t('marketComplaints.byMonth')}</Title>
        <BarChart h={220} data={months} dataKey="month" series={[{ name: 'count', label: t('marketComplaints.complaints'), color: 'navy.6' }]}
          valueFormatter={(value) => format.number(value)} tickLine="none" gridAxis="y" maxBarWidth={14} data-testid="market-complaints-months" />
      </Paper>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <CountTable title={t('marketComplaints.byProduct')} rows={data.byProduct} total={data.total} />
        <CountTable title={t('marketComplaints.byCategory')} rows={data.byCategory} total={data.total} name={(code) => t(`marketComplaints.categories.${code}`, { defaultValue: code })} />
        <CountTable title={t('marketComplaints.byIssue')} rows={[...data.byIssue, ...(data.otherIssues > 0 ? [{ key: t('marketComplaints.otherIssues'), count: data.otherIssues }] : [])]} total={data.total} />
        <CountTable title={t('marketComplaints.byCompanyResponse')} rows={data.byCompanyResponse} total={data.total} />
        <CountTable title={t('marketComplaints.byCompany')} rows={data.byCompany} total={data.total} />
      </SimpleGrid>
    </>
  )
}

function Figure({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <Paper withBorder p="sm">
      <Text fz="xs" c="dimmed">{label}</Text>
      <Text fz="xl" fw={600}>{value}</Text>
      <Text fz="xs" c="dimmed" lineClamp={1}>{note}</Text>
    </Paper>
  )
}

function CountTable({ title, rows, total, name }: { title: string; rows: Count[]; total: number; name?: (key: string) => string }) {
  const { t } = useTranslation()
  const format = useFormatters()
  return (
    <Paper withBorder p="sm">
      <Title order={3} mb="xs">{title}</Title>
      <Table fz="xs" striped>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Td>{row.key === '' ? t('marketComplaints.blank') : (name?.(row.key) ?? row.key)}</Table.Td>
              <Table.Td ta="right">{format.number(row.count)}</Table.Td>
              <Table.Td ta="right" c="dimmed" w={64}>{format.percent(row.count / total, 1)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}
