import type { ComboboxItem } from '@mantine/core'
import type { TFunction } from 'i18next'
import type { FieldDefinition, FieldKind, SelectionCatalogue } from './selection-types.ts'

// Words of the rule builder: field names come from the catalogue in both languages; operators and
// the closed value lists (segments, statuses, channels…) from the translations.

/** The translation list of an enum field's values; the others are shown as the server sends them. */
const VALUE_LABELS: Record<string, string> = {
  segment: 'segments',
  status: 'clientStatuses',
  gender: 'genders',
  product_type: 'productTypes',
  consent: 'channels',
}

export function fieldLabel(field: FieldDefinition, language: string): string {
  return language === 'en' ? field.label.en : field.label.ru
}

export function opLabel(t: TFunction, kind: FieldKind, op: string): string {
  return t(`selections.ops.${kind}.${op}`, { defaultValue: op })
}

/** The choices of an enum, code, holds or channel value: translated, or from the reference tables. */
export function valueOptions(t: TFunction, field: FieldDefinition, catalogue: SelectionCatalogue): ComboboxItem[] {
  if (field.name === 'region') return catalogue.regions.map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }))
  if (field.name === 'branch') return catalogue.branches.map((b) => ({ value: b.code, label: `${b.name} (${b.code})` }))
  if (field.name === 'product') {
    return catalogue.products.map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }))
  }
  const prefix = VALUE_LABELS[field.name]
  return (field.values ?? []).map((value) => ({ value, label: prefix ? t(`${prefix}.${value}`, { defaultValue: value }) : value }))
}
