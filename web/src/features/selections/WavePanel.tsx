import { Alert, Autocomplete, Button, Group, Input, MultiSelect, NumberInput, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { PolicyFunnel } from './PolicyFunnel.tsx'
import { CHANNELS, type Channel, type Rule, type WaveKind, type WaveRequest } from './selection-types.ts'
import { useBuildWave } from './useBuildWave.ts'
import { useWavePreview } from './useWavePreview.ts'
import { useProgramCodes } from './useProgramCodes.ts'
import { useBranches } from '../clients/useBranches.ts'
import { useRegions } from '../clients/useRegions.ts'

// The API's rule for a program code (wave-routes.ts).
const PROGRAM_CODE = /^[A-Za-z0-9_.-]{1,64}$/
const DEFAULT_CONTROL_PERCENT = 10

/** What a pilot takes of its selection (wave-schemas.ts waveSample, wavePlaces). */
type PilotReach = 'all' | 'sample' | 'branches' | 'regions'

/**
 * A wave over the rule on screen: the program, the channel, the control share and pilot or rollout;
 * Preview shows the policy funnel without building anything; Build freezes the wave (after a
 * preview of exactly these settings, so nobody builds a wave whose funnel they have not seen).
 */
export function WavePanel({ rule, selectionId }: { rule: Rule | null; selectionId: number | null }) {
  const { t, i18n } = useTranslation()
  const russian = i18n.language !== 'en'
  const navigate = useNavigate()
  const [programCode, setProgramCode] = useState('')
  const [channel, setChannel] = useState<Channel>('email')
  const [controlPercent, setControlPercent] = useState<number | string>(DEFAULT_CONTROL_PERCENT)
  const [kind, setKind] = useState<WaveKind>('pilot')
  const preview = useWavePreview()
  const build = useBuildWave()
  const programs = useProgramCodes()
  const [reach, setReach] = useState<PilotReach>('all')
  const [sampleSize, setSampleSize] = useState<number | string>('')
  const [places, setPlaces] = useState<string[]>([])
  const branches = useBranches()
  const regions = useRegions()

  const code = programCode.trim()
  const codeOk = PROGRAM_CODE.test(code)
  const shareOk = typeof controlPercent === 'number' && controlPercent > 0 && controlPercent < 100
  // A pilot may take a random sample of the selection, or only chosen branches or regions.
  const pilotReach: PilotReach = kind === 'pilot' ? reach : 'all'
  const sampleOk = pilotReach !== 'sample' || (typeof sampleSize === 'number' && Number.isInteger(sampleSize) && sampleSize > 0)
  const placesOk = (pilotReach !== 'branches' && pilotReach !== 'regions') || places.length > 0
  const reachFields: Pick<WaveRequest, 'sample' | 'scope'> =
    pilotReach === 'sample' ? { sample: { size: sampleSize as number } } : pilotReach === 'branches' ? { scope: { branches: places } } : pilotReach === 'regions' ? { scope: { regions: places } } : {}
  const request: WaveRequest | null =
    rule && codeOk && shareOk && sampleOk && placesOk
      ? { programCode: code, rule, channel, controlShare: (controlPercent as number) / 100, kind, ...(selectionId ? { selectionId } : {}), ...reachFields }
      : null
  const requestKey = request && JSON.stringify(request)
  const previewed = preview.data && preview.variables && JSON.stringify(preview.variables) === requestKey

  return (
    <Paper withBorder p="sm" data-testid="wave-panel">
      <Title order={2} mb={2}>
        {t('waves.panel.title')}
      </Title>
      <Text fz="xs" c="dimmed" mb="xs">
        {t('waves.panel.hint')}
      </Text>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Autocomplete
          size="xs"
          label={t('waves.panel.program')}
          description={t('waves.panel.programHint')}
          data={programs}
          value={programCode}
          onChange={setProgramCode}
          error={code !== '' && !codeOk ? t('waves.panel.programInvalid') : undefined}
          w={220}
          data-testid="wave-program"
        />
        <Select
          label={t('waves.panel.channel')}
          data={CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))}
          value={channel}
          onChange={(value) => value && setChannel(value as Channel)}
          allowDeselect={false}
          w={130}
          data-testid="wave-channel"
        />
        <NumberInput
          label={t('waves.panel.controlShare')}
          value={controlPercent}
          onChange={setControlPercent}
          min={1}
          max={50}
          step={1}
          // Russian writes "12,5 %", English "12.5%".
          suffix={russian ? ' %' : '%'}
          decimalSeparator={russian ? ',' : '.'}
          decimalScale={1}
          error={!shareOk ? t('waves.panel.controlShareInvalid') : undefined}
          w={110}
          data-testid="wave-control-share"
        />
        <Input.Wrapper label={t('waves.panel.kind')} size="xs">
          <SegmentedControl
            display="flex"
            aria-label={t('waves.panel.kind')}
            value={kind}
            onChange={(value) => setKind(value as WaveKind)}
            data={[
              { value: 'pilot', label: t('waves.kinds.pilot') },
              { value: 'rollout', label: t('waves.kinds.rollout') },
            ]}
          />
        </Input.Wrapper>
      </Group>
      {kind === 'pilot' && (
        <Group gap="sm" align="flex-end" wrap="wrap" mt="xs" data-testid="wave-reach">
          <Input.Wrapper label={t('waves.panel.reach')} size="xs">
            <SegmentedControl
              display="flex"
              aria-label={t('waves.panel.reach')}
              value={reach}
              onChange={(value) => {
                setReach(value as PilotReach)
                setPlaces([])
              }}
              data={(['all', 'sample', 'branches', 'regions'] as const).map((value) => ({ value, label: t(`waves.panel.reaches.${value}`) }))}
            />
          </Input.Wrapper>
          {reach === 'sample' && (
            <NumberInput
              label={t('waves.panel.sampleSize')}
              description={t('waves.panel.sampleSizeHint')}
              value={sampleSize}
              onChange={setSampleSize}
              min={1}
              step={500}
              allowDecimal={false}
              thousandSeparator={russian ? ' ' : ','}
              error={!sampleOk && sampleSize !== '' ? t('waves.panel.sampleSizeInvalid') : undefined}
              w={200}
              data-testid="wave-sample-size"
            />
          )}
          {(reach === 'branches' || reach === 'regions') && (
            <MultiSelect
              label={t(reach === 'branches' ? 'waves.panel.branches' : 'waves.panel.regions')}
              data={
                reach === 'branches'
                  ? (branches.data?.items ?? []).map((b) => ({ value: b.code, label: b.name }))
                  : (regions.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))
              }
              value={places}
              onChange={setPlaces}
              searchable
              clearable
              maxValues={500}
              w={420}
              data-testid="wave-places"
            />
          )}
        </Group>
      )}
      <Group gap="xs" mt="xs">
        <Button variant="default" disabled={!request} loading={preview.isPending} onClick={() => request && preview.mutate(request)} data-testid="wave-preview">
          {t('waves.panel.preview')}
        </Button>
        <Button
          disabled={!request || !previewed}
          loading={build.isPending}
          onClick={() => request && build.mutate(request, { onSuccess: (built) => navigate(`/selections/waves/${built.wave}`) })}
          data-testid="wave-build"
        >
          {t('waves.panel.build')}
        </Button>
      </Group>
      {!rule && (
        <Text fz="xs" c="dimmed" mt="xs">
          {t('waves.panel.needRule')}
        </Text>
      )}
      {preview.error && (
        <Stack mt="xs">
          <ErrorAlert error={preview.error} />
        </Stack>
      )}
      {build.error && (
        <Stack mt="xs">
          <ErrorAlert error={build.error} />
        </Stack>
      )}
      {preview.data && (
        <Stack gap={4} mt="sm" style={{ opacity: previewed ? 1 : 0.5 }}>
          <Group justify="space-between">
            <Title order={3}>{t('waves.funnel.title')}</Title>
            {!previewed && (
              <Text fz="xs" c="orange.8">
                {t('waves.panel.stale')}
              </Text>
            )}
          </Group>
          <PolicyFunnel funnel={preview.data} testId="preview-funnel" />
          {previewed && preview.data.target === 0 && (
            <Alert color="orange" variant="light" p="xs">
              <Text fz="xs">{t('waves.panel.emptyTarget')}</Text>
            </Alert>
          )}
        </Stack>
      )}
    </Paper>
  )
}
