import { Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ImportPreview } from './import-types.ts'

export function FilePreviewTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation()
  return (
    <>
      <Text fz="xs" c="dimmed" mb={4}>
        {t('imports.preview.about', {
          encoding: preview.encoding ?? 'XLSX',
          delimiter: preview.delimiter === null ? '—' : preview.delimiter === '\t' ? 'TAB' : `«${preview.delimiter}»`,
          columns: preview.headers.length,
          rows: preview.rows.length,
        })}
      </Text>
      <Table.ScrollContainer minWidth={400} type="native">
        <Table withTableBorder withColumnBorders striped fz={11} verticalSpacing={2} data-testid="import-preview">
          <Table.Thead>
            <Table.Tr>
              {preview.headers.map((header, index) => (
                <Table.Th key={`${header}-${index}`} style={{ whiteSpace: 'nowrap' }}>
                  {header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((row, rowIndex) => (
              <Table.Tr key={rowIndex}>
                {preview.headers.map((_, cellIndex) => (
                  <Table.Td key={cellIndex} style={{ whiteSpace: 'nowrap', maxWidth: 240, overflow: 'hidden', textOverflow: 'ellipsis' }}>
                    {row[cellIndex] ?? ''}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  )
}
