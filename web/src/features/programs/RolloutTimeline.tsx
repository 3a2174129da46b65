import { Box, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../../i18n/useFormatters.ts'
import type { RolloutPlan } from './useRolloutPlan.ts'

const DAY = 86_400_000
const day = (date: string) => Date.parse(`${date}T00:00:00Z`)
/** Waves beyond this many share lanes: wave k goes on lane k mod LANES, long after the wave before it there. */
const LANES = 12

/** The waves over the calendar, one bar each from its first to its last working day, months marked above. */
export function RolloutTimeline({ waves }: { waves: RolloutPlan['waves'] }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const start = day(waves[0]!.start)
  const end = day(waves.at(-1)!.end) + DAY
  const at = (time: number) => `${(((time - start) / (end - start)) * 100).toFixed(2)}%`
  const months: string[] = []
  const first = new Date(start)
  for (let m = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 1)); m.getTime() < end; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) months.push(m.toISOString().slice(0, 10))
  const lanes = Math.min(LANES, waves.length)
  return (
    <Stack gap={2} data-testid="rollout-timeline">
      <Text fz="xs" fw={600}>
        {t('rollout.timeline')}
      </Text>
      <Group gap={0} wrap="nowrap">
        <Box w={56} />
        <Box pos="relative" h={16} style={{ flex: 1 }}>
          <Text fz={10} c="dimmed" pos="absolute" left={0} top={0}>
            {format.date(waves[0]!.start)}
          </Text>
          {months.map((month) => (
            <Text key={month} fz={10} c="dimmed" pos="absolute" left={at(day(month))} top={0} style={{ borderLeft: '1px solid var(--mantine-color-gray-4)', paddingLeft: 2 }}>
              {format.month(month)}
            </Text>
          ))}
        </Box>
      </Group>
      {Array.from({ length: lanes }, (_, lane) => (
        <Group key={lane} gap={0} wrap="nowrap">
          <Text fz={10} c="dimmed" w={56}>
            {waves.length > LANES ? '' : t('rollout.waveNumber', { number: lane + 1 })}
          </Text>
          <Box pos="relative" h={14} style={{ flex: 1 }} bg="gray.0">
            {waves
              .filter((w) => (w.number - 1) % LANES === lane)
              .map((w) => (
                <Box
                  key={w.number}
                  pos="absolute"
                  top={2}
                  h={10}
                  left={at(day(w.start))}
                  w={`max(3px, calc(${at(day(w.end) + DAY)} - ${at(day(w.start))}))`}
                  bg={w.number % 2 === 0 ? 'navy.4' : 'navy.6'}
                  style={{ borderRadius: 2 }}
                  title={t('rollout.waveTitle', { number: w.number, start: format.date(w.start), end: format.date(w.end), clients: format.number(w.clients), cost: format.money(w.cost) })}
                  data-testid="rollout-wave-bar"
                />
              ))}
          </Box>
        </Group>
      ))}
    </Stack>
  )
}
