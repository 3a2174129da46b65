import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { canCall } from '../../app/permissions.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useSignedInUser } from '../session/useSession.ts'
import { useExplainSampleRatio, type ProgramVerdict } from './useProgramVerdict.ts'
import { useVerdictFormat } from './useVerdictFormat.ts'

/** The sample-ratio check: a line when the split is as designed, a warning (and the head's form) when it is not. */
export function VerdictSrmCheck({ code, verdict }: { code: string; verdict: ProgramVerdict }) {
  const { t } = useTranslation()
  const f = useVerdictFormat()
  const user = useSignedInUser()
  const explain = useExplainSampleRatio(code)
  const [text, setText] = useState('')
  const { srm } = verdict
  const numbers = { chi2: f.number(srm.chi2, 2), p: f.p(srm.p), share: f.percent(verdict.wave.controlShare, 0) }
  if (!srm.blocked) {
    return (
      <Text fz="xs" c="dimmed" data-testid="verdict-srm">
        {t('verdict.srm.ok', numbers)}
      </Text>
    )
  }
  if (srm.explained && srm.explanation) {
    return (
      <Alert color="blue" variant="light" p="xs" data-testid="verdict-srm">
        <Text fz="xs">{t('verdict.srm.explained', { ...numbers, login: srm.explanation.login, at: f.dateTime(srm.explanation.at), text: srm.explanation.text })}</Text>
      </Alert>
    )
  }
  return (
    <Alert color="red" variant="light" p="xs" title={t('verdict.srm.blockedTitle')} data-testid="verdict-srm">
      <Stack gap={6}>
        <Text fz="xs">{t('verdict.srm.blocked', { ...numbers, target: f.number(verdict.wave.target), control: f.number(verdict.wave.control) })}</Text>
        {canCall(user.role, 'POST /api/programs/:code/verdict/explanation') ? (
          <>
            <Textarea label={t('verdict.srm.explain')} description={t('verdict.srm.hint')} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={2} maxLength={2000} data-testid="srm-explanation" />
            {explain.error && <ErrorAlert error={explain.error} />}
            <Group justify="flex-end">
              <Button size="xs" disabled={!text.trim()} loading={explain.isPending} onClick={() => explain.mutate(text.trim(), { onSuccess: () => setText('') })} data-testid="srm-explain">
                {t('verdict.srm.record')}
              </Button>
            </Group>
          </>
        ) : (
          <Text fz="xs">{t('verdict.srm.headOnly')}</Text>
        )}
      </Stack>
    </Alert>
  )
}
