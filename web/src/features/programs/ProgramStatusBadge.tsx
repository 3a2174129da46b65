import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ProgramStatus } from './program-types.ts'

const COLOR: Record<ProgramStatus, string> = {
  draft: 'gray',
  proposed: 'yellow',
  approved: 'blue',
  pilot: 'grape',
  evaluated: 'cyan',
  rollout: 'teal',
  closed: 'dark',
  cancelled: 'red',
}

export function ProgramStatusBadge({ status, size = 'sm' }: { status: ProgramStatus; size?: 'sm' | 'md' }) {
  const { t } = useTranslation()
  return (
    <Badge variant="light" color={COLOR[status]} tt="none" size={size} data-testid="program-status">
      {t(`programs.statuses.${status}`)}
    </Badge>
  )
}
