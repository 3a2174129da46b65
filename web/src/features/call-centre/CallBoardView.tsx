import { Paper, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { CallBoard } from '../../../../src/contract/call-centre-schemas.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { useCallBoard } from './useCallCentre.ts'

type Rates = CallBoard['waves'][number]

/** The supervisor's board: progress, reach rate, conversion, handle time and overdue callbacks per wave and per operator. */
export function CallBoardView() {
  const { t } = useTranslation()
  const board = useCallBoard()
  if (board.error) return <ErrorAlert error={board.error} onRetry={() => void board.refetch()} />
  if (!board.data) return null
  return (
    <>
      <Paper withBorder p="sm">
        <Title order={3} mb="xs">{t('calls.board.waves')}</Title>
        {board.data.waves.length === 0 ? (
          <Text fz="xs" c="dimmed">{t('calls.board.noLists')}</Text>
        ) : (
          <RatesTable first={t('calls.board.wave')} rows={board.data.waves.map((w) => ({ key: String(w.waveId), label: `${w.programCode} · ${t('calls.board.waveNo', { id: w.waveId })}`, progress: `${w.done} / ${w.tasks}`, rates: w }))} />
        )}
      </Paper>
      <Paper withBorder p="sm">
        <Title order={3} mb="xs">{t('calls.board.operators')}</Title>
        <RatesTable first={t('calls.board.operator')} rows={board.data.operators.map((o) => ({ key: o.login, label: `${o.fullName} (${o.login})`, progress: o.assigned === 0 ? '—' : `${o.assigned - o.tasks} / ${o.assigned}`, rates: { ...o, done: 0, open: o.tasks } }))} />
      </Paper>
    </>
  )
}

function RatesTable({ first, rows }: { first: string; rows: { key: string; label: string; progress: string; rates: Pick<Rates, 'called' | 'reached' | 'agreed' | 'reachRate' | 'conversion' | 'avgHandleSeconds' | 'overdueCallbacks' | 'attempts'> }[] }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const seconds = (value: number | null) => (value === null ? '—' : `${Math.floor(value / 60)}:${String(Math.round(value % 60)).padStart(2, '0')}`)
  return (
    <Table fz="xs" striped>
      <Table.Thead>
        <Table.Tr>
          {[first, 'progress', 'attempts', 'called', 'reached', 'reachRate', 'agreed', 'conversion', 'handleTime', 'overdue'].map((key, i) => (
            <Table.Th key={key} ta={i === 0 ? 'left' : 'right'}>{i === 0 ? key : t(`calls.board.${key}`)}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map(({ key, label, progress, rates }) => (
          <Table.Tr key={key}>
            <Table.Td>{label}</Table.Td>
            <Table.Td ta="right">{progress}</Table.Td>
            <Table.Td ta="right">{format.number(rates.attempts)}</Table.Td>
            <Table.Td ta="right">{format.number(rates.called)}</Table.Td>
            <Table.Td ta="right">{format.number(rates.reached)}</Table.Td>
            <Table.Td ta="right">{format.percent(rates.reachRate, 1)}</Table.Td>
            <Table.Td ta="right">{format.number(rates.agreed)}</Table.Td>
            <Table.Td ta="right">{format.percent(rates.conversion, 1)}</Table.Td>
            <Table.Td ta="right">{seconds(rates.avgHandleSeconds)}</Table.Td>
            <Table.Td ta="right" c={rates.overdueCallbacks > 0 ? 'red' : undefined}>{format.number(rates.overdueCallbacks)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
