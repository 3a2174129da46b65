import { Box, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormatters } from '../../i18n/useFormatters.ts'
import type { TornadoBar } from './program-types.ts'

/** Each driver 20% down and up, widest swing first: the bar spans the NPV between the two, the line is the case's NPV. */
export function TornadoChart({ bars, npv }: { bars: TornadoBar[]; npv: number }) {
  const { t } = useTranslation()
  const format = useFormatters()
  if (bars.length === 0) return null
  const low = Math.min(npv, ...bars.map((b) => Math.min(b.npvLow, b.npvHigh)))
  const high = Math.max(npv, ...bars.map((b) => Math.max(b.npvLow, b.npvHigh)))
  const span = high - low || 1
  const at = (value: number) => `${(((value - low) / span) * 100).toFixed(2)}%`
  return (
    <Stack gap={3} data-testid="tornado">
      {bars.map((bar) => {
        const [from, to] = [Math.min(bar.npvLow, bar.npvHigh), Math.max(bar.npvLow, bar.npvHigh)]
        return (
          <Group key={bar.driver} gap="xs" wrap="nowrap">
            <Text fz="xs" w={190} ta="right" truncate>
              {t(`programs.drivers.${bar.driver}`)}
            </Text>
            <Box pos="relative" h={16} style={{ flex: 1 }}>
              <Box pos="absolute" top={0} bottom={0} left={at(npv)} w={1} bg="dark.3" />
              <Box pos="absolute" top={2} h={12} left={at(from)} w={`calc(${at(to)} - ${at(from)})`} bg="navy.4" style={{ borderRadius: 2 }} />
            </Box>
            <Text fz={11} c="dimmed" w={210} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {format.moneyShort(bar.npvLow)} … {format.moneyShort(bar.npvHigh)}
            </Text>
          </Group>
        )
      })}
      <Text fz={11} c="dimmed">
        {t('programs.case.tornadoHint')}
      </Text>
    </Stack>
  )
}
