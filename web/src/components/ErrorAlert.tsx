import { Alert, Button, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { describeError } from './describe-error.ts'

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation()
  const { title, detail } = describeError(t, error)
  return (
    <Alert color="red" variant="light" title={title} role="alert" p="xs">
      {detail && <Text fz="xs">{detail}</Text>}
      {onRetry && (
        <Button variant="subtle" color="red" size="compact-xs" mt={4} onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  )
}
