import { Progress, Table, Text, Title } from '@mantine/core'
import { useFormatters } from '../../i18n/useFormatters.ts'

export type BreakdownRow = { key: string; label: string; count: number }

/** A breakdown as a compact table with a bar per line: the eye compares lengths, the digits stay exact. */
export function BreakdownBars({ title, rows, total, testId }: { title: string; rows: BreakdownRow[]; total: number; testId: string }) {
  const format = useFormatters()
  return (
    <div>
      <Title order={4} mb={2}>
        {title}
      </Title>
      <Table data-testid={testId} verticalSpacing={3} horizontalSpacing={4} withRowBorders={false} layout="fixed">
        <Table.Tbody>
          {rows.map((row) => {
            const share = total > 0 ? (row.count / total) * 100 : 0
            return (
              <Table.Tr key={row.key}>
                <Table.Td w="42%">
                  <Text fz="xs" truncate title={row.label}>
                    {row.label}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Progress value={share} size="sm" color="navy.6" aria-hidden />
                </Table.Td>
                <Table.Td w={64} ta="right" style={{ whiteSpace: 'nowrap' }}>
                  <Text fz="xs" fw={600} span>
                    {format.number(row.count)}
                  </Text>
                </Table.Td>
                <Table.Td w={40} ta="right">
                  <Text fz={11} c="dimmed" span>
                    {format.percent(share / 100)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
    </div>
  )
}
