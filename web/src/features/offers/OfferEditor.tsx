import { Badge, Button, Code, Group, NumberInput, Paper, Select, Stack, Tabs, Text, TextInput, Textarea } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CHANNEL_PARTS, OFFER_CHANNELS, type CallObjection, type OfferChannel, type OfferDetail, type OfferTemplate, type OfferTemplatePart } from '../../../../src/contract/offer-schemas.ts'
import { TEMPLATE_FIELDS, TEMPLATE_FILTERS } from '../../../../src/contract/offer-template-fields.ts'
import { canCall } from '../../app/permissions.ts'
import { DayInput } from '../../components/DayInput.tsx'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useProducts } from '../programs/useProducts.ts'
import { useSignedInUser } from '../session/useSession.ts'
import { OFFER_STATUS_COLOR } from './offer-status-color.ts'
import { RetireOfferButton } from './RetireOfferButton.tsx'
import { SmsCounter } from './SmsCounter.tsx'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { useApproveOffer, useOffer, useSaveOffer } from './useOffers.ts'
import { CallObjectionsEditor } from './CallObjectionsEditor.tsx'
import { OfferPreviewPanel } from './OfferPreviewPanel.tsx'

type Form = {
  code: string
  name: string
  product: string | null
  terms: string
  /** Percent as typed (12.5), a fraction on the wire. */
  ratePercent: number | string
  termMonths: number | string
  amount: number | string
  validFrom: string
  validUntil: string
  link: string
  templates: Record<OfferChannel, Record<OfferTemplatePart, string>>
  objections: CallObjection[]
}

const PART_KEY: Record<OfferTemplatePart, keyof OfferTemplate> = { subject: 'subject', body_html: 'bodyHtml', body_text: 'bodyText', script: 'script' }
const emptyParts = (): Record<OfferTemplatePart, string> => ({ subject: '', body_html: '', body_text: '', script: '' })

function formOf(offer: OfferDetail | undefined): Form {
  const templates = Object.fromEntries(OFFER_CHANNELS.map((channel) => [channel, emptyParts()])) as Form['templates']
  for (const template of offer?.templates ?? []) {
    for (const part of CHANNEL_PARTS[template.channel]) templates[template.channel][part] = (template[PART_KEY[part]] as string | null) ?? ''
  }
  return {
    code: offer?.code ?? '',
    name: offer?.name ?? '',
    product: offer?.product ?? null,
    terms: offer?.terms ?? '',
    ratePercent: offer?.rate == null ? '' : Math.round(offer.rate * 1e6) / 1e4,
    termMonths: offer?.termMonths ?? '',
    amount: offer?.amount ?? '',
    validFrom: offer?.validFrom ?? '',
    validUntil: offer?.validUntil ?? '',
    link: offer?.link ?? '',
    templates,
    objections: offer?.templates.find((t) => t.channel === 'call')?.objections ?? [],
  }
}

const orNull = (value: number | string) => (value === '' ? null : Number(value))

function bodyOf(form: Form) {
  const templates = OFFER_CHANNELS.flatMap((channel) => {
    const parts = CHANNEL_PARTS[channel].filter((part) => form.templates[channel][part].trim() !== '')
    // Rows left wholly empty are dropped; a half-filled one goes, for the server to name.
    const objections = channel === 'call' ? form.objections.filter((o) => o.objection.trim() !== '' || o.answer.trim() !== '') : []
    if (parts.length === 0 && objections.length === 0) return []
    const template: OfferTemplate = { channel, subject: null, bodyHtml: null, bodyText: null, script: null, objections }
    for (const part of parts) (template as Record<string, unknown>)[PART_KEY[part]] = form.templates[channel][part]
    return [template]
  })
  const rate = orNull(form.ratePercent)
  return {
    name: form.name,
    product: form.product,
    terms: form.terms.trim() === '' ? null : form.terms,
    rate: rate === null ? null : Math.round(rate * 1e4) / 1e6,
    termMonths: orNull(form.termMonths),
    amount: orNull(form.amount),
    validFrom: form.validFrom || null,
    validUntil: form.validUntil || null,
    link: form.link.trim() === '' ? null : form.link.trim(),
    templates,
  }
}

/** One offer: its terms, a template per channel (an SMS with its live counter), approval and a preview for a client. */
export function OfferEditor({ code, onSaved }: { code: string | undefined; onSaved: (code: string) => void }) {
  const { t } = useTranslation()
  const me = useSignedInUser()
  const format = useFormatters()
  const offer = useOffer(code)
  const products = useProducts()
  const save = useSaveOffer()
  const approve = useApproveOffer()
  const [form, setForm] = useState<Form>(() => formOf(undefined))
  const [channel, setChannel] = useState<OfferChannel>('sms')
  useEffect(() => {
    if (offer.data) setForm(formOf(offer.data))
  }, [offer.data])
  const retired = offer.data?.status === 'retired'
  const canWrite = canCall(me.role, 'PUT /api/offers/:code') && !retired
  const canRetire = canCall(me.role, 'POST /api/offers/:code/retire') && offer.data !== undefined && !retired
  const canApprove = canCall(me.role, 'POST /api/offers/:code/approve') && offer.data?.status === 'draft' && offer.data.createdBy.login !== me.login
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((current) => ({ ...current, [key]: value }))
  const setPart = (part: OfferTemplatePart, value: string) =>
    setForm((current) => ({ ...current, templates: { ...current.templates, [channel]: { ...current.templates[channel], [part]: value } } }))
  const onSave = () => {
    const body = bodyOf(form)
    save.mutate(code === undefined ? { create: true, body: { code: form.code, ...body } } : { create: false, code, body: { ...body, version: offer.data?.version } }, {
      onSuccess: (saved) => onSaved(saved.code),
    })
  }
  return (
    <Paper withBorder p="sm" data-testid="offer-editor">
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600} fz="sm">
            {code === undefined ? t('offers.newTitle') : offer.data?.name}
          </Text>
          {offer.data && (
            <Group gap="xs">
              <Badge variant="light" tt="none" color={OFFER_STATUS_COLOR[offer.data.status]}>
                {t(`offers.status.${offer.data.status}`)}
              </Badge>
              <Text fz="xs" c="dimmed">
                {t('offers.version', { version: offer.data.version })} · {offer.data.createdBy.fullName ?? offer.data.createdBy.login}
                {offer.data.approvedBy ? ` · ${t('offers.approvedBy', { name: offer.data.approvedBy.fullName ?? offer.data.approvedBy.login })}` : ''}
                {offer.data.retiredBy && offer.data.retiredAt
                  ? ` · ${t('offers.retire.retiredBy', { name: offer.data.retiredBy.fullName ?? offer.data.retiredBy.login, date: format.dayOf(offer.data.retiredAt) })}`
                  : ''}
              </Text>
            </Group>
          )}
        </Group>
        <Group grow align="flex-start">
          {code === undefined && <TextInput size="xs" label={t('offers.fields.code')} value={form.code} onChange={(e) => set('code', e.currentTarget.value)} />}
          <TextInput size="xs" label={t('offers.fields.name')} value={form.name} onChange={(e) => set('name', e.currentTarget.value)} />
          <Select
            size="xs"
            label={t('offers.fields.product')}
            clearable
            value={form.product}
            onChange={(value) => set('product', value)}
            data={(products.data?.items ?? []).map((p) => ({ value: p.code, label: p.name }))}
          />
        </Group>
        <Group grow align="flex-start">
          <NumberInput size="xs" label={t('offers.fields.rate')} decimalSeparator={t('offers.decimalSeparator')} value={form.ratePercent} onChange={(v) => set('ratePercent', v)} min={0} max={100} />
          <NumberInput size="xs" label={t('offers.fields.termMonths')} value={form.termMonths} onChange={(v) => set('termMonths', v)} min={1} allowDecimal={false} />
          <NumberInput size="xs" label={t('offers.fields.amount')} thousandSeparator={'\u00a0'} decimalSeparator={t('offers.decimalSeparator')} value={form.amount} onChange={(v) => set('amount', v)} min={0} />
        </Group>
        <Group grow align="flex-start">
          <DayInput label={t('offers.fields.validFrom')} value={form.validFrom} onChange={(v) => set('validFrom', v)} />
          <DayInput label={t('offers.fields.validUntil')} value={form.validUntil} onChange={(v) => set('validUntil', v)} />
          <TextInput size="xs" label={t('offers.fields.link')} placeholder="https://bank.ru/…" value={form.link} onChange={(e) => set('link', e.currentTarget.value)} />
        </Group>
        <Textarea size="xs" label={t('offers.fields.terms')} autosize minRows={1} maxRows={3} value={form.terms} onChange={(e) => set('terms', e.currentTarget.value)} />
        <Tabs value={channel} onChange={(value) => value && setChannel(value as OfferChannel)}>
          <Tabs.List>
            {OFFER_CHANNELS.map((c) => (
              <Tabs.Tab key={c} value={c} fz="xs">
                {t(`offers.channels.${c}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        {CHANNEL_PARTS[channel].map((part) => (
          <Textarea
            key={part}
            size="xs"
            label={t(`offers.parts.${part}`)}
            autosize
            minRows={part === 'subject' ? 1 : 3}
            maxRows={8}
            ff="monospace"
            value={form.templates[channel][part]}
            onChange={(e) => setPart(part, e.currentTarget.value)}
            readOnly={!canWrite}
          />
        ))}
        {channel === 'call' && <CallObjectionsEditor value={form.objections} onChange={(objections) => set('objections', objections)} readOnly={!canWrite} />}
        {channel === 'sms' && (
          <Stack gap={0}>
            <SmsCounter text={form.templates.sms.body_text} />
            <Text fz={10} c="dimmed">{t('offers.sms.templateHint')}</Text>
          </Stack>
        )}
        <Group gap={4} wrap="wrap">
          <Text fz={10} c="dimmed">{t('offers.fieldsHint')}</Text>
          {Object.entries(TEMPLATE_FIELDS).flatMap(([object, fields]) => Object.keys(fields).map((field) => <Code key={`${object}.${field}`} fz={10}>{`${object}.${field}`}</Code>))}
          <Text fz={10} c="dimmed">{t('offers.filtersHint')}</Text>
          {TEMPLATE_FILTERS.map((filter) => <Code key={filter} fz={10}>{filter}</Code>)}
        </Group>
        {save.error && <ErrorAlert error={save.error} />}
        {approve.error && <ErrorAlert error={approve.error} />}
        <Group gap="xs">
          {canWrite && (
            <Button size="xs" onClick={onSave} loading={save.isPending}>
              {code === undefined ? t('offers.create') : t('offers.saveVersion')}
            </Button>
          )}
          {canApprove && offer.data && (
            <Button size="xs" color="teal" variant="light" loading={approve.isPending} onClick={() => approve.mutate({ code: offer.data.code, version: offer.data.version })}>
              {t('offers.approve')}
            </Button>
          )}
          {canWrite && offer.data?.status === 'approved' && <Text fz={10} c="dimmed">{t('offers.editVoids')}</Text>}
          {canRetire && <RetireOfferButton offer={offer.data!} />}
        </Group>
        {code !== undefined && <OfferPreviewPanel code={code} channel={channel} />}
      </Stack>
    </Paper>
  )
}
