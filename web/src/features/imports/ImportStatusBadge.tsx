import { Badge } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ImportStatus } from './import-types.ts'

const COLOR: Record<ImportStatus, string> = { queued: 'gray', running: 'blue', done: 'teal', failed: 'red', interrupted: 'orange' }

export function ImportStatusBadge({ status }: { status: ImportStatus }) {
  const { t } = useTranslation()
  return (
    <Badge color={COLOR[status] ?? 'gray'} variant="light" tt="none" data-testid="import-status">
      {t(`imports.status.${status}`)}
    </Badge>
  )
}
