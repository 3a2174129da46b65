import { Anchor, Box, Group, Paper, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { canCall } from '../../app/permissions.ts'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { useSignedInUser } from '../session/useSession.ts'
import { useWaves } from '../selections/useWaves.ts'
import type { WaveList } from '../selections/selection-types.ts'
import { ProgramStatusBadge } from './ProgramStatusBadge.tsx'
import { usePrograms, type ProgramFilter } from './usePrograms.ts'
import { useSavedRolloutPlans } from './useSavedRolloutPlans.ts'

const DAY = 86_400_000
const day = (date: string) => Date.parse(`${date.slice(0, 10)}T00:00:00Z`)
const NAME_WIDTH = 280
// A pilot and a rollout wave are told apart by colour, the program's planned span lies under them.
const WAVE_COLOR = { pilot: 'orange.6', rollout: 'teal.6' } as const
type Wave = WaveList['items'][number]
/** A program that is over has no rollout left to plan. */
const OVER = ['closed', 'cancelled']

/**
 * Programs as bars over the months of their planned dates, with each built wave (pilot, rollout)
 * marked on its program's bar on the day it was built, and the waves of its saved rollout plan
 * over the days they are planned for. A program with waves but no dates shows its waves alone;
 * programs with neither are left out.
 */
export function ProgramsTimeline({ filter }: { filter: ProgramFilter }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const programs = usePrograms({ ...filter, limit: 200, offset: 0 })
  const waves = useWaves({ limit: 500, offset: 0 })
  const me = useSignedInUser()
  const open = (programs.data?.items ?? []).filter((p) => !OVER.includes(p.status)).map((p) => p.code)
  const plans = useSavedRolloutPlans(open, canCall(me.role, 'GET /api/programs/:code/rollout-plan'))
  const wavesOf = new Map<string, Wave[]>()
  for (const wave of waves.data?.items ?? []) wavesOf.set(wave.programCode, [...(wavesOf.get(wave.programCode) ?? []), wave])
  const rows = (programs.data?.items ?? [])
    .map((p) => ({
      program: p,
      planned: p.plannedStart && p.plannedEnd ? { start: day(p.plannedStart), end: day(p.plannedEnd) + DAY } : undefined,
      waves: wavesOf.get(p.code) ?? [],
      rollout: plans.get(p.code)?.waves ?? [],
    }))
    .filter((row) => row.planned || row.waves.length > 0 || row.rollout.length > 0)
  if (rows.length === 0) {
    return (
      <Text fz="xs" c="dimmed" data-testid="programs-timeline">
        {t('programs.timeline.empty')}
      </Text>
    )
  }
  const times = rows.flatMap((row) => [...(row.planned ? [row.planned.start, row.planned.end] : []), ...row.waves.flatMap((w) => [day(w.builtAt), day(w.builtAt) + DAY]), ...row.rollout.flatMap((w) => [day(w.start), day(w.end) + DAY])])
  const start = Math.min(...times)
  const end = Math.max(...times)
  const first = new Date(start)
  const months: string[] = []
  for (let m = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1)); m.getTime() < end; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
    months.push(m.toISOString().slice(0, 10))
  }
  const share = (time: number) => (time - start) / (end - start)
  const at = (time: number) => `${(share(time) * 100).toFixed(2)}%`
  // A month that starts in the last few per cent has no room for its name: it would run off the chart.
  const labelled = months.filter((month) => share(Math.max(start, day(month))) < 0.94)
  return (
    <Paper withBorder p="sm" data-testid="programs-timeline">
      <Box pos="relative" h={18} ml={NAME_WIDTH} mb={4}>
        {labelled.map((month) => (
          <Text key={month} fz={10} c="dimmed" pos="absolute" left={at(Math.max(start, day(month)))} top={0} style={{ whiteSpace: 'nowrap' }}>
            {format.month(month)}
          </Text>
        ))}
      </Box>
      <Stack gap={4}>
        {rows.map(({ program: p, planned, waves: own, rollout }) => (
          <Group key={p.code} gap={0} wrap="nowrap" data-testid={`timeline-${p.code}`}>
            <Group w={NAME_WIDTH} gap={6} wrap="nowrap" pr={6}>
              <Anchor component={Link} to={`/programs/${encodeURIComponent(p.code)}`} fz="xs" truncate title={p.name}>
                {p.name}
              </Anchor>
              <ProgramStatusBadge status={p.status} />
            </Group>
            <Box pos="relative" h={18} style={{ flex: 1 }} bg="gray.0">
              {planned && (
                <Box
                  pos="absolute"
                  top={4}
                  h={10}
                  left={at(planned.start)}
                  w={`calc(${at(planned.end)} - ${at(planned.start)})`}
                  bg="navy.2"
                  style={{ borderRadius: 3 }}
                  title={t('programs.timeline.planned', { start: format.date(p.plannedStart), end: format.date(p.plannedEnd) })}
                />
              )}
              {rollout.map((wave) => (
                <Box
                  key={`plan-${wave.number}`}
                  data-testid={`timeline-planned-wave-${p.code}-${wave.number}`}
                  pos="absolute"
                  top={3}
                  h={12}
                  left={at(day(wave.start))}
                  w={`max(4px, calc(${at(day(wave.end) + DAY)} - ${at(day(wave.start))} - 1px))`}
                  bg="teal.1"
                  style={{ borderRadius: 2, border: '1px dashed var(--mantine-color-teal-6)' }}
                  title={t('programs.timeline.plannedWave', { number: wave.number, start: format.date(wave.start), end: format.date(wave.end), clients: format.number(wave.clients) })}
                />
              ))}
              {own.map((wave) => (
                <Box
                  key={wave.id}
                  data-testid={`timeline-wave-${wave.id}`}
                  data-kind={wave.kind}
                  pos="absolute"
                  top={1}
                  h={16}
                  left={at(day(wave.builtAt))}
                  w={`max(6px, calc(${at(day(wave.builtAt) + DAY)} - ${at(day(wave.builtAt))}))`}
                  bg={WAVE_COLOR[wave.kind]}
                  style={{ borderRadius: 2 }}
                  title={t('programs.timeline.wave', {
                    kind: t(`waves.kinds.${wave.kind}`),
                    id: wave.id,
                    day: format.dayOf(wave.builtAt),
                    target: format.number(wave.target),
                    control: format.number(wave.control),
                  })}
                />
              ))}
            </Box>
          </Group>
        ))}
      </Stack>
      <Group gap="md" mt={6} ml={NAME_WIDTH}>
        <Legend color="navy.2" label={t('programs.timeline.legendPlanned')} />
        <Legend color={WAVE_COLOR.pilot} label={t('programs.timeline.legendPilot')} />
        <Legend color={WAVE_COLOR.rollout} label={t('programs.timeline.legendRollout')} />
        <Legend color="teal.1" dashed label={t('programs.timeline.legendPlannedWave')} />
      </Group>
    </Paper>
  )
}

function Legend({ color, label, dashed = false }: { color: string; label: string; dashed?: boolean }) {
  return (
    <Group gap={4} wrap="nowrap">
      <Box w={10} h={10} bg={color} style={{ borderRadius: 2, ...(dashed && { border: '1px dashed var(--mantine-color-teal-6)' }) }} />
      <Text fz={10} c="dimmed">
        {label}
      </Text>
    </Group>
  )
}
