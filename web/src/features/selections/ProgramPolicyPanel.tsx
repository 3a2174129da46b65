import { ActionIcon, Autocomplete, Button, Group, NumberInput, Paper, Select, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { canCall } from '../../app/permissions.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useSignedInUser } from '../session/useSession.ts'
import { CHANNELS, type ContactPolicy, type ContactPolicyOverrides } from './selection-types.ts'
import { useProgramPolicy } from './useProgramPolicy.ts'
import { useSaveProgramPolicy } from './useSaveProgramPolicy.ts'
import { useProgramCodes } from './useProgramCodes.ts'

type Cap = ContactPolicy['overallCap']
type CapKey = (typeof CHANNELS)[number] | 'overall'

/**
 * A program's own overrides of the contact policy (a call campaign may allow two calls a fortnight,
 * a service letter may ignore other programs). A part left empty follows the bank's policy; the
 * program economist and the head change them, and the program's next wave applies them.
 */
export function ProgramPolicyPanel() {
  const { t } = useTranslation()
  const user = useSignedInUser()
  const [code, setCode] = useState('')
  const [shown, setShown] = useState('')
  const programs = useProgramCodes()
  const current = useProgramPolicy(shown)
  const save = useSaveProgramPolicy(shown)
  const [draft, setDraft] = useState<ContactPolicyOverrides | null>(null)
  const canEdit = canCall(user.role, 'PUT /api/programs/:code/policy')
  const overrides = draft ?? current.data?.overrides ?? {}
  const applied = current.data?.applied

  const capOf = (key: CapKey): Cap | undefined => (key === 'overall' ? overrides.overallCap : overrides.channelCaps?.[key])
  const globalCap = (key: CapKey): Cap => (key === 'overall' ? applied!.overallCap : applied!.channelCaps[key])
  const setCap = (key: CapKey, cap: Cap | undefined) => {
    if (key === 'overall') return setDraft({ ...overrides, overallCap: cap })
    const channelCaps = { ...overrides.channelCaps, [key]: cap }
    if (!cap) delete channelCaps[key]
    setDraft({ ...overrides, channelCaps })
  }
  const capRow = (key: CapKey) => {
    const own = capOf(key)
    const base = own ?? globalCap(key)
    const number = (part: 'max' | 'days', min: number) => (
      <NumberInput
        aria-label={t(`contactPolicy.${part}`)}
        value={own ? own[part] : ''}
        placeholder={String(base[part])}
        min={min}
        max={part === 'max' ? 1000 : 365}
        allowDecimal={false}
        w={90}
        disabled={!canEdit}
        onChange={(v) => setCap(key, v === '' ? undefined : { ...base, [part]: Number(v) })}
      />
    )
    return (
      <Table.Tr key={key}>
        <Table.Td>{key === 'overall' ? t('contactPolicy.overall') : t(`channels.${key}`)}</Table.Td>
        <Table.Td>{number('max', 0)}</Table.Td>
        <Table.Td>{number('days', 1)}</Table.Td>
        <Table.Td>
          {own && canEdit && (
            <ActionIcon variant="subtle" color="gray" aria-label={t('programPolicy.reset')} onClick={() => setCap(key, undefined)}>
              ×
            </ActionIcon>
          )}
        </Table.Td>
      </Table.Tr>
    )
  }
  const exclude = overrides.excludeOtherRunningPrograms

  return (
    <Paper withBorder p="sm" maw={720} mt="md" data-testid="program-policy">
      <Title order={2} mb="xs">
        {t('programPolicy.title')}
      </Title>
      <Text fz="xs" c="dimmed" mb="xs">
        {t('programPolicy.hint')}
      </Text>
      <Group gap="xs" mb="sm" align="end">
        <Autocomplete
          size="xs"
          label={t('programPolicy.program')}
          placeholder={t('programPolicy.programPlaceholder')}
          data={programs}
          value={code}
          onChange={(value) => setCode(value.trim())}
          w={220}
          data-testid="program-policy-code"
        />
        <Button variant="default" disabled={code === ''} onClick={() => (setShown(code), setDraft(null))} data-testid="program-policy-show">
          {t('programPolicy.show')}
        </Button>
      </Group>
      {current.error && <ErrorAlert error={current.error} onRetry={() => void current.refetch()} />}
      {applied && (
        <>
          <Table withTableBorder tabularNums maw={520} mb="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('contactPolicy.cap')}</Table.Th>
                <Table.Th>{t('contactPolicy.max')}</Table.Th>
                <Table.Th>{t('contactPolicy.days')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{[...CHANNELS, 'overall' as const].map(capRow)}</Table.Tbody>
          </Table>
          <Group gap="md" mb="sm" align="end">
            <NumberInput
              label={t('contactPolicy.quietDays')}
              value={overrides.complaintQuietDays ?? ''}
              placeholder={String(applied.complaintQuietDays)}
              min={0}
              max={365}
              allowDecimal={false}
              w={220}
              disabled={!canEdit}
              onChange={(v) => setDraft({ ...overrides, complaintQuietDays: v === '' ? undefined : Number(v) })}
            />
            <Select
              label={t('contactPolicy.excludeOther')}
              data={[
                { value: 'global', label: t('programPolicy.asBank') },
                { value: 'yes', label: t('contactPolicy.yes') },
                { value: 'no', label: t('contactPolicy.no') },
              ]}
              value={exclude === undefined ? 'global' : exclude ? 'yes' : 'no'}
              allowDeselect={false}
              disabled={!canEdit}
              w={260}
              onChange={(v) => setDraft({ ...overrides, excludeOtherRunningPrograms: v === 'global' || v === null ? undefined : v === 'yes' })}
            />
          </Group>
          {save.error && <ErrorAlert error={save.error} />}
          {canEdit ? (
            <Button onClick={() => save.mutate(overrides, { onSuccess: () => setDraft(null) })} loading={save.isPending} disabled={draft === null} data-testid="save-program-policy">
              {t('programPolicy.save')}
            </Button>
          ) : (
            <Text fz="xs" c="dimmed">
              {t('programPolicy.readOnly')}
            </Text>
          )}
        </>
      )}
    </Paper>
  )
}
