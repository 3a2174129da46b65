import { Alert, Box, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ROLLOUT_CUTS } from '../../../../src/contract/rollout-schemas.ts'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { RolloutReachChart } from './RolloutReachChart.tsx'
import { RolloutTimeline } from './RolloutTimeline.tsx'
import type { RolloutPlan } from './useRolloutPlan.ts'

const CASE_ROWS = ['contacted', 'incrementalProducts', 'totalCost', 'npv', 'profit', 'roi'] as const

/** What the plan gives: the figures, who is left out and why, the case on the planned reach beside the full case, the waves as a timeline and a table. */
export function RolloutPlanResult({ plan, stale }: { plan: RolloutPlan; stale: boolean }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const figures = [
    ['planned', t('rollout.ofClients', { planned: format.number(plan.planned), clients: format.number(plan.clients) })],
    ['waves', format.number(plan.waves.length)],
    ['workingDays', format.number(plan.workingDays)],
    ['endReached', format.date(plan.endReached)],
    ['cost', format.money(plan.cost)],
    ['pace', plan.callCapacity ? t('rollout.callPace', { calls: format.number(plan.callCapacity.callsPerDay, 0), clients: format.number(plan.callCapacity.clientsPerDay) }) : t('rollout.wavePace', { clients: format.number(plan.clientsPerDay) })],
  ] as const
  const cell = (key: (typeof CASE_ROWS)[number], value: number | null) =>
    key === 'roi' ? format.percent(value, 0) : key === 'contacted' ? format.number(value) : key === 'incrementalProducts' ? format.number(value, 1) : format.money(value)
  return (
    <Stack gap="xs" style={{ opacity: stale ? 0.6 : 1 }} data-testid="rollout-result">
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="xs" verticalSpacing="xs">
        {figures.map(([key, value]) => (
          <Paper key={key} withBorder p="xs" bg="gray.0">
            <Text fz={11} c="dimmed" tt="uppercase" fw={600} lts={0.3}>
              {t(`rollout.figures.${key}`)}
            </Text>
            <Text fz={15} fw={700} lh={1.25} data-testid={`rollout-${key}`}>
              {value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      {plan.limitedBy && (
        <Alert color="yellow" variant="light" p="xs" data-testid="rollout-uncontacted">
          <Text fz="xs" fw={600}>
            {t('rollout.uncontacted', { n: format.number(plan.clients - plan.planned) })}
          </Text>
          {ROLLOUT_CUTS.filter((cut) => plan.uncontacted[cut] > 0).map((cut) => (
            <Text key={cut} fz="xs" data-testid={`rollout-cut-${cut}`}>
              {t(`rollout.cuts.${cut === 'budget' && plan.budgetLimit !== 'program' ? 'channelBudget' : cut}`, {
                n: format.number(plan.uncontacted[cut]),
                channel: plan.budgetLimit && plan.budgetLimit !== 'program' ? t(`channels.${plan.budgetLimit}`) : '',
                end: format.date(plan.inputs.end),
              })}
            </Text>
          ))}
        </Alert>
      )}
      <Table fz="xs" tabularNums withTableBorder verticalSpacing={3} data-testid="rollout-case">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('rollout.case.title')}</Table.Th>
            <Table.Th ta="right">{t('rollout.case.planned')}</Table.Th>
            <Table.Th ta="right">{t('rollout.case.full')}</Table.Th>
            <Table.Th ta="right">{t('rollout.case.difference')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {CASE_ROWS.map((key) => {
            const [planned, full] = [plan.case[key], plan.caseFullReach[key]]
            const difference = planned === null || full === null ? null : planned - full
            return (
              <Table.Tr key={key}>
                <Table.Td>{t(`rollout.case.${key}`)}</Table.Td>
                <Table.Td ta="right" fw={key === 'npv' ? 700 : undefined} c={key === 'npv' && planned !== null && planned < 0 ? 'red' : undefined} data-testid={`rollout-case-${key}`}>
                  {cell(key, planned)}
                </Table.Td>
                <Table.Td ta="right">{cell(key, full)}</Table.Td>
                <Table.Td ta="right" c="dimmed">
                  {difference === null || Math.abs(difference) < 1e-9 ? '—' : key === 'roi' ? format.percent(difference, 0) : cell(key, difference)}
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
      {plan.waves.length > 0 && <RolloutTimeline waves={plan.waves} />}
      {plan.waves.length > 0 && <RolloutReachChart plan={plan} />}
      {plan.waves.length > 0 && <WavesTable plan={plan} />}
    </Stack>
  )
}

function WavesTable({ plan }: { plan: RolloutPlan }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const channels = plan.contacts.map((c) => c.channel)
  const hasCalls = plan.callCapacity !== null
  return (
    <Box style={{ overflowX: 'auto' }}>
      <Table fz="xs" tabularNums striped verticalSpacing={2} data-testid="rollout-waves">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('rollout.columns.wave')}</Table.Th>
            <Table.Th>{t('rollout.columns.dates')}</Table.Th>
            <Table.Th ta="right">{t('rollout.columns.workingDays')}</Table.Th>
            <Table.Th ta="right">{t('rollout.columns.clients')}</Table.Th>
            {hasCalls && <Table.Th ta="right">{t('rollout.columns.calls')}</Table.Th>}
            {channels.map((channel) => (
              <Table.Th key={channel} ta="right">
                {t('rollout.columns.channelCost', { channel: t(`channels.${channel}`) })}
              </Table.Th>
            ))}
            <Table.Th ta="right">{t('rollout.columns.cost')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.waves.map((wave) => (
            <Table.Tr key={wave.number}>
              <Table.Td>{wave.number}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {format.date(wave.start)} – {format.date(wave.end)}
              </Table.Td>
              <Table.Td ta="right">{format.number(wave.workingDays)}</Table.Td>
              <Table.Td ta="right">{format.number(wave.clients)}</Table.Td>
              {hasCalls && <Table.Td ta="right">{format.number(wave.calls)}</Table.Td>}
              {wave.channels.map((line) => (
                <Table.Td key={line.channel} ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {format.money(line.cost)}
                </Table.Td>
              ))}
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {format.money(wave.cost)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr fw={700}>
            <Table.Td colSpan={3}>{t('rollout.columns.total')}</Table.Td>
            <Table.Td ta="right">{format.number(plan.planned)}</Table.Td>
            {hasCalls && <Table.Td ta="right">{format.number(plan.waves.reduce((sum, w) => sum + w.calls, 0))}</Table.Td>}
            {plan.contacts.map((line) => (
              <Table.Td key={line.channel} ta="right" style={{ whiteSpace: 'nowrap' }}>
                {format.money(line.cost)}
              </Table.Td>
            ))}
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {format.money(plan.cost)}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Box>
  )
}
