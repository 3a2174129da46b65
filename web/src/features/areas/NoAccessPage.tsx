import { Alert, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { AreaKey } from '../../app/navigation.ts'
import { PageHeader } from '../../components/PageHeader.tsx'
import { useSignedInUser } from '../session/useSession.ts'

export function NoAccessPage({ area }: { area: AreaKey }) {
  const { t } = useTranslation()
  const user = useSignedInUser()
  return (
    <>
      <PageHeader title={t(`nav.${area}`)} />
      <Alert color="gray" variant="light" maw={720}>
        <Text fz="sm">{t(user.role === 'admin' ? 'areas.noAccessAdmin' : 'areas.noAccess', { role: t(`roles.${user.role}`) })}</Text>
      </Alert>
    </>
  )
}
