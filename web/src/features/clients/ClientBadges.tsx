import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ClientStatus, Segment } from './client-types.ts'

const SEGMENT_COLOR: Record<Segment, string> = { mass: 'gray', mass_affluent: 'blue', premium: 'indigo', private: 'grape' }
const STATUS_COLOR: Record<ClientStatus, string> = { active: 'teal', churned: 'orange', deceased: 'gray' }

export function SegmentBadge({ segment }: { segment: Segment }) {
  const { t } = useTranslation()
  return (
    <Badge variant="light" color={SEGMENT_COLOR[segment] ?? 'gray'} tt="none">
      {t(`segments.${segment}`)}
    </Badge>
  )
}

export function StatusBadge({ status }: { status: ClientStatus }) {
  const { t } = useTranslation()
  return (
    <Badge variant="dot" color={STATUS_COLOR[status] ?? 'gray'} tt="none">
      {t(`clientStatuses.${status}`)}
    </Badge>
  )
}

export function VipBadge() {
  const { t } = useTranslation()
  return (
    <Badge variant="filled" color="yellow.7" c="dark.8" tt="none">
      {t('clients.vip')}
    </Badge>
  )
}
