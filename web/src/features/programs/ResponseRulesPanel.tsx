import { ActionIcon, Button, Group, NumberInput, Paper, Select, Skeleton, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PRODUCT_TYPES } from '../../../../src/contract/product-types.ts'
import type { ResponseRule } from '../../../../src/contract/response-definition.ts'
import { RESPONSE_SOURCES, RESPONSE_TYPE_LABELS, RESPONSE_TYPES, type ResponseType } from '../../../../src/contract/response-types.ts'
import { canCall } from '../../app/permissions.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useSignedInUser } from '../session/useSession.ts'
import { useResponseDefinition, useSaveResponseDefinition, type ResponseDefinitionView } from './useResponseDefinition.ts'

/**
 * What counts as the program's response (issue 9, item 2): its rules in words, the attribution
 * window they count in and the priority that settles overlaps; who runs the program edits them.
 * The clients' events from the bank's files go to programs by these rules.
 */
export function ResponseRulesPanel({ code }: { code: string }) {
  const user = useSignedInUser()
  const { t } = useTranslation()
  const query = useResponseDefinition(code)
  const [editing, setEditing] = useState(false)
  const canEdit = canCall(user.role, 'PUT /api/programs/:code/response-definition')
  return (
    <Paper withBorder p="sm" data-testid="response-rules">
      <Group justify="space-between" mb={4}>
        <Title order={2}>{t('responseRules.title')}</Title>
        {canEdit && query.data && !editing && (
          <Button size="compact-xs" variant="default" onClick={() => setEditing(true)} data-testid="response-rules-edit">
            {t('responseRules.edit')}
          </Button>
        )}
      </Group>
      {query.error ? (
        <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />
      ) : !query.data ? (
        <Skeleton h={60} />
      ) : editing ? (
        <RulesEditor code={code} view={query.data} onDone={() => setEditing(false)} />
      ) : (
        <RulesText view={query.data} />
      )}
    </Paper>
  )
}

function useRuleWords() {
  const { t, i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'ru'
  return (rule: ResponseRule) =>
    [
      RESPONSE_TYPE_LABELS[rule.type][language],
      rule.productType && t(`productTypes.${rule.productType}`),
      rule.source && t('responseRules.from', { source: t(`responseRules.sources.${rule.source}`) }),
      rule.minValue && t('responseRules.atLeast', { value: Number(rule.minValue).toLocaleString(language === 'en' ? 'en-US' : 'ru-RU') }),
    ].filter(Boolean).join(' · ')
}

function RulesText({ view }: { view: ResponseDefinitionView }) {
  const { t } = useTranslation()
  const words = useRuleWords()
  if (!view.definition) {
    return (
      <Text fz="xs" c="dimmed" data-testid="response-rules-none">
        {t('responseRules.none')}
      </Text>
    )
  }
  return (
    <Stack gap={4}>
      <Table fz="xs" withRowBorders={false} verticalSpacing={2}>
        <Table.Tbody>
          {view.definition.rules.map((rule, i) => (
            <Table.Tr key={i} data-testid="response-rule">
              <Table.Td c="dimmed" w={24}>{i === 0 ? '' : t('responseRules.or')}</Table.Td>
              <Table.Td>{words(rule)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text fz="xs" c="dimmed">
        {t('responseRules.window', { days: view.windowDays, priority: view.definition.priority })}
      </Text>
    </Stack>
  )
}

type Draft = { type: ResponseType; productType: string | null; source: string | null; minValue: string }

function RulesEditor({ code, view, onDone }: { code: string; view: ResponseDefinitionView; onDone: () => void }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'ru'
  const save = useSaveResponseDefinition(code)
  const [rules, setRules] = useState<Draft[]>(
    (view.definition?.rules ?? [{ type: 'conversion' as const }]).map((r) => ({ type: r.type, productType: r.productType ?? null, source: r.source ?? null, minValue: r.minValue ?? '' })),
  )
  const [priority, setPriority] = useState<number | string>(view.definition?.priority ?? 100)
  const set = (i: number, change: Partial<Draft>) => setRules(rules.map((r, j) => (j === i ? { ...r, ...change } : r)))
  const submit = () => {
    const definition = {
      rules: rules.map((r) => ({
        type: r.type,
        ...(r.productType && { productType: r.productType }),
        ...(r.source && { source: r.source }),
        ...(r.minValue.trim() && { minValue: r.minValue.trim().replace(/\s/g, '').replace(',', '.') }),
      })),
      priority: Number(priority),
    } as Parameters<typeof save.mutate>[0]
    save.mutate(definition, { onSuccess: onDone })
  }
  return (
    <Stack gap="xs" data-testid="response-rules-editor">
      {rules.map((rule, i) => (
        <Group key={i} gap={6} align="flex-end" wrap="nowrap">
          <Select size="xs" w={200} label={i === 0 ? t('responseRules.fields.type') : undefined} value={rule.type} allowDeselect={false}
            data={RESPONSE_TYPES.map((type) => ({ value: type, label: RESPONSE_TYPE_LABELS[type][language] }))} onChange={(v) => v && set(i, { type: v as ResponseType })} data-testid="rule-type" />
          <Select size="xs" w={160} label={i === 0 ? t('responseRules.fields.productType') : undefined} value={rule.productType} clearable placeholder={t('responseRules.any')}
            data={PRODUCT_TYPES.map((p) => ({ value: p, label: t(`productTypes.${p}`) }))} onChange={(v) => set(i, { productType: v })} />
          <Select size="xs" w={130} label={i === 0 ? t('responseRules.fields.source') : undefined} value={rule.source} clearable placeholder={t('responseRules.any')}
            data={RESPONSE_SOURCES.map((s) => ({ value: s, label: t(`responseRules.sources.${s}`) }))} onChange={(v) => set(i, { source: v })} />
          <TextInput size="xs" w={100} label={i === 0 ? t('responseRules.fields.minValue') : undefined} value={rule.minValue} placeholder="—"
            onChange={(e) => set(i, { minValue: e.currentTarget.value })} data-testid="rule-min-value" />
          <ActionIcon variant="subtle" color="gray" size="sm" mb={4} disabled={rules.length === 1} aria-label={t('responseRules.remove')}
            onClick={() => setRules(rules.filter((_, j) => j !== i))}>
            ×
          </ActionIcon>
        </Group>
      ))}
      <Group gap="xs" align="flex-end">
        <Button size="compact-xs" variant="subtle" onClick={() => setRules([...rules, { type: 'conversion', productType: null, source: null, minValue: '' }])} disabled={rules.length >= 20}>
          {t('responseRules.add')}
        </Button>
        <NumberInput size="xs" w={110} label={t('responseRules.fields.priority')} description={t('responseRules.priorityHint')} min={1} max={1000} value={priority} onChange={setPriority} />
      </Group>
      {save.error && <ErrorAlert error={save.error} />}
      <Group gap="xs">
        <Button size="xs" onClick={submit} loading={save.isPending} data-testid="response-rules-save">{t('responseRules.save')}</Button>
        {view.definition && (
          <Button size="xs" variant="subtle" color="red" onClick={() => save.mutate(null, { onSuccess: onDone })}>{t('responseRules.clear')}</Button>
        )}
        <Button size="xs" variant="default" onClick={onDone}>{t('responseRules.cancel')}</Button>
      </Group>
      <Text fz="xs" c="dimmed">{t('responseRules.afterSave', { days: view.windowDays })}</Text>
    </Stack>
  )
}
