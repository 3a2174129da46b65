import { Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CALL_LOG_OUTCOMES, type CallLogOutcome } from '../../../../src/contract/call-log.ts'
import { DayInput } from '../../components/DayInput.tsx'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { callReasonLabel } from './call-reason-label.ts'
import { CallHeatMap } from './CallHeatMap.tsx'
import { CallReasonsTable } from './CallReasonsTable.tsx'
import { CallsTable } from './CallsTable.tsx'
import { CallVolumeCharts } from './CallVolumeCharts.tsx'
import { formatSeconds } from './format-seconds.ts'
import { useCallAnalysis, useCalls, type CallPeriod } from './useCallAnalysis.ts'

/** The call centre's analysis for the client economist (issue 10, item 6): the period's load, handle time, repeats and outcomes. */
export function CallAnalysisPage() {
  const { t } = useTranslation()
  const format = useFormatters()
  const [period, setPeriod] = useState<CallPeriod>({ from: '', to: '' })
  const [reason, setReason] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<CallLogOutcome | null>(null)
  const [repeated, setRepeated] = useState(false)
  const [page, setPage] = useState({ offset: 0, limit: 25 })
  const analysis = useCallAnalysis(period)
  const calls = useCalls({ ...period, reason, outcome, repeated, ...page })
  const data = analysis.data
  const changePeriod = (next: Partial<CallPeriod>) => {
    setPeriod((current) => ({ ...current, ...next }))
    setPage((p) => ({ ...p, offset: 0 }))
  }
  const pick = (next: string | null) => {
    setReason(next)
    setPage((p) => ({ ...p, offset: 0 }))
  }
  const stats = data && [
    { label: t('callLog.totalCalls'), value: format.number(data.totals.calls), hint: t('callLog.inOut', { inbound: format.number(data.totals.inbound), outbound: format.number(data.totals.outbound) }) },
    { label: t('callLog.callers'), value: format.number(data.totals.clients), hint: t('callLog.callersHint') },
    { label: t('callLog.median'), value: formatSeconds(data.totals.medianSeconds), hint: t('callLog.p90Value', { value: formatSeconds(data.totals.p90Seconds) }) },
    { label: t('callLog.fcr'), value: format.percent(data.firstCallResolution.share, 1), hint: t('callLog.fcrHint', { repeated: format.number(data.firstCallResolution.repeated), inbound: format.number(data.firstCallResolution.inbound) }) },
  ]
  return (
    <Stack gap="sm">
      <PageHeader title={t('callLog.title')} subtitle={t('callLog.subtitle')} />
      <Group gap="xs" align="flex-end">
        <DayInput label={t('callLog.from')} value={period.from || (data?.from ?? '')} onChange={(from) => changePeriod({ from })} w={150} testId="calls-from" />
        <DayInput label={t('callLog.to')} value={period.to || (data?.to ?? '')} onChange={(to) => changePeriod({ to })} w={150} testId="calls-to" />
        <Button size="xs" variant="default" onClick={() => changePeriod({ from: '', to: '' })}>{t('callLog.last30')}</Button>
        {data && <Text fz="xs" c="dimmed" pb={6}>{t('callLog.periodNote', { zone: data.timeZone })}</Text>}
      </Group>
      {(analysis.error || calls.error) && <ErrorAlert error={analysis.error ?? calls.error} />}
      {stats && (
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
          {stats.map((s) => (
            <Paper key={s.label} withBorder p="sm">
              <Text fz="xs" c="dimmed">{s.label}</Text>
              <Text fz="xl" fw={600}>{s.value}</Text>
              <Text fz="xs" c="dimmed">{s.hint}</Text>
            </Paper>
          ))}
        </SimpleGrid>
      )}
      {data && (
        <>
          <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="sm">
            <CallHeatMap analysis={data} />
            <CallReasonsTable analysis={data} onPick={pick} />
          </SimpleGrid>
          <CallVolumeCharts analysis={data} />
        </>
      )}
      <CallsTable
        list={calls.data}
        fetching={calls.isFetching}
        page={page}
        onPage={setPage}
        filters={
          <>
            <Select size="xs" w={200} label={t('callLog.reason')} placeholder={t('callLog.any')} clearable searchable
              data={(data?.byReason ?? []).map((r) => ({ value: r.reason, label: callReasonLabel(t, r.reason) }))} value={reason} onChange={pick} />
            <Select size="xs" w={160} label={t('callLog.outcome')} placeholder={t('callLog.any')} clearable
              data={CALL_LOG_OUTCOMES.map((value) => ({ value, label: t(`callLog.outcomes.${value}`) }))} value={outcome}
              onChange={(value) => { setOutcome(value as CallLogOutcome | null); setPage((p) => ({ ...p, offset: 0 })) }} />
            <Checkbox size="xs" mb={6} label={t('callLog.onlyRepeated')} checked={repeated}
              onChange={(event) => { setRepeated(event.currentTarget.checked); setPage((p) => ({ ...p, offset: 0 })) }} />
          </>
        }
      />
    </Stack>
  )
}
