import { Paper, Stack, Text, Timeline, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../../i18n/useFormatters.ts'
import type { ProgramDecision } from './program-types.ts'
import { VerdictSnapshotLine } from './VerdictSnapshotLine.tsx'

const shown = (value: unknown) => (value === null || value === undefined ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value))

/** The program's history: every move with its author, time, comment, what changed and the NPV it was taken on. */
export function ProgramDecisions({ decisions }: { decisions: ProgramDecision[] }) {
  const { t } = useTranslation()
  const format = useFormatters()
  return (
    <Paper withBorder p="sm" data-testid="program-decisions">
      <Title order={2} mb={6}>
        {t('programs.decisions.title')}
      </Title>
      {decisions.length === 0 ? (
        <Text fz="xs" c="dimmed">
          {t('programs.decisions.none')}
        </Text>
      ) : (
        <Timeline active={decisions.length - 1} bulletSize={12} lineWidth={2}>
          {[...decisions].map((d) => (
            <Timeline.Item key={d.id} title={<Text fz="xs" fw={600}>{t('programs.decisions.move', { from: t(`programs.statuses.${d.from}`), to: t(`programs.statuses.${d.to}`) })}</Text>}>
              <Stack gap={2}>
                <Text fz={11} c="dimmed">
                  {d.author.fullName ?? d.author.login} · {format.dateTime(d.at)}
                </Text>
                {d.comment && <Text fz="xs">«{d.comment}»</Text>}
                {d.changes.map((c) => (
                  <Text key={c.field} fz={11}>
                    {t('programs.decisions.change', { field: c.field, before: shown(c.before), after: shown(c.after) })}
                  </Text>
                ))}
                {d.snapshot.case && (
                  <Text fz={11} c="dimmed">
                    {t('programs.decisions.snapshot', { npv: format.money(d.snapshot.case.npv), cost: format.money(d.snapshot.case.totalCost) })}
                  </Text>
                )}
                <VerdictSnapshotLine snapshot={d.snapshot} />
              </Stack>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  )
}
