import { Alert, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { canCall } from '../../app/permissions.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { translateReason } from '../../i18n/translate-reason.ts'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { useSignedInUser } from '../session/useSession.ts'
import type { ProgramDetail } from './program-types.ts'
import { usePilotDesign, type PilotDesignRequest } from './usePilotDesign.ts'
import { useSaveProgram } from './useSaveProgram.ts'

type Num = number | string
const toNumber = (value: Num): number | undefined => (value === '' || Number.isNaN(Number(value)) ? undefined : Number(value))
/** Percent typed (5) to the share the API takes (0.05); empty leaves the program's default. */
const share = (value: Num) => {
  const n = toNumber(value)
  return n === undefined ? undefined : n / 100
}
const asPercent = (value: number) => Math.round(value * 1e6) / 1e4
/** α as people write it: 0,05 and 0,01, 0,025 when it has three digits. */
const levelDigits = (value: number) => (Math.abs(value * 100 - Math.round(value * 100)) < 1e-9 ? 2 : 3)
type Key = 'baseline' | 'uplift' | 'alpha' | 'power' | 'controlShare'
/** The shares and levels must lie strictly between 0 and 1 (100 %); the uplift's bounds are the server's to check. */
const BOUNDED: readonly Key[] = ['baseline', 'alpha', 'power', 'controlShare']

/**
 * The pilot design of a program (issue 7, item 5): the baseline, the smallest uplift worth
 * detecting (the break-even by default), α, power and the control share give the target and control
 * sizes; the program's selection gives the uplift it can detect and what that uplift is worth. The
 * size found can be put into the plan's pilot size.
 */
export function PilotDesignPanel({ program }: { program: ProgramDetail }) {
  const { t, i18n } = useTranslation()
  const format = useFormatters()
  const user = useSignedInUser()
  const save = useSaveProgram(program.code)
  const separators = i18n.language === 'en' ? { decimalSeparator: '.', thousandSeparator: ',' } : { decimalSeparator: ',', thousandSeparator: ' ' }
  const percentSuffix = i18n.language === 'en' ? '%' : ' %'
  const [inputs, setInputs] = useState<Record<Key, Num>>({ baseline: '', uplift: '', alpha: 0.05, power: 80, controlShare: '' })
  const request: PilotDesignRequest = {
    baseline: share(inputs.baseline),
    uplift: share(inputs.uplift),
    alpha: toNumber(inputs.alpha),
    power: share(inputs.power),
    controlShare: share(inputs.controlShare),
  }
  const outOfRange = (key: Key) => {
    const value = request[key]
    return BOUNDED.includes(key) && value !== undefined && !(value > 0 && value < 1)
  }
  const invalid = BOUNDED.some(outOfRange)
  const [debounced] = useDebouncedValue(request, 300)
  const design = usePilotDesign(program.code, debounced, program.updatedAt, !invalid)
  const data = design.data
  const set = (key: Key) => (value: Num) => setInputs((current) => ({ ...current, [key]: value }))
  const field = (key: Key, suffix: string | undefined, placeholder: number | undefined, decimals: number) => (
    <NumberInput
      size="xs"
      label={t(`programs.pilot.${key}`)}
      error={outOfRange(key) ? t(key === 'alpha' ? 'programs.pilot.levelRange' : 'programs.pilot.shareRange') : undefined}
      value={inputs[key]}
      onChange={set(key)}
      suffix={suffix}
      decimalScale={decimals}
      placeholder={placeholder === undefined ? undefined : format.number(placeholder, Math.min(decimals, 3))}
      data-testid={`pilot-${key}`}
      {...separators}
    />
  )
  // Percentage points with no trailing zeros: 1 п.п., 0,045 п.п., 0,531 п.п.
  const points = (share: number) => {
    const value = share * 100
    const digits = [0, 1, 2, 3].find((d) => Math.abs(value - Math.round(value * 10 ** d) / 10 ** d) < 1e-9) ?? 3
    return t('programs.pilot.upliftPoints', { value: format.number(value, digits) })
  }
  const canSave = canCall(user.role, 'PATCH /api/programs/:code') && program.status !== 'closed' && program.status !== 'cancelled'
  const total = data?.required.total
  return (
    <Paper withBorder p="sm" data-testid="pilot-design">
      <Title order={2} mb={2}>
        {t('programs.pilot.title')}
      </Title>
      <Text fz="xs" c="dimmed" mb={6}>
        {t('programs.pilot.hint')}
      </Text>
      {/* Labels of one and two lines: the inputs line up at the bottom. */}
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs" mb="sm" style={{ alignItems: 'end' }}>
        {field('baseline', percentSuffix, data && data.baselineFrom === 'case' ? asPercent(data.baseline) : undefined, 3)}
        {field('uplift', ` ${t('programs.pilot.points')}`, data && data.upliftFrom === 'break_even' ? asPercent(data.uplift) : undefined, 3)}
        {field('alpha', undefined, undefined, 3)}
        {field('power', percentSuffix, undefined, 1)}
        {field('controlShare', percentSuffix, asPercent(program.controlShare), 2)}
      </SimpleGrid>
      {design.error && !invalid ? <ErrorAlert error={design.error} /> : null}
      {data && !design.error && !invalid && (
        <Stack gap="xs" style={{ opacity: design.isPlaceholderData ? 0.6 : 1 }}>
          <Text fz="xs" c="dimmed" data-testid="pilot-inputs">
            {t('programs.pilot.basis', {
              baseline: format.percent(data.baseline, 2),
              uplift: points(data.uplift),
              source: data.upliftFrom === 'break_even' ? t('programs.pilot.fromBreakEven') : t('programs.pilot.fromRequest'),
              alpha: format.number(data.alpha, levelDigits(data.alpha)),
              power: format.percent(data.power, 0),
              control: format.percent(data.controlShare, 1),
            })}
          </Text>
          <SimpleGrid cols={3} spacing="xs">
            {([
              ['target', data.required.target],
              ['control', data.required.control],
              ['total', data.required.total],
            ] as const).map(([key, value]) => (
              <Paper key={key} withBorder p="xs" bg="gray.0">
                <Text fz={11} c="dimmed" tt="uppercase" fw={600} lts={0.3}>
                  {t(`programs.pilot.required.${key}`)}
                </Text>
                <Text fz={18} fw={700} lh={1.2} data-testid={`pilot-required-${key}`}>
                  {format.number(value)}
                </Text>
              </Paper>
            ))}
          </SimpleGrid>
          {data.selection ? (
            <Text fz="xs" data-testid="pilot-selection">
              {t('programs.pilot.selection', {
                audience: format.number(data.selection.audience),
                target: format.number(data.selection.target),
                control: format.number(data.selection.control),
              })}{' '}
              {data.selection.detectableUplift === null
                ? t('programs.pilot.undetectable')
                : t('programs.pilot.detects', {
                    uplift: points(data.selection.detectableUplift),
                    npv: format.money(data.selection.npvAtDetectable),
                  })}
            </Text>
          ) : (
            <Text fz="xs" c="dimmed">
              {t('programs.pilot.noSelection')}
            </Text>
          )}
          {data.npvAtUplift !== null && (
            <Text fz="xs" data-testid="pilot-npv-at-uplift">
              {t('programs.pilot.npvAtUplift', { npv: format.money(data.npvAtUplift) })}
            </Text>
          )}
          {data.caseMissing && (
            <Text fz="xs" c="dimmed" data-testid="pilot-case-missing">
              {t('programs.pilot.noMoney')} {translateReason(t, data.caseMissing)}
            </Text>
          )}
          {data.warnings.map((warning) => (
            <Alert key={warning.code} color="yellow" variant="light" p="xs" role="status" data-testid="pilot-warning" data-code={warning.code}>
              <Text fz="xs">{translateReason(t, warning)}</Text>
            </Alert>
          ))}
          {canSave && total !== undefined && (
            <Group gap="xs">
              <Button size="xs" variant="light" disabled={program.pilotSize === total} loading={save.isPending} onClick={() => save.mutate({ pilotSize: total })} data-testid="pilot-save-size">
                {t('programs.pilot.saveSize', { size: format.number(total) })}
              </Button>
              {program.pilotSize !== null && (
                <Text fz="xs" c="dimmed">
                  {t('programs.pilot.planned', { size: format.number(program.pilotSize) })}
                </Text>
              )}
            </Group>
          )}
          {save.error ? <ErrorAlert error={save.error} /> : null}
        </Stack>
      )}
    </Paper>
  )
}
