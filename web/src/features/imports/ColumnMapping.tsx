import { Select, SimpleGrid, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ImportField } from './import-types.ts'

export type ColumnMappingProps = {
  fields: ImportField[]
  headers: string[]
  mapping: Record<string, string>
  onChange: (mapping: Record<string, string>) => void
}

/** For each field of the import kind, the column of the file it is read from. */
export function ColumnMapping({ fields, headers, mapping, onChange }: ColumnMappingProps) {
  const { t, i18n } = useTranslation()
  // The server describes its fields in English; the Russian hints are the UI's own.
  const hint = (field: ImportField) => (i18n.language === 'ru' ? t(`imports.fieldHints.${field.name}`, { defaultValue: field.description }) : field.description)
  return (
    <SimpleGrid cols={{ base: 2, md: 3, xl: 4 }} spacing="xs" verticalSpacing={6} data-testid="column-mapping">
      {fields.map((field) => (
        <Select
          key={field.name}
          // The field in words; its code (what a mapping file names) beside it, small.
          label={
            <Text span fz="xs" fw={600}>
              {t(`imports.fields.${field.name}`, { defaultValue: field.name })}{' '}
              <Text span fz={10} c="dimmed" ff="monospace" fw={400}>
                {field.name}
              </Text>
            </Text>
          }
          description={hint(field)}
          // The selects line up across the grid; hints of any length go under them.
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          withAsterisk={field.required}
          placeholder={field.required ? t('imports.mapping.choose') : t('imports.mapping.skip')}
          clearable={!field.required}
          searchable
          data={headers}
          value={mapping[field.name] ?? null}
          error={field.required && !mapping[field.name] ? t('imports.mapping.required') : undefined}
          onChange={(header) => {
            const next = { ...mapping }
            if (header) next[field.name] = header
            else delete next[field.name]
            onChange(next)
          }}
        />
      ))}
    </SimpleGrid>
  )
}
