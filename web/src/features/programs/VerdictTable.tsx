import { Badge, Table, Text } from '@mantine/core'
import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import { RESPONSE_TYPE_LABELS, type ResponseType } from '../../../../src/contract/response-types.ts'
import type { ProgramVerdict, ResponseVerdict } from './useProgramVerdict.ts'
import { useVerdictFormat } from './useVerdictFormat.ts'
import { ExplainedHeader } from './ExplainedHeader.tsx'

const COLUMNS = ['type', 'target', 'control', 'uplift', 'relative', 'test', 'responders', 'products', 'profit'] as const
export const RECOMMENDATION_COLORS = { rollout: 'green', extend: 'yellow', stop: 'red', blocked: 'gray' } as const

/** Per response type: the arms, the uplift and its intervals, the test, and what it is worth — each column explained on hover. */
export function VerdictTable({ verdict }: { verdict: ProgramVerdict }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'ru'
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table fz="xs" tabularNums verticalSpacing={4} data-testid="verdict-table">
        <ExplainedHeader columns={COLUMNS} left={['type']} label={(column) => t(`verdict.columns.${column}`)} tip={(column) => t(`verdict.tips.${column}`)} />
        <Table.Tbody>
          {verdict.responses.map((r) => (
            <Fragment key={r.type}>
              <ResponseRow response={r} label={RESPONSE_TYPE_LABELS[r.type as ResponseType]?.[language] ?? r.type} />
              {r.values && <ValuesRow response={r} verdict={verdict} />}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

function ResponseRow({ response: r, label }: { response: ResponseVerdict; label: string }) {
  const { t } = useTranslation()
  const f = useVerdictFormat()
  const arm = (a: ResponseVerdict['arms']['target']) => (
    <>
      <Text fz="xs">{f.percent(a.rate, 2)}</Text>
      <Text fz={11} c="dimmed" style={{ whiteSpace: 'nowrap' }}>
        {t('verdict.arm', { responders: f.number(a.responders), n: f.number(a.n) })}
      </Text>
    </>
  )
  const dim = (text: string, testId?: string) => (
    <Text fz={11} c="dimmed" data-testid={testId}>
      {text}
    </Text>
  )
  return (
    <Table.Tr data-testid={`verdict-row-${r.type}`}>
      <Table.Td>
        <Text fz="xs" fw={600}>
          {label}
        </Text>
        <Badge size="xs" variant="light" color={RECOMMENDATION_COLORS[r.recommendation]}>
          {t(`verdict.recommendations.${r.recommendation}`)}
        </Badge>
      </Table.Td>
      <Table.Td ta="right">{arm(r.arms.target)}</Table.Td>
      <Table.Td ta="right">{arm(r.arms.control)}</Table.Td>
      <Table.Td ta="right">
        <Text fz="xs" fw={600} c={r.significant ? (r.uplift > 0 ? 'green.8' : 'red.8') : undefined}>
          {f.pp(r.uplift)}
        </Text>
        {dim(f.interval(r.ci, f.pp))}
        {r.alwaysValid && dim(t('verdict.alwaysValidCi', { ci: f.interval(r.alwaysValid.ci, f.pp) }), `always-valid-${r.type}`)}
      </Table.Td>
      <Table.Td ta="right">
        <Text fz="xs">{f.relative(r.relativeUplift)}</Text>
        {r.relativeCi && dim(f.interval(r.relativeCi, f.relative))}
      </Table.Td>
      <Table.Td ta="right">
        <Text fz="xs">{t(`verdict.tests.${r.test}`)}</Text>
        {dim(t('verdict.pLine', { p: f.p(r.p), adjusted: f.p(r.pAdjusted) }))}
        {dim(t(r.significant ? 'verdict.significant' : 'verdict.notSignificant'))}
      </Table.Td>
      <Table.Td ta="right">
        <Text fz="xs">{f.count(r.incrementalResponders.estimate)}</Text>
        {dim(f.interval(r.incrementalResponders.ci, f.count))}
      </Table.Td>
      <Table.Td ta="right">
        <Text fz="xs">{f.count(r.incrementalProducts.estimate)}</Text>
        {dim(f.interval(r.incrementalProducts.ci, f.count))}
      </Table.Td>
      <Table.Td ta="right">
        <Text fz="xs" fw={600} c={r.incrementalProfit.estimate < 0 ? 'red.8' : undefined} style={{ whiteSpace: 'nowrap' }}>
          {f.money(r.incrementalProfit.estimate)}
        </Text>
        {dim(f.interval(r.incrementalProfit.ci, f.money))}
        {r.alwaysValid && dim(t('verdict.alwaysValidCi', { ci: f.interval(r.alwaysValid.incrementalProfit.ci, f.money) }))}
      </Table.Td>
    </Table.Tr>
  )
}

/** Spend and balance: the money per member, Welch's interval, and with CUPED the narrower one. */
function ValuesRow({ response: r, verdict }: { response: ResponseVerdict; verdict: ProgramVerdict }) {
  const { t } = useTranslation()
  const f = useVerdictFormat()
  const values = r.values!
  const cuped = values.cuped
  const covariate = verdict.options.cuped?.covariates[r.type]
  return (
    <Table.Tr data-testid={`verdict-values-${r.type}`}>
      <Table.Td colSpan={COLUMNS.length} pt={0}>
        <Text fz={11} c="dimmed">
          {t('verdict.values', { difference: f.money(values.welch.difference), ci: f.interval(values.welch.ci, f.money), p: f.p(values.welch.p) })}
          {cuped && verdict.options.cuped && covariate && (
            <>
              {' '}
              {t('verdict.cupedLine', {
                covariate: t(`verdict.covariates.${covariate}`),
                from: f.month(verdict.options.cuped.preperiod.from),
                months: verdict.options.cuped.preperiod.months,
                difference: f.money(cuped.adjusted.difference),
                ci: f.interval(cuped.adjusted.ci, f.money),
                ratio: f.number(cuped.widthRatio, 2),
              })}
            </>
          )}
        </Text>
      </Table.Td>
    </Table.Tr>
  )
}
