import { Table, Text, Tooltip } from '@mantine/core'

/** A table's header row whose column names explain themselves on hover; the left columns hold names, the rest numbers. */
export function ExplainedHeader({ columns, left, label, tip }: { columns: readonly string[]; left: readonly string[]; label: (column: string) => string; tip: (column: string) => string }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((column) => (
          <Table.Th key={column} ta={left.includes(column) ? 'left' : 'right'}>
            <Tooltip label={tip(column)} multiline w={320} withArrow>
              <Text span fz="xs" fw={600} td="underline dotted" style={{ cursor: 'help' }}>
                {label(column)}
              </Text>
            </Tooltip>
          </Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  )
}
