import { Badge, List, Paper, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { AreaKey } from '../../app/navigation.ts'
import { PageHeader } from '../../components/PageHeader.tsx'

/** An area of the department that has no screens yet: says so plainly, and what will be there. */
export function NotBuiltPage({ area }: { area: AreaKey }) {
  const { t } = useTranslation()
  const plans = t(`areas.${area}.plans`, { returnObjects: true }) as string[]
  return (
    <>
      <PageHeader title={t(`nav.${area}`)} actions={<Badge color="gray" variant="light" tt="none" size="md">{t('areas.notBuiltBadge')}</Badge>} />
      <Paper withBorder p="md" maw={720} data-testid="not-built">
        <Text fw={600} mb={4}>
          {t('areas.notBuilt')}
        </Text>
        <Text fz="sm" mb="xs">
          {t(`areas.${area}.summary`)}
        </Text>
        <Text fz="xs" c="dimmed" mb={4}>
          {t('areas.willHave')}
        </Text>
        <List size="sm" spacing={2}>
          {Array.isArray(plans) && plans.map((plan) => <List.Item key={plan}>{plan}</List.Item>)}
        </List>
      </Paper>
    </>
  )
}
