import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ImpliedMargin } from '../../../../src/contract/product-margin.ts'
import type { Formatters } from '../../i18n/create-formatters.ts'

/** The margin a year the terms imply, in words: on balances, or on a loan's balance less the credit loss. */
export function ImpliedMarginText({ margin, credit, format, compact = false }: { margin: ImpliedMargin; credit: boolean; format: Formatters; compact?: boolean }) {
  const { t } = useTranslation()
  const pct = (share: number) => format.percent(share, 2)
  return (
    <>
      <Text fz={compact ? 'xs' : 'sm'} fw={600}>
        {compact ? pct(margin.netMargin) : t(credit ? 'catalogue.marginCredit' : 'catalogue.marginBalance', { margin: pct(margin.netMargin) })}
      </Text>
      {credit && (
        <Text fz={compact ? 10 : 'xs'} c="dimmed">
          {t(compact ? 'catalogue.marginPartsShort' : 'catalogue.marginParts', { interest: pct(margin.interestMargin), loss: pct(margin.expectedLossRate) })}
        </Text>
      )}
    </>
  )
}
