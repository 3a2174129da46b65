import { ActionIcon, Badge, Group, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { ConditionValueInput } from './ConditionValueInput.tsx'
import { adaptValue, defaultOp, valueShape, type ConditionNode } from './rule-tree.ts'
import { fieldLabel, opLabel } from './rule-labels.ts'
import type { FieldDefinition, FieldGroup, SelectionCatalogue } from './selection-types.ts'

export type RuleError = { nodeId: string; part: string | null; message: string }

export type ConditionRowProps = {
  node: ConditionNode
  catalogue: SelectionCatalogue
  fields: ReadonlyMap<string, FieldDefinition>
  onChange: (node: ConditionNode) => void
  onRemove: () => void
  selectionId: number | null
  error: RuleError | null
  readOnly: boolean
  autoFocus?: boolean
}

/** One condition: field, operator, value (and for recency the channel and program it counts). */
export function ConditionRow({ node, catalogue, fields, onChange, onRemove, selectionId, error, readOnly, autoFocus }: ConditionRowProps) {
  const { t, i18n } = useTranslation()
  const field = node.field ? fields.get(node.field) : undefined
  const shape = field ? valueShape(field.kind, node.op) : 'none'

  const fieldData = useMemo(() => {
    const groups = new Map<FieldGroup, { value: string; label: string }[]>()
    for (const f of catalogue.fields) {
      const items = groups.get(f.group) ?? []
      items.push({ value: f.name, label: fieldLabel(f, i18n.language) })
      groups.set(f.group, items)
    }
    return [...groups].map(([group, items]) => ({ group: t(`selections.groups.${group}`), items }))
  }, [catalogue, i18n.language, t])

  const chooseField = (name: string | null) => {
    const next = name ? fields.get(name) : undefined
    if (!next) return
    const op = defaultOp(next)
    // A new field starts clean: the old value means nothing for it.
    onChange({ ...node, field: next.name, op, value: adaptValue(null, 'none', valueShape(next.kind, op)), channel: null, program: '' })
  }
  const chooseOp = (op: string | null) => {
    if (!field || !op) return
    onChange({ ...node, op, value: adaptValue(node.value, shape, valueShape(field.kind, op)) })
  }
  // The input at fault turns red; the reason is written once, under the row.
  const partError = (part: string) => Boolean(error && (error.part === part || (part === 'value' && error.part === null)))

  return (
    <Stack gap={2} data-testid="rule-condition" data-error={error ? 'true' : undefined}>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <Group gap={6} wrap="wrap" align="flex-start" flex={1}>
          {node.negate && (
            <Tooltip label={t('selections.builder.removeNot')}>
              <Badge
                component="button"
                type="button"
                color="red"
                variant="light"
                mt={5}
                style={{ cursor: readOnly ? 'default' : 'pointer' }}
                onClick={() => !readOnly && onChange({ ...node, negate: false })}
              >
                {t('selections.builder.not')}
              </Badge>
            </Tooltip>
          )}
          <Select
            aria-label={t('selections.builder.field')}
            placeholder={t('selections.builder.fieldPlaceholder')}
            data={fieldData}
            value={node.field}
            onChange={chooseField}
            searchable
            allowDeselect={false}
            nothingFoundMessage={t('common.nothingFound')}
            error={partError('field')}
            readOnly={readOnly}
            autoFocus={autoFocus}
            w={230}
            comboboxProps={{ width: 320, position: 'bottom-start' }}
            maxDropdownHeight={360}
            data-testid="condition-field"
          />
          {field && (
            <Select
              aria-label={t('selections.builder.op')}
              data={field.ops.map((op) => ({ value: op, label: opLabel(t, field.kind, op) }))}
              value={node.op}
              onChange={chooseOp}
              allowDeselect={false}
              error={partError('op')}
              readOnly={readOnly}
              w={field.kind === 'recency' ? 190 : 150}
              data-testid="condition-op"
            />
          )}
          {field && (
            <ConditionValueInput
              field={field}
              shape={shape}
              value={node.value}
              onChange={(value) => onChange({ ...node, value })}
              catalogue={catalogue}
              selectionId={selectionId}
              error={partError('value')}
              readOnly={readOnly}
            />
          )}
          {field?.qualifiers?.includes('channel') && (
            <Select
              aria-label={t('selections.builder.channel')}
              placeholder={t('selections.builder.anyChannel')}
              data={catalogue.channels.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
              value={node.channel}
              onChange={(channel) => onChange({ ...node, channel })}
              clearable
              error={partError('channel')}
              readOnly={readOnly}
              w={150}
            />
          )}
          {field?.qualifiers?.includes('program') && (
            <TextInput
              aria-label={t('selections.builder.program')}
              placeholder={t('selections.builder.anyProgram')}
              value={node.program}
              onChange={(event) => onChange({ ...node, program: event.currentTarget.value })}
              error={partError('program')}
              readOnly={readOnly}
              w={150}
            />
          )}
        </Group>
        {!readOnly && (
          <ActionIcon variant="subtle" color="gray" mt={3} aria-label={t('selections.builder.removeCondition')} onClick={onRemove}>
            ×
          </ActionIcon>
        )}
      </Group>
      {error && (
        <Text fz="xs" c="red" role="alert" data-testid="condition-error">
          {error.message}
        </Text>
      )}
    </Stack>
  )
}
