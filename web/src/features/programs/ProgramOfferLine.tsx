import { Anchor, Badge, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import { OFFER_STATUS_COLOR } from '../offers/offer-status-color.ts'
import type { ProgramDetail } from './program-types.ts'

/** The catalogue offer a program names: its name and version, and whether waves may send it. */
export function ProgramOfferLine({ summary }: { summary: ProgramDetail['offerSummary'] }) {
  const { t } = useTranslation()
  if (!summary) return <>—</>
  return (
    <Stack gap={2} data-testid="program-offer">
      <Anchor component={Link} to={`/offers?code=${encodeURIComponent(summary.code)}`} fz="xs">
        {summary.name}
      </Anchor>
      <Group gap={6}>
        <Text fz={10} c="dimmed">
          {summary.code} · {t('offers.version', { version: summary.version })}
        </Text>
        <Badge size="xs" variant="light" tt="none" color={OFFER_STATUS_COLOR[summary.status]}>
          {t(`offers.status.${summary.status}`)}
        </Badge>
      </Group>
      {!summary.approved && (
        <Text fz={10} c="orange.8" data-testid="program-offer-unsendable">
          {t('programs.plan.offerNotSendable')}
        </Text>
      )}
    </Stack>
  )
}
