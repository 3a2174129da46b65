import { Alert, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { BreakdownBars } from './BreakdownBars.tsx'
import type { SelectionCatalogue, SelectionCount } from './selection-types.ts'

export type LiveCountPanelProps = {
  count: SelectionCount | undefined
  /** The number shown belongs to an earlier rule while the new one is counted. */
  settling: boolean
  /** Why there is no fresh count: the rule is unfinished, empty, or refused (the reason is shown). */
  state: 'ready' | 'incomplete' | 'empty' | 'refused'
  refusal?: string
  catalogue: SelectionCatalogue
}

const REGIONS_SHOWN = 8

/** How many clients the rule selects now, who they are, and how many can be reached on each channel. */
export function LiveCountPanel({ count, settling, state, refusal, catalogue }: LiveCountPanelProps) {
  const { t } = useTranslation()
  const format = useFormatters()
  const total = count?.count ?? 0
  const share = (n: number) => (total > 0 ? format.percent(n / total) : '—')
  const regionName = new Map(catalogue.regions.map((r) => [r.code, r.name]))
  const stale = state !== 'ready' || settling
  const regions = count?.byRegion ?? []
  const shownRegions = regions.slice(0, REGIONS_SHOWN)
  const otherRegions = regions.slice(REGIONS_SHOWN).reduce((sum, r) => sum + r.count, 0)
  return (
    <Paper withBorder p="sm" data-testid="live-count-panel">
      <Stack gap="sm">
        <div>
          <Group justify="space-between" wrap="nowrap">
            <Text fz="xs" c="dimmed" fw={600} tt="uppercase" lts={0.4}>
              {t('selections.count.title')}
            </Text>
            {settling && state === 'ready' && <Loader size={14} aria-label={t('selections.count.counting')} />}
          </Group>
          <Text fz={36} fw={700} lh={1.1} c={stale ? 'gray.5' : 'navy.9'} style={{ transition: 'color 120ms' }} data-testid="live-count" data-settled={!stale}>
            {count ? format.number(count.count) : '—'}
          </Text>
          {state === 'incomplete' && (
            <Text fz="xs" c="orange.8" mt={2}>
              {t('selections.count.incomplete')}
            </Text>
          )}
          {state === 'empty' && (
            <Text fz="xs" c="dimmed" mt={2}>
              {t('selections.count.empty')}
            </Text>
          )}
        </div>
        {state === 'refused' && (
          <Alert color="red" variant="light" p="xs" title={t('selections.count.refused')} role="alert" data-testid="count-error">
            <Text fz="xs">{refusal}</Text>
          </Alert>
        )}
        {count && (
          <Stack gap="sm" style={{ opacity: stale ? 0.55 : 1, transition: 'opacity 120ms' }}>
            <div>
              <Title order={4} mb={4}>
                {t('selections.count.reachable')}
              </Title>
              <SimpleGrid cols={4} spacing={6} data-testid="reachable">
                {catalogue.channels.map((channel) => (
                  <Paper key={channel} bg="gray.0" p={6} radius="sm">
                    <Text fz={11} c="dimmed" truncate>
                      {t(`channels.${channel}`)}
                    </Text>
                    <Text fz="sm" fw={600} lh={1.3}>
                      {format.number(count.reachable[channel])}
                    </Text>
                    <Text fz={10} c="dimmed">
                      {share(count.reachable[channel])}
                    </Text>
                  </Paper>
                ))}
              </SimpleGrid>
              <Text fz={11} c="dimmed" mt={4}>
                {t('selections.count.reachableHint')}
              </Text>
            </div>
            <BreakdownBars
              title={t('selections.count.bySegment')}
              total={total}
              testId="by-segment"
              rows={count.bySegment.map((s) => ({ key: s.key, label: t(`segments.${s.key}`, { defaultValue: s.key }), count: s.count }))}
            />
            <BreakdownBars
              title={t('selections.count.byRegion')}
              total={total}
              testId="by-region"
              rows={[
                ...shownRegions.map((r) => ({
                  key: r.key ?? '—',
                  label: r.key === null ? t('selections.count.noRegion') : (regionName.get(r.key) ?? r.key),
                  count: r.count,
                })),
                ...(otherRegions > 0 ? [{ key: '…', label: t('selections.count.otherRegions', { n: format.number(regions.length - REGIONS_SHOWN) }), count: otherRegions }] : []),
              ]}
            />
          </Stack>
        )}
      </Stack>
    </Paper>
  )
}
