import { Button, Chip, Divider, Group, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { CHANNELS, type Channel } from '../../../../src/contract/channels.ts'
import { PROGRAM_GOALS } from '../../../../src/contract/program-schemas.ts'
import { DayInput } from '../../components/DayInput.tsx'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { ProgramOfferSelect } from './ProgramOfferSelect.tsx'
import { useSelections } from '../selections/useSelections.ts'
import type { BusinessCaseAssumptions, ProgramDetail, ProgramGoal, ProgramPlan } from './program-types.ts'
import { useProducts } from './useProducts.ts'
import { useSaveProgram } from './useSaveProgram.ts'

type Num = number | string
// Rates are typed as percentages and sent as fractions; money in roubles; counts as they are.
const RATES = ['responseRateTarget', 'responseRateControl', 'conversion', 'discountRate'] as const
const AMOUNTS = ['fixedCosts', 'averageBalance', 'annualTurnover', 'exposureAtDefault', 'annualFee'] as const
const COUNTS = ['audience', 'lifetimeMonths', 'horizonYears'] as const

const toNumber = (value: Num): number | undefined => (value === '' || value === undefined ? undefined : Number(value))
const percent = (share: number | undefined): Num => (share === undefined ? '' : Math.round(share * 1e6) / 1e4)

/** The program's plan and business case, all of it in one form; saving sends the whole plan (PATCH). */
export function ProgramPlanForm({ program, onDone }: { program: ProgramDetail; onDone: () => void }) {
  const { t, i18n } = useTranslation()
  // Numbers are typed as the user's language writes them: 3,5 in Russian, 3.5 in English.
  const separators = i18n.language === 'en' ? { decimalSeparator: '.', thousandSeparator: ',' } : { decimalSeparator: ',', thousandSeparator: ' ' }
  // Russian writes "10 %", English "10%".
  const percentSuffix = i18n.language === 'en' ? '%' : ' %'
  // Roubles as the language writes them: «1 234 567,89 ₽» in Russian, "₽1,234,567.89" in English.
  const rubles = { ...(i18n.language === 'en' ? { prefix: '₽' } : { suffix: ' ₽' }), fixedDecimalScale: true }
  const percentAffix = { suffix: percentSuffix }
  const save = useSaveProgram(program.code)
  const products = useProducts()
  const selections = useSelections()
  const bc = program.businessCase
  const [plan, setPlan] = useState({
    name: program.name,
    goal: program.goal,
    targetProduct: program.targetProduct,
    offer: program.offer ?? '',
    offerCode: program.offerCode,
    channels: program.channels,
    selectionId: program.selectionId === null ? null : String(program.selectionId),
    plannedStart: program.plannedStart ?? '',
    plannedEnd: program.plannedEnd ?? '',
    budget: (program.budget ?? '') as Num,
    controlShare: percent(program.controlShare),
    pilotSize: (program.pilotSize ?? '') as Num,
  })
  const [numbers, setNumbers] = useState<Record<string, Num>>(() => ({
    ...Object.fromEntries(RATES.map((key) => [key, percent(bc[key])])),
    ...Object.fromEntries([...AMOUNTS, ...COUNTS].map((key) => [key, bc[key] ?? ''])),
  }))
  const [costs, setCosts] = useState<Record<string, { costPerContact: Num; contactsPerClient: Num }>>(() =>
    Object.fromEntries((bc.channelCosts ?? []).map((c) => [c.channel, { costPerContact: c.costPerContact, contactsPerClient: c.contactsPerClient ?? 1 }])),
  )
  const set = (part: Partial<typeof plan>) => setPlan((current) => ({ ...current, ...part }))
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const businessCase: BusinessCaseAssumptions = {}
    for (const key of RATES) if (toNumber(numbers[key]!) !== undefined) businessCase[key] = toNumber(numbers[key]!)! / 100
    for (const key of [...AMOUNTS, ...COUNTS]) if (toNumber(numbers[key]!) !== undefined) businessCase[key] = toNumber(numbers[key]!)
    const priced = plan.channels.filter((channel) => toNumber(costs[channel]?.costPerContact ?? '') !== undefined)
    if (priced.length > 0) {
      businessCase.channelCosts = priced.map((channel) => ({ channel, costPerContact: toNumber(costs[channel]!.costPerContact)!, contactsPerClient: toNumber(costs[channel]!.contactsPerClient) ?? 1 }))
    }
    const changes: Partial<ProgramPlan> = {
      name: plan.name.trim(),
      ...(plan.goal && { goal: plan.goal }),
      targetProduct: plan.targetProduct,
      offer: plan.offer.trim() || null,
      offerCode: plan.offerCode,
      channels: plan.channels,
      selectionId: plan.selectionId === null ? null : Number(plan.selectionId),
      plannedStart: plan.plannedStart || null,
      plannedEnd: plan.plannedEnd || null,
      budget: toNumber(plan.budget) ?? null,
      ...(toNumber(plan.controlShare) !== undefined && { controlShare: toNumber(plan.controlShare)! / 100 }),
      pilotSize: toNumber(plan.pilotSize) ?? null,
      businessCase,
    }
    save.mutate(changes, { onSuccess: onDone })
  }
  const number = (key: string, affix?: { prefix?: string; suffix?: string }) => (
    <NumberInput
      key={key}
      size="xs"
      label={t(`programs.fields.${key}`)}
      value={numbers[key]}
      onChange={(value) => setNumbers((current) => ({ ...current, [key]: value }))}
      {...affix}
      decimalScale={(RATES as readonly string[]).includes(key) ? 4 : (AMOUNTS as readonly string[]).includes(key) ? 2 : 0}
      {...separators}
      data-testid={`field-${key}`}
    />
  )
  return (
    <form onSubmit={submit} data-testid="program-plan-form">
      <Stack gap="xs">
        <TextInput size="xs" label={t('programs.fields.name')} value={plan.name} onChange={(e) => set({ name: e.currentTarget.value })} required />
        <SimpleGrid cols={2} spacing="xs">
          <Select
            size="xs"
            label={t('programs.fields.goal')}
            data={PROGRAM_GOALS.map((value) => ({ value, label: t(`programs.goals.${value}`) }))}
            value={plan.goal}
            onChange={(value) => set({ goal: value as ProgramGoal })}
            allowDeselect={false}
          />
          <Select
            size="xs"
            label={t('programs.fields.targetProduct')}
            data={(products.data?.items ?? []).map((p) => ({ value: p.code, label: `${p.name} (${p.code})` }))}
            value={plan.targetProduct}
            onChange={(value) => set({ targetProduct: value })}
            clearable
            searchable
            data-testid="field-targetProduct"
          />
        </SimpleGrid>
        <ProgramOfferSelect value={plan.offerCode} onChange={(offerCode) => set({ offerCode })} />
        <Textarea size="xs" label={t('programs.fields.offer')} value={plan.offer} onChange={(e) => set({ offer: e.currentTarget.value })} autosize minRows={2} maxLength={2000} />
        <Select
          size="xs"
          label={t('programs.fields.selection')}
          data={(selections.data?.items ?? []).map((s) => ({ value: String(s.id), label: s.name }))}
          value={plan.selectionId}
          onChange={(value) => set({ selectionId: value })}
          clearable
          searchable
        />
        <Text fz="xs" fw={500}>
          {t('programs.fields.channels')}
        </Text>
        <Chip.Group multiple value={plan.channels} onChange={(value) => set({ channels: CHANNELS.filter((c) => value.includes(c)) as Channel[] })}>
          <Group gap={6}>
            {CHANNELS.map((channel) => (
              <Chip key={channel} value={channel} size="xs" data-testid={`channel-${channel}`}>
                {t(`channels.${channel}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <SimpleGrid cols={4} spacing="xs">
          <DayInput label={t('programs.fields.plannedStart')} value={plan.plannedStart} onChange={(plannedStart) => set({ plannedStart })} testId="field-plannedStart" />
          <DayInput label={t('programs.fields.plannedEnd')} value={plan.plannedEnd} onChange={(plannedEnd) => set({ plannedEnd })} testId="field-plannedEnd" />
          <NumberInput size="xs" label={t('programs.fields.controlShare')} value={plan.controlShare} onChange={(value) => set({ controlShare: value })} suffix={percentSuffix} decimalScale={2} {...separators} />
          <NumberInput size="xs" label={t('programs.fields.pilotSize')} value={plan.pilotSize} onChange={(value) => set({ pilotSize: value })} {...separators} decimalScale={0} data-testid="field-pilotSize" />
        </SimpleGrid>
        <NumberInput size="xs" label={t('programs.fields.budget')} value={plan.budget} onChange={(value) => set({ budget: value })} {...rubles} {...separators} decimalScale={2} />
        <Divider label={t('programs.case.title')} labelPosition="left" />
        {plan.channels.map((channel) => (
          <SimpleGrid key={channel} cols={2} spacing="xs">
            <NumberInput
              size="xs"
              label={t('programs.fields.costPerContact', { channel: t(`channels.${channel}`) })}
              value={costs[channel]?.costPerContact ?? ''}
              onChange={(value) => setCosts((current) => ({ ...current, [channel]: { contactsPerClient: current[channel]?.contactsPerClient ?? 1, costPerContact: value } }))}
              {...rubles}
              decimalScale={2}
              {...separators}
              data-testid={`field-cost-${channel}`}
            />
            <NumberInput
              size="xs"
              label={t('programs.fields.contactsPerClient')}
              value={costs[channel]?.contactsPerClient ?? 1}
              onChange={(value) => setCosts((current) => ({ ...current, [channel]: { costPerContact: current[channel]?.costPerContact ?? '', contactsPerClient: value } }))}
              decimalScale={0}
            />
          </SimpleGrid>
        ))}
        <SimpleGrid cols={3} spacing="xs">
          {number('audience')}
          {number('responseRateTarget', percentAffix)}
          {number('responseRateControl', percentAffix)}
          {number('conversion', percentAffix)}
          {number('fixedCosts', rubles)}
          {number('averageBalance', rubles)}
          {number('annualTurnover', rubles)}
          {number('exposureAtDefault', rubles)}
          {number('annualFee', rubles)}
          {number('lifetimeMonths')}
          {number('discountRate', percentAffix)}
          {number('horizonYears')}
        </SimpleGrid>
        <Text fz={11} c="dimmed">
          {program.status === 'approved' ? t('programs.plan.voidsApproval') : t('programs.plan.audienceHint')}
        </Text>
        {save.error && <ErrorAlert error={save.error} />}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" size="xs" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" size="xs" loading={save.isPending} data-testid="save-plan">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
