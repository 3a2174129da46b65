import { Alert, Button, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../api/api-error.ts'
import { describeError } from './describe-error.ts'

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation()
  const { title, detail } = describeError(t, error)
  // A refusal (403, 404, a bad request) answers the same on a retry: no button that cannot help.
  const refused = error instanceof ApiError && error.status >= 400 && error.status < 500
  return (
    <Alert color="red" variant="light" title={title} role="alert" p="xs">
      {detail && <Text fz="xs">{detail}</Text>}
      {onRetry && !refused && (
        <Button variant="subtle" color="red" size="compact-xs" mt={4} onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  )
}
