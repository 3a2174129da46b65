import { Alert, Button, Grid, Group, NumberInput, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Channel } from '../../../../src/contract/channels.ts'
import { ApiError } from '../../api/api-error.ts'
import { canCall } from '../../app/permissions.ts'
import { DayInput } from '../../components/DayInput.tsx'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { translateReason } from '../../i18n/translate-reason.ts'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { useSignedInUser } from '../session/useSession.ts'
import type { ProgramDetail } from './program-types.ts'
import { RolloutPlanResult } from './RolloutPlanResult.tsx'
import { useRolloutWhatIf, useSavedRolloutPlan, useSaveRolloutPlan, type RolloutPlan, type RolloutPlanBody } from './useRolloutPlan.ts'

type Value = number | string
type Form = {
  operators: Value
  callsPerHour: Value
  hoursPerDay: Value
  /** Percent, as the call centre says it: 35 for 35%. */
  reachPercent: Value
  start: string
  end: string
  maxWaveSize: Value
  budget: Value
  channelBudgets: Partial<Record<Channel, Value>>
}

const NUMBERS = ['operators', 'callsPerHour', 'hoursPerDay', 'reachPercent', 'maxWaveSize'] as const

/** The inputs as saved, or a typical call centre's day to start a what-if from. */
function initialForm(program: ProgramDetail, saved: RolloutPlan['inputs'] | undefined): Form {
  if (saved) {
    const channelBudgets = Object.fromEntries(saved.channelBudgets.map((b) => [b.channel, b.budget]))
    return { ...saved, reachPercent: Math.round(saved.reachRate * 10_000) / 100, end: saved.end ?? '', budget: saved.budget ?? '', channelBudgets }
  }
  const today = new Date().toISOString().slice(0, 10)
  return { operators: 10, callsPerHour: 12, hoursPerDay: 7, reachPercent: 35, start: program.plannedStart ?? today, end: program.plannedEnd ?? '', maxWaveSize: 5_000, budget: program.budget ?? '', channelBudgets: {} }
}

/** The request for the form, or null while a required number or the start is empty. */
function bodyOf(form: Form): RolloutPlanBody | null {
  if (NUMBERS.some((key) => form[key] === '') || form.start === '') return null
  const channelBudgets = Object.entries(form.channelBudgets).flatMap(([channel, budget]) => (budget === '' || budget === undefined ? [] : [{ channel: channel as Channel, budget: Number(budget) }]))
  return {
    operators: Number(form.operators),
    callsPerHour: Number(form.callsPerHour),
    hoursPerDay: Number(form.hoursPerDay),
    reachRate: Number(form.reachPercent) / 100,
    start: form.start,
    end: form.end === '' ? null : form.end,
    maxWaveSize: Number(form.maxWaveSize),
    budget: form.budget === '' ? null : Number(form.budget),
    channelBudgets,
  }
}

/** The rollout plan of a program: capacity and budgets in, waves and the business case out, as the inputs change (what-if); Save keeps the chosen plan. */
export function RolloutPlanPanel({ program }: { program: ProgramDetail }) {
  const { t } = useTranslation()
  const saved = useSavedRolloutPlan(program.code)
  return (
    <Paper withBorder p="sm" mt="sm" data-testid="rollout-plan">
      <Title order={2} mb={2}>
        {t('rollout.title')}
      </Title>
      <Text fz="xs" c="dimmed" mb="xs">
        {t('rollout.hint')}
      </Text>
      {saved.error ? <ErrorAlert error={saved.error} onRetry={() => void saved.refetch()} /> : !saved.data ? <Skeleton h={240} /> : <RolloutPlanEditor program={program} saved={saved.data.saved} />}
    </Paper>
  )
}

function RolloutPlanEditor({ program, saved }: { program: ProgramDetail; saved: (RolloutPlan & { savedAt: string; savedBy: { login: string; fullName: string | null } }) | null }) {
  const { t, i18n } = useTranslation()
  const format = useFormatters()
  const user = useSignedInUser()
  const [form, setForm] = useState<Form>(() => initialForm(program, saved?.inputs))
  const [debounced] = useDebouncedValue(form, 300)
  const body = useMemo(() => bodyOf(debounced), [debounced])
  const plan = useRolloutWhatIf(program.code, body)
  const save = useSaveRolloutPlan(program.code)
  const channels = (program.businessCase.channelCosts ?? []).map((c) => c.channel)
  const separators = i18n.language === 'en' ? { decimalSeparator: '.', thousandSeparator: ',' } : { decimalSeparator: ',', thousandSeparator: ' ' }
  const set = (changes: Partial<Form>) => setForm((current) => ({ ...current, ...changes }))
  const refusal = plan.error instanceof ApiError && plan.error.status === 400 ? (plan.error.details as { code: string; field?: string } | undefined) : undefined
  /** A refusal naming this field, in words, with the field called by its label. */
  const errorOf = (field: string, label: string) => (refusal?.field === field ? translateReason(t, { ...refusal, field: label }, { formatDay: format.date }) : undefined)
  const number = (key: (typeof NUMBERS)[number], field: string, extra: { suffix?: string; decimalScale?: number } = {}) => {
    const label = t(`rollout.fields.${key}`)
    return <NumberInput size="xs" label={label} value={form[key]} onChange={(value) => set({ [key]: value })} error={errorOf(field, label)} decimalScale={0} {...separators} {...extra} data-testid={`rollout-${key}`} />
  }
  const writer = canCall(user.role, 'PUT /api/programs/:code/rollout-plan') && program.status !== 'closed' && program.status !== 'cancelled'
  // A refused what-if keeps the last plan on screen, dimmed, beside the field it names.
  const last = useRef<RolloutPlan | undefined>(undefined)
  if (plan.data && !plan.error) last.current = plan.data
  const shown = plan.data ?? last.current
  const rouble = i18n.language === 'en' ? { prefix: '₽' } : { suffix: ' ₽' }
  return (
    <Grid gap="sm">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap={6}>
          <Text fz="xs" fw={600}>
            {t('rollout.callCentre')}
          </Text>
          <SimpleGrid cols={2} spacing="xs" verticalSpacing={6}>
            {number('operators', 'operators')}
            {number('callsPerHour', 'callsPerHour', { decimalScale: 1 })}
            {number('hoursPerDay', 'hoursPerDay', { decimalScale: 1 })}
            {number('reachPercent', 'reachRate', { suffix: i18n.language === 'en' ? '%' : ' %', decimalScale: 1 })}
          </SimpleGrid>
          <SimpleGrid cols={2} spacing="xs" verticalSpacing={6}>
            <DayInput label={t('rollout.fields.start')} value={form.start} onChange={(start) => set({ start })} testId="rollout-start" />
            <DayInput label={t('rollout.fields.end')} value={form.end} onChange={(end) => set({ end })} testId="rollout-end" />
          </SimpleGrid>
          {errorOf('end', t('rollout.fields.end')) && (
            <Text fz="xs" c="red" data-testid="rollout-end-error">
              {errorOf('end', t('rollout.fields.end'))}
            </Text>
          )}
          {number('maxWaveSize', 'maxWaveSize', { decimalScale: 0 })}
          <Text fz="xs" fw={600} mt={4}>
            {t('rollout.budgets')}
          </Text>
          <NumberInput size="xs" label={t('rollout.fields.budget')} value={form.budget} onChange={(budget) => set({ budget })} {...rouble} decimalScale={2} {...separators} error={errorOf('budget', t('rollout.fields.budget'))} data-testid="rollout-budget" />
          {channels.map((channel, i) => {
            const label = t('rollout.fields.channelBudget', { channel: t(`channels.${channel}`) })
            return (
              <NumberInput
                key={channel}
                size="xs"
                label={label}
                placeholder={t('rollout.noLimit')}
                value={form.channelBudgets[channel] ?? ''}
                onChange={(value) => set({ channelBudgets: { ...form.channelBudgets, [channel]: value } })}
                {...rouble}
                decimalScale={2}
                {...separators}
                error={errorOf(`channelBudgets[${i}].budget`, label)}
                data-testid={`rollout-budget-${channel}`}
              />
            )
          })}
          {writer && (
            <Group gap="xs" mt={4}>
              <Button size="xs" onClick={() => body && save.mutate(bodyOf(form)!)} disabled={!bodyOf(form) || Boolean(refusal)} loading={save.isPending} data-testid="rollout-save">
                {t('rollout.save')}
              </Button>
            </Group>
          )}
          {save.error && <ErrorAlert error={save.error} />}
          <SavedNote saved={save.data?.saved ?? saved} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        {plan.error && !refusal && <ErrorAlert error={plan.error} />}
        {refusal && !refusal.field && (
          <Alert color="red" variant="light" p="xs">
            <Text fz="xs">{translateReason(t, refusal)}</Text>
          </Alert>
        )}
        {shown ? <RolloutPlanResult plan={shown} stale={plan.isPlaceholderData || Boolean(plan.error)} /> : !plan.error && <Skeleton h={240} />}
      </Grid.Col>
    </Grid>
  )
}

function SavedNote({ saved }: { saved: { savedAt: string; savedBy: { login: string; fullName: string | null } } | null }) {
  const { t } = useTranslation()
  const format = useFormatters()
  if (!saved) {
    return (
      <Text fz="xs" c="dimmed" data-testid="rollout-saved">
        {t('rollout.notSaved')}
      </Text>
    )
  }
  return (
    <Text fz="xs" c="dimmed" data-testid="rollout-saved">
      {t('rollout.savedAt', { at: format.dateTime(saved.savedAt), who: saved.savedBy.fullName ?? saved.savedBy.login })}
    </Text>
  )
}
