import { Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Switch, Text, Title, Tooltip } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { RESPONSE_TYPE_LABELS, type ResponseType } from '../../../../src/contract/response-types.ts'
import { canCall } from '../../app/permissions.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useSignedInUser } from '../session/useSession.ts'
import { ProgramMoves } from './ProgramMoves.tsx'
import type { ProgramDetail } from './program-types.ts'
import { useProgramVerdict, type ProgramVerdict, type ResponseVerdict, type VerdictViewOptions } from './useProgramVerdict.ts'
import { useVerdictFormat } from './useVerdictFormat.ts'
import { VerdictSrmCheck } from './VerdictSrmCheck.tsx'
import { RECOMMENDATION_COLORS, VerdictTable } from './VerdictTable.tsx'

const JUDGED = ['pilot', 'evaluated', 'rollout', 'closed'] as const

/** Whether the page shows the verdict: a program past its pilot, to a role that reads verdicts. */
export function showsVerdict(program: Pick<ProgramDetail, 'status'>, role: Parameters<typeof canCall>[0]): boolean {
  return (JUDGED as readonly string[]).includes(program.status) && canCall(role, 'GET /api/programs/:code/verdict')
}

/** The pilot's verdict on the program page: the window, the table, the SRM check, the recommendation beside the case, and the head's decision. */
export function ProgramVerdictPanel({ program }: { program: ProgramDetail }) {
  const user = useSignedInUser()
  if (!showsVerdict(program, user.role)) return null
  return <VerdictPanel program={program} />
}

function VerdictPanel({ program }: { program: ProgramDetail }) {
  const { t } = useTranslation()
  const [options, setOptions] = useState<VerdictViewOptions>({ cuped: false, monitoring: 'fixed' })
  const verdict = useProgramVerdict(program.code, options)
  return (
    <Paper withBorder p="sm" mb="sm" data-testid="program-verdict">
      <Group justify="space-between" align="flex-start" mb={4}>
        <Title order={2}>{t('verdict.title')}</Title>
        <VerdictOptions options={options} onChange={setOptions} verdict={verdict.data} />
      </Group>
      {verdict.error ? (
        <ErrorAlert error={verdict.error} onRetry={() => void verdict.refetch()} />
      ) : !verdict.data ? (
        <Skeleton h={220} />
      ) : (
        <VerdictBody program={program} verdict={verdict.data} />
      )}
    </Paper>
  )
}

function VerdictBody({ program, verdict }: { program: ProgramDetail; verdict: ProgramVerdict }) {
  const { t } = useTranslation()
  const f = useVerdictFormat()
  const { window, wave } = verdict
  return (
    <Stack gap="xs">
      <Text fz="xs" data-testid="verdict-window">
        {t('verdict.wave', { id: wave.id, target: f.number(wave.target), control: f.number(wave.control), share: f.percent(wave.controlShare, 0) })}{' '}
        {t('verdict.window', { days: window.days, from: f.dateTime(window.from), until: f.dateTime(window.until) })}{' '}
        <Badge size="xs" variant="light" color={window.closed ? 'green' : 'yellow'}>
          {t(window.closed ? 'verdict.windowClosed' : 'verdict.windowOpen')}
        </Badge>
      </Text>
      {!window.closed && (
        <Text fz="xs" c="yellow.9">
          {t('verdict.interim')}
        </Text>
      )}
      <VerdictSrmCheck code={program.code} verdict={verdict} />
      <VerdictTable verdict={verdict} />
      <Text fz={11} c="dimmed">
        {t('verdict.reading', { alpha: f.percent(1 - verdict.alpha, 0) })}
      </Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
        <VerdictRecommendation verdict={verdict} />
        <Stack gap="xs">
          <CaseBeside program={program} verdict={verdict} />
          <HeadDecision program={program} />
        </Stack>
      </SimpleGrid>
    </Stack>
  )
}

function VerdictOptions({ options, onChange, verdict }: { options: VerdictViewOptions; onChange: (o: VerdictViewOptions) => void; verdict: ProgramVerdict | undefined }) {
  const { t } = useTranslation()
  const f = useVerdictFormat()
  const typeLabel = useTypeLabel()
  const cuped = verdict?.responses.filter((r) => r.values?.cuped) ?? []
  const sequence = verdict?.responses.find((r) => r.alwaysValid)?.alwaysValid
  const cupedRatio = cuped.map((r) => t('verdict.options.cupedRatio', { type: typeLabel(r.type), ratio: f.number(r.values!.cuped!.widthRatio, 2) })).join('; ')
  return (
    <Stack gap={4} maw={520}>
      <Tooltip label={t('verdict.options.cupedHint')} multiline w={360} withArrow position="left">
        <Switch
          size="xs"
          checked={options.cuped}
          onChange={(e) => onChange({ ...options, cuped: e.currentTarget.checked })}
          label={t('verdict.options.cuped')}
          description={options.cuped && verdict ? cupedRatio || t('verdict.options.cupedNone') : undefined}
          data-testid="verdict-cuped"
        />
      </Tooltip>
      <Tooltip label={t('verdict.options.alwaysValidHint')} multiline w={360} withArrow position="left">
        <Switch
          size="xs"
          checked={options.monitoring === 'always_valid'}
          onChange={(e) => onChange({ ...options, monitoring: e.currentTarget.checked ? 'always_valid' : 'fixed' })}
          label={t('verdict.options.alwaysValid')}
          description={sequence ? t('verdict.options.alwaysValidRatio', { ratio: f.number(sequence.widthRatio, 2) }) : undefined}
          data-testid="verdict-always-valid"
        />
      </Tooltip>
    </Stack>
  )
}

/** Each type's recommendation with the rule's words and the numbers it read. */
function VerdictRecommendation({ verdict }: { verdict: ProgramVerdict }) {
  const { t } = useTranslation()
  const f = useVerdictFormat()
  const typeLabel = useTypeLabel()
  // The rule's words with the numbers as a banker reads them: roubles, percentage points.
  const reasonText = (r: ResponseVerdict) => {
    const reason = r.reason as Record<string, unknown> & { code: string }
    const number = (key: string) => (typeof reason[key] === 'number' ? (reason[key] as number) : 0)
    return t(`verdict.reasons.${reason.code.replace('verdict.', '')}`, {
      profitLow: f.money(number('profitLow')),
      upliftHigh: f.pp(number('upliftHigh')),
      breakEven: f.pp(number('breakEven'), false),
      p: f.p(number('p')),
    })
  }
  return (
    <Paper withBorder p="xs" bg="gray.0" data-testid="verdict-recommendation">
      <Text fz="sm" fw={700} mb={4}>
        {t('verdict.recommendation')}
      </Text>
      <Stack gap={6}>
        {verdict.responses.map((r) => (
          <div key={r.type}>
            <Group gap={6}>
              <Badge size="sm" color={RECOMMENDATION_COLORS[r.recommendation]}>
                {t(`verdict.recommendations.${r.recommendation}`)}
              </Badge>
              <Text fz="xs" fw={600}>
                {typeLabel(r.type)}
              </Text>
            </Group>
            <Text fz="xs">{reasonText(r)}</Text>
          </div>
        ))}
        <Text fz={11} c="dimmed">
          {t('verdict.rule')} {verdict.options.monitoring === 'always_valid' && t('verdict.ruleAlwaysValid')}
        </Text>
      </Stack>
    </Paper>
  )
}

/** A response type as the imports name it: «Заявка», «Остаток, ₽». */
function useTypeLabel() {
  const { i18n } = useTranslation()
  const language = i18n.language === 'en' ? 'en' : 'ru'
  return (type: string) => RESPONSE_TYPE_LABELS[type as ResponseType]?.[language] ?? type
}

/** The business case the verdict is judged against: break-even uplift, the planned uplift, the NPV and what the pilot's contacts cost. */
function CaseBeside({ program, verdict }: { program: ProgramDetail; verdict: ProgramVerdict }) {
  const { t } = useTranslation()
  const f = useVerdictFormat()
  const figures = [
    ['breakEven', verdict.economics.breakEvenUplift === null ? '—' : f.pp(verdict.economics.breakEvenUplift, false)],
    ['planned', program.case ? f.pp(program.case.uplift, false) : '—'],
    ['npv', program.case ? f.money(program.case.npv) : '—'],
    ['waveCost', f.money(verdict.waveCost)],
    ['valuePerProduct', f.money(verdict.economics.valuePerProduct)],
    ['conversion', f.percent(verdict.economics.conversion, 0)],
  ] as const
  return (
    <Paper withBorder p="xs" data-testid="verdict-case">
      <Text fz="sm" fw={700} mb={4}>
        {t('verdict.case.title')}
      </Text>
      <SimpleGrid cols={3} spacing={6}>
        {figures.map(([key, value]) => (
          <Tooltip key={key} label={t(`verdict.case.tips.${key}`)} multiline w={300} withArrow>
            <div style={{ cursor: 'help' }}>
              <Text fz={11} c="dimmed">
                {t(`verdict.case.${key}`)}
              </Text>
              <Text fz="sm" fw={700} data-testid={`verdict-case-${key}`} style={{ whiteSpace: 'nowrap' }}>
                {value}
              </Text>
            </div>
          </Tooltip>
        ))}
      </SimpleGrid>
    </Paper>
  )
}

function HeadDecision({ program }: { program: ProgramDetail }) {
  const { t } = useTranslation()
  const user = useSignedInUser()
  const mine = program.allowedMoves.some((m) => m.roles.includes(user.role))
  return (
    <Paper withBorder p="xs" data-testid="verdict-decision">
      <Text fz="sm" fw={700} mb={2}>
        {t('verdict.decision.title')}
      </Text>
      <Text fz={11} c="dimmed" mb={6}>
        {t(mine ? 'verdict.decision.hint' : 'verdict.decision.none')}
      </Text>
      <Group gap={6}>
        <ProgramMoves program={program} />
      </Group>
    </Paper>
  )
}
