import { Button, Checkbox, Group, NumberInput, Paper, Stack, TagsInput, Text } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChurnDefinition } from '../../../../src/contract/churn-schemas.ts'
import { canCall } from '../../app/permissions.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { useSignedInUser } from '../session/useSession.ts'
import { useChurnDefinition, useSaveChurnDefinition } from './useChurn.ts'

/** What counts as churn: shown to every reader, edited by the head and the analyst (saving rebuilds the list). */
export function ChurnDefinitionPanel() {
  const { t } = useTranslation()
  const format = useFormatters()
  const me = useSignedInUser()
  const query = useChurnDefinition()
  const save = useSaveChurnDefinition()
  const [draft, setDraft] = useState<ChurnDefinition | null>(null)
  useEffect(() => {
    if (query.data) {
      const { updatedAt: _updatedAt, ...definition } = query.data
      setDraft(definition)
    }
  }, [query.data])
  if (!draft) return null
  const editable = canCall(me.role, 'PUT /api/churn/definition')
  const set = (change: Partial<ChurnDefinition>) => setDraft({ ...draft, ...change })
  return (
    <Paper withBorder p="sm" data-testid="churn-definition">
      <Group justify="space-between" align="baseline" mb="xs">
        <Text fz="sm" fw={600}>{t('churn.definition.title')}</Text>
        <Text fz="xs" c="dimmed">{query.data?.updatedAt ? t('churn.definition.updated', { at: format.dateTime(query.data.updatedAt) }) : t('churn.definition.default')}</Text>
      </Group>
      <Stack gap={6}>
        <Checkbox size="xs" disabled={!editable} label={t('churn.criteria.all_products_closed')} checked={draft.allProductsClosed} onChange={(e) => set({ allProductsClosed: e.currentTarget.checked })} />
        <Group gap="xs" align="center">
          <Checkbox size="xs" disabled={!editable} label={t('churn.definition.inactive')} checked={draft.inactiveMonths !== null} onChange={(e) => set({ inactiveMonths: e.currentTarget.checked ? 3 : null })} />
          {draft.inactiveMonths !== null && (
            <NumberInput size="xs" w={80} min={1} max={36} disabled={!editable} value={draft.inactiveMonths} onChange={(v) => set({ inactiveMonths: typeof v === 'number' ? v : 1 })} aria-label={t('churn.definition.months')} />
          )}
          {draft.inactiveMonths !== null && <Text fz="xs">{t('churn.definition.months')}</Text>}
        </Group>
        <Group gap="xs" align="center">
          <Checkbox size="xs" disabled={!editable} label={t('churn.criteria.salary_card_stopped')} checked={draft.salaryCardStopped} onChange={(e) => set({ salaryCardStopped: e.currentTarget.checked })} />
          <TagsInput size="xs" w={260} disabled={!editable} value={draft.salaryProducts} onChange={(salaryProducts) => set({ salaryProducts })} aria-label={t('churn.definition.salaryProducts')} placeholder={t('churn.definition.salaryProducts')} />
        </Group>
        <Group gap="xs" align="center">
          <Text fz="xs">{t('churn.definition.reasonMonths')}</Text>
          <NumberInput size="xs" w={80} min={1} max={24} disabled={!editable} value={draft.reasonMonths} onChange={(v) => set({ reasonMonths: typeof v === 'number' ? v : 1 })} />
        </Group>
        <Text fz="xs" c="dimmed">{t('churn.definition.note')}</Text>
        {save.error && <ErrorAlert error={save.error} />}
        {editable && (
          <Group><Button size="xs" loading={save.isPending} onClick={() => save.mutate(draft)}>{t('churn.definition.save')}</Button></Group>
        )}
      </Stack>
    </Paper>
  )
}
