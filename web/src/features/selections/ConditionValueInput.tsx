import { Group, MultiSelect, NumberInput, Select, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { DraftValue, ValueShape } from './rule-tree.ts'
import { valueOptions } from './rule-labels.ts'
import type { FieldDefinition, SelectionCatalogue } from './selection-types.ts'
import { useSelections } from './useSelections.ts'

export type ConditionValueInputProps = {
  field: FieldDefinition
  shape: ValueShape
  value: DraftValue
  onChange: (value: DraftValue) => void
  catalogue: SelectionCatalogue
  /** The selection being edited: it cannot refer to itself. */
  selectionId: number | null
  error?: boolean
  readOnly?: boolean
}

/** The value editor of one condition, chosen by the field's kind and the operator. */
export function ConditionValueInput(props: ConditionValueInputProps) {
  const { t } = useTranslation()
  const { field, shape, value, onChange, error, readOnly } = props
  const label = t('selections.builder.value')
  switch (shape) {
    case 'none':
      return null
    case 'number':
      return <NumberValue field={field} value={typeof value === 'number' ? value : null} onChange={onChange} label={label} error={error} readOnly={readOnly} />
    case 'days':
      return (
        <NumberValue
          field={field}
          value={typeof value === 'number' ? value : null}
          onChange={onChange}
          label={t('selections.builder.days')}
          error={error}
          readOnly={readOnly}
          suffix={t('selections.builder.daysUnit')}
          integer
        />
      )
    case 'range': {
      const [low, high] = Array.isArray(value) && value.length === 2 && typeof value[0] !== 'string' ? (value as [number | null, number | null]) : [null, null]
      return (
        <Group gap={6} wrap="nowrap" align="flex-start">
          <NumberValue field={field} value={low} onChange={(next) => onChange([next as number | null, high])} label={t('selections.builder.from')} placeholder={t('selections.builder.from')} error={error} readOnly={readOnly} />
          <Text fz="xs" c="dimmed" pt={6}>
            —
          </Text>
          <NumberValue field={field} value={high} onChange={(next) => onChange([low, next as number | null])} label={t('selections.builder.to')} placeholder={t('selections.builder.to')} error={error} readOnly={readOnly} />
        </Group>
      )
    }
    case 'single':
      return (
        <Select
          aria-label={label}
          placeholder={t('selections.builder.pick')}
          data={valueOptions(t, field, props.catalogue)}
          value={typeof value === 'string' ? value : null}
          onChange={(next) => onChange(next)}
          searchable
          nothingFoundMessage={t('common.nothingFound')}
          error={error}
          readOnly={readOnly}
          w={240}
        />
      )
    case 'list':
      return (
        <MultiSelect
          aria-label={label}
          placeholder={Array.isArray(value) && value.length > 0 ? undefined : t('selections.builder.pickMany')}
          data={valueOptions(t, field, props.catalogue)}
          value={Array.isArray(value) ? (value as string[]) : []}
          onChange={(next) => onChange(next)}
          searchable
          nothingFoundMessage={t('common.nothingFound')}
          error={error}
          readOnly={readOnly}
          miw={220}
          flex={1}
          // Mantine keeps 100 px for typing beside the pills, which wraps after two of them.
          styles={{ inputField: { minWidth: 48 } }}
        />
      )
    case 'selection':
      return <SelectionValue value={typeof value === 'number' ? value : null} onChange={onChange} selectionId={props.selectionId} error={error} readOnly={readOnly} />
  }
}

type NumberValueProps = {
  field: FieldDefinition
  value: number | null
  onChange: (value: DraftValue) => void
  label: string
  placeholder?: string
  error?: boolean
  readOnly?: boolean
  suffix?: string
  integer?: boolean
}

function NumberValue({ field, value, onChange, label, placeholder, error, readOnly, suffix, integer }: NumberValueProps) {
  const { i18n } = useTranslation()
  const russian = i18n.language !== 'en'
  const [min, max] = field.range ?? [undefined, undefined]
  // Scores are shares (0–1): they need decimals; money and counts read better grouped.
  const fraction = !integer && max !== undefined && max <= 1
  return (
    <NumberInput
      aria-label={label}
      placeholder={placeholder}
      value={value ?? ''}
      onChange={(next) => onChange(typeof next === 'number' ? next : null)}
      min={min}
      max={max}
      step={fraction ? 0.05 : 1}
      decimalScale={integer ? 0 : fraction ? 3 : 2}
      thousandSeparator={fraction ? undefined : russian ? ' ' : ','}
      decimalSeparator={russian ? ',' : '.'}
      suffix={suffix ? ` ${suffix}` : undefined}
      // Out-of-range numbers are kept as typed: the server says what the range is, on the row.
      clampBehavior="none"
      hideControls
      error={error}
      readOnly={readOnly}
      w={suffix ? 110 : 130}
    />
  )
}

function SelectionValue(props: { value: number | null; onChange: (value: DraftValue) => void; selectionId: number | null; error?: boolean; readOnly?: boolean }) {
  const { t } = useTranslation()
  const selections = useSelections()
  const data = (selections.data?.items ?? []).filter((s) => s.id !== props.selectionId).map((s) => ({ value: String(s.id), label: s.name }))
  return (
    <Select
      aria-label={t('selections.builder.selection')}
      placeholder={t('selections.builder.pickSelection')}
      data={data}
      value={props.value === null ? null : String(props.value)}
      onChange={(next) => props.onChange(next === null ? null : Number(next))}
      searchable
      nothingFoundMessage={t('selections.builder.noSelections')}
      error={props.error}
      readOnly={props.readOnly}
      w={280}
    />
  )
}
