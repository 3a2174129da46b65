import { Alert, Paper, SimpleGrid, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { translateReason } from '../../i18n/translate-reason.ts'
import { useFormatters } from '../../i18n/useFormatters.ts'
import type { CaseMissing, ProgramCase } from './program-types.ts'
import { TornadoChart } from './TornadoChart.tsx'

/** The business case's outputs, the year-by-year flows and the tornado; or what the case still misses. */
export function ProgramCasePanel({ result, missing }: { result: ProgramCase | undefined; missing: CaseMissing | undefined }) {
  const { t } = useTranslation()
  const format = useFormatters()
  if (!result) {
    return (
      <Paper withBorder p="sm" data-testid="program-case">
        <Title order={2} mb={4}>
          {t('programs.case.title')}
        </Title>
        {missing && (
          <Alert color="yellow" variant="light" p="xs" data-testid="case-missing">
            <Text fz="xs">{translateReason(t, missing)}</Text>
          </Alert>
        )}
      </Paper>
    )
  }
  const figures = [
    ['npv', format.money(result.npv)],
    ['totalCost', format.money(result.totalCost)],
    ['profit', format.money(result.profit)],
    ['roi', format.percent(result.roi, 0)],
    ['incrementalResponders', format.number(result.incrementalResponders, 1)],
    ['incrementalProducts', format.number(result.incrementalProducts, 1)],
    ['breakEvenUplift', format.percent(result.breakEvenUplift, 2)],
    ['paybackYears', result.paybackYears === null ? t('programs.case.never') : t('programs.case.years', { years: format.number(result.paybackYears, 2) })],
  ] as const
  return (
    <Paper withBorder p="sm" data-testid="program-case">
      <Title order={2} mb={2}>
        {t('programs.case.title')}
      </Title>
      <Text fz="xs" c="dimmed" mb={6}>
        {t('programs.case.summary', {
          audience: format.number(result.audience),
          contacted: format.number(result.contacted, 0),
          uplift: format.percent(result.uplift, 2),
          net: format.money(result.product.netPerYear),
          product: result.product.code,
          loss: format.money(result.product.expectedCreditLossPerYear),
        })}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" mb="sm">
        {figures.map(([key, value]) => (
          <Paper key={key} withBorder p="xs" bg="gray.0">
            <Text fz={11} c="dimmed" tt="uppercase" fw={600} lts={0.3}>
              {t(`programs.case.${key}`)}
            </Text>
            <Text fz={18} fw={700} lh={1.2} data-testid={`case-${key}`} c={key === 'npv' && result.npv < 0 ? 'red' : undefined}>
              {value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Title order={3} fz="sm" mb={4}>
        {t('programs.case.flows')}
      </Title>
      <Table tabularNums mb="sm" data-testid="case-flows" fz="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('programs.case.year')}</Table.Th>
            <Table.Th ta="right">{t('programs.case.flow')}</Table.Th>
            <Table.Th ta="right">{t('programs.case.discounted')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.cashFlows.map((flow) => (
            <Table.Tr key={flow.year}>
              <Table.Td>{flow.year}</Table.Td>
              <Table.Td ta="right">{format.money(flow.flow)}</Table.Td>
              <Table.Td ta="right">{format.money(flow.discounted)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={3} fz="sm" mb={4}>
        {t('programs.case.tornado')}
      </Title>
      <TornadoChart bars={result.tornado} npv={result.npv} />
    </Paper>
  )
}
