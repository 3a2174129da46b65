import { Select } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useOffers } from '../offers/useOffers.ts'

/**
 * The offer a program names, picked from the marketer's catalogue: each with its version and
 * whether it is approved (only an approved offer is sent). Retired offers are not offered, except
 * the one the program names already, so the form shows what is stored.
 */
export function ProgramOfferSelect({ value, onChange }: { value: string | null; onChange: (code: string | null) => void }) {
  const { t } = useTranslation()
  const offers = useOffers()
  const data = (offers.data?.items ?? [])
    .filter((offer) => offer.status !== 'retired' || offer.code === value)
    .map((offer) => ({
      value: offer.code,
      label: `${offer.name} (${offer.code}) · ${t('offers.version', { version: offer.version })} · ${t(`offers.status.${offer.status}`)}`,
    }))
  return (
    <Select
      size="xs"
      label={t('programs.fields.offerCode')}
      description={t('programs.plan.offerHint')}
      data={data}
      value={value}
      onChange={onChange}
      clearable
      searchable
      nothingFoundMessage={t('programs.plan.noOffers')}
      data-testid="field-offerCode"
    />
  )
}
