import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { RESPONSE_TYPE_LABELS, type ResponseType } from '../../../../src/contract/response-types.ts'
import type { ProgramVerdict } from './useProgramVerdict.ts'
import { useVerdictFormat } from './useVerdictFormat.ts'

/** Under a decision on a pilot: the verdict it was taken on, per type the uplift and the recommendation. */
export function VerdictSnapshotLine({ snapshot }: { snapshot: Record<string, unknown> }) {
  const { t, i18n } = useTranslation()
  const f = useVerdictFormat()
  // The snapshot is the verdict as GET …/verdict answered it when the head decided.
  const verdict = snapshot.verdict as ProgramVerdict | undefined
  if (!verdict || !Array.isArray(verdict.responses) || verdict.responses.length === 0) return null
  const language = i18n.language === 'en' ? 'en' : 'ru'
  const parts = verdict.responses.map((r) =>
    t('verdict.snapshotPart', { type: RESPONSE_TYPE_LABELS[r.type as ResponseType]?.[language] ?? r.type, uplift: f.pp(r.uplift), recommendation: t(`verdict.recommendations.${r.recommendation}`).toLowerCase() }),
  )
  return (
    <Text fz={11} c="dimmed" data-testid="decision-verdict">
      {t('verdict.snapshot', { parts: parts.join('; ') })}
    </Text>
  )
}
