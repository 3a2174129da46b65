import { Anchor, Box, Group, Paper, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { ProgramStatusBadge } from './ProgramStatusBadge.tsx'
import { usePrograms, type ProgramFilter } from './usePrograms.ts'

const DAY = 86_400_000
const day = (date: string) => Date.parse(`${date}T00:00:00Z`)

/** Programs with planned dates as bars over the months they span (undated programs are listed under it). */
export function ProgramsTimeline({ filter }: { filter: ProgramFilter }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const programs = usePrograms({ ...filter, limit: 200, offset: 0 })
  const items = programs.data?.items ?? []
  const dated = items.filter((p) => p.plannedStart && p.plannedEnd)
  if (dated.length === 0) {
    return (
      <Text fz="xs" c="dimmed" data-testid="programs-timeline">
        {t('programs.timeline.empty')}
      </Text>
    )
  }
  const start = Math.min(...dated.map((p) => day(p.plannedStart!)))
  const end = Math.max(...dated.map((p) => day(p.plannedEnd!))) + DAY
  const first = new Date(start)
  const months: string[] = []
  for (let m = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), 1)); m.getTime() < end; m = new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, 1))) {
    months.push(m.toISOString().slice(0, 10))
  }
  const at = (time: number) => `${(((time - start) / (end - start)) * 100).toFixed(2)}%`
  return (
    <Paper withBorder p="sm" data-testid="programs-timeline">
      <Box pos="relative" h={18} ml={220} mb={4}>
        {months.map((month) => (
          <Text key={month} fz={10} c="dimmed" pos="absolute" left={at(Math.max(start, day(month)))} top={0}>
            {format.month(month)}
          </Text>
        ))}
      </Box>
      <Stack gap={4}>
        {dated.map((p) => (
          <Group key={p.code} gap={0} wrap="nowrap">
            <Group w={220} gap={6} wrap="nowrap">
              <Anchor component={Link} to={`/programs/${encodeURIComponent(p.code)}`} fz="xs" truncate>
                {p.name}
              </Anchor>
              <ProgramStatusBadge status={p.status} />
            </Group>
            <Box pos="relative" h={16} style={{ flex: 1 }} bg="gray.0">
              <Box
                pos="absolute"
                top={2}
                h={12}
                left={at(day(p.plannedStart!))}
                w={`calc(${at(day(p.plannedEnd!) + DAY)} - ${at(day(p.plannedStart!))})`}
                bg="navy.5"
                style={{ borderRadius: 3 }}
                title={`${format.date(p.plannedStart)} – ${format.date(p.plannedEnd)}`}
              />
            </Box>
          </Group>
        ))}
      </Stack>
    </Paper>
  )
}
