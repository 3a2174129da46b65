import { Alert, Button, Checkbox, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { impliedMargin, isCreditProduct, RATE_DECIMALS } from '../../../../src/contract/product-margin.ts'
import type { ProductChanges } from '../../../../src/contract/reference-schemas.ts'
import { ApiError } from '../../api/api-error.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useFormatters } from '../../i18n/useFormatters.ts'
import type { CatalogueProduct } from './ProductCataloguePage.tsx'
import { ImpliedMarginText } from './ImpliedMarginText.tsx'
import { useSaveProductTerms } from './useSaveProductTerms.ts'

const RATE_FIELDS = ['ftpRate', 'clientRate', 'feeRate', 'probabilityOfDefault', 'lossGivenDefault'] as const
type RateField = (typeof RATE_FIELDS)[number]
type Draft = Record<RateField, number | string> & { lifetimeMonths: number | string }

// Rates are typed as percentages (17,5 %) and kept as fractions with five decimals: three in percent.
const PERCENT_DECIMALS = RATE_DECIMALS - 2
const toPercent = (rate: number | null | undefined) => (rate == null ? '' : Number((rate * 100).toFixed(PERCENT_DECIMALS)))
const toRate = (percent: number | string) => (percent === '' ? null : Number((Number(percent) / 100).toFixed(RATE_DECIMALS + 2)))
const toMonths = (months: number | string) => (months === '' ? null : Number(months))

/** Edits one product's terms, showing the margin a year they imply as they are typed. */
export function ProductTermsForm({ product, onDone }: { product: CatalogueProduct; onDone: () => void }) {
  const { t, i18n } = useTranslation()
  const format = useFormatters()
  const save = useSaveProductTerms()
  const credit = isCreditProduct(product.type)
  const [draft, setDraft] = useState<Draft>({
    ftpRate: toPercent(product.ftpRate),
    clientRate: toPercent(product.clientRate),
    feeRate: toPercent(product.feeRate),
    probabilityOfDefault: toPercent(product.probabilityOfDefault),
    lossGivenDefault: toPercent(product.lossGivenDefault),
    lifetimeMonths: product.lifetimeMonths ?? '',
  })
  const [active, setActive] = useState(product.active)
  const separators = i18n.language === 'en' ? { decimalSeparator: '.', thousandSeparator: ',' } : { decimalSeparator: ',', thousandSeparator: ' ' }
  const percentSuffix = i18n.language === 'en' ? '%' : ' %'
  const terms = {
    ftpRate: toRate(draft.ftpRate),
    clientRate: toRate(draft.clientRate),
    feeRate: toRate(draft.feeRate),
    probabilityOfDefault: credit ? toRate(draft.probabilityOfDefault) : null,
    lossGivenDefault: credit ? toRate(draft.lossGivenDefault) : null,
  }
  // The field the server named in its refusal (core/check-product-terms.ts) shows the refusal itself.
  const refusedField = save.error instanceof ApiError ? (save.error.details as { field?: string } | undefined)?.field : undefined
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const changes: ProductChanges = { ftpRate: terms.ftpRate, clientRate: terms.clientRate, feeRate: terms.feeRate, lifetimeMonths: toMonths(draft.lifetimeMonths), active }
    if (credit) Object.assign(changes, { probabilityOfDefault: terms.probabilityOfDefault, lossGivenDefault: terms.lossGivenDefault })
    save.mutate({ code: product.code, changes }, { onSuccess: onDone })
  }
  const rate = (field: RateField) => (
    <NumberInput
      size="xs"
      label={t(`catalogue.fields.${field}`)}
      description={t(`catalogue.hints.${field}`)}
      value={draft[field]}
      onChange={(value) => setDraft((d) => ({ ...d, [field]: value }))}
      suffix={percentSuffix}
      decimalScale={PERCENT_DECIMALS}
      min={0}
      max={100}
      error={refusedField === field}
      data-testid={`field-${field}`}
      {...separators}
    />
  )
  return (
    <form onSubmit={submit} data-testid="product-terms-form">
      <Stack gap="xs">
        <Text fz="sm">
          {product.name} ({product.code}) · {t(`productTypes.${product.type}`, { defaultValue: product.type })}
        </Text>
        <SimpleGrid cols={2} spacing="xs" verticalSpacing="xs">
          {rate('ftpRate')}
          {rate('clientRate')}
          {rate('feeRate')}
          <NumberInput
            size="xs"
            label={t('catalogue.fields.lifetimeMonths')}
            description={t('catalogue.hints.lifetimeMonths')}
            value={draft.lifetimeMonths}
            onChange={(value) => setDraft((d) => ({ ...d, lifetimeMonths: value }))}
            decimalScale={0}
            min={1}
            error={refusedField === 'lifetimeMonths'}
            data-testid="field-lifetimeMonths"
            {...separators}
          />
          {credit && rate('probabilityOfDefault')}
          {credit && rate('lossGivenDefault')}
        </SimpleGrid>
        <Alert variant="light" color="navy" p="xs" data-testid="implied-margin">
          <ImpliedMarginText margin={impliedMargin({ type: product.type, ...terms })} credit={credit} format={format} />
          {terms.feeRate !== null && terms.feeRate > 0 && (
            <Text fz="xs" c="dimmed">
              {t('catalogue.feeBeside', { fee: format.percent(terms.feeRate, 2) })}
            </Text>
          )}
        </Alert>
        <Checkbox label={t('catalogue.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
        <Text fz="xs" c="dimmed">
          {t('catalogue.decisionsKept')}
        </Text>
        {save.error && <ErrorAlert error={save.error} />}
        <Group justify="flex-end" gap="xs" mt={4}>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="save-product">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
