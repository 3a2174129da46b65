import { Badge, Button, Group, NumberInput, Paper, Skeleton, Stack, Switch, Table, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { canCall } from '../../app/permissions.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { useSignedInUser } from '../session/useSession.ts'
import { CHANNELS, type ContactPolicy } from './selection-types.ts'
import { useContactPolicy } from './useContactPolicy.ts'
import { useSaveContactPolicy } from './useSaveContactPolicy.ts'

type Cap = ContactPolicy['overallCap']

/**
 * The contact policy every wave applies: frequency caps per channel and overall, the quiet period
 * after a complaint, and other running programs. Everyone who builds or reads waves sees it; the
 * head changes it, and each change is a new version (built waves keep theirs).
 */
export function ContactPolicyPanel() {
  const { t } = useTranslation()
  const format = useFormatters()
  const user = useSignedInUser()
  const current = useContactPolicy()
  const save = useSaveContactPolicy()
  const [draft, setDraft] = useState<ContactPolicy | null>(null)
  const canEdit = canCall(user.role, 'PUT /api/contact-policy')
  if (current.error) return <ErrorAlert error={current.error} onRetry={() => void current.refetch()} />
  if (!current.data) return <Skeleton h={260} maw={720} />
  const policy = draft ?? current.data.policy
  const editing = draft !== null
  const setCap = (channel: (typeof CHANNELS)[number] | 'overall', cap: Cap) =>
    setDraft(channel === 'overall' ? { ...policy, overallCap: cap } : { ...policy, channelCaps: { ...policy.channelCaps, [channel]: cap } })

  const capCells = (key: (typeof CHANNELS)[number] | 'overall', cap: Cap) =>
    editing ? (
      <>
        <Table.Td>
          <NumberInput aria-label={t('contactPolicy.max')} value={cap.max} min={0} max={1000} allowDecimal={false} w={90} onChange={(v) => setCap(key, { ...cap, max: Number(v) || 0 })} />
        </Table.Td>
        <Table.Td>
          <NumberInput aria-label={t('contactPolicy.days')} value={cap.days} min={1} max={365} allowDecimal={false} w={90} onChange={(v) => setCap(key, { ...cap, days: Number(v) || 1 })} />
        </Table.Td>
      </>
    ) : (
      <>
        <Table.Td ta="right">{format.number(cap.max)}</Table.Td>
        <Table.Td ta="right">{format.number(cap.days)}</Table.Td>
      </>
    )

  return (
    <Paper withBorder p="sm" maw={720} data-testid="contact-policy">
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={2}>{t('contactPolicy.title')}</Title>
          <Badge variant="light" color="gray" tt="none">
            {t('contactPolicy.version', { version: current.data.version })}
          </Badge>
        </Group>
        {canEdit && !editing && (
          <Button variant="default" onClick={() => setDraft(current.data.policy)} data-testid="edit-policy">
            {t('contactPolicy.edit')}
          </Button>
        )}
      </Group>
      <Text fz="xs" c="dimmed" mb="xs">
        {t('contactPolicy.hint')}
      </Text>
      <Table withTableBorder tabularNums maw={520} mb="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('contactPolicy.cap')}</Table.Th>
            <Table.Th ta={editing ? undefined : 'right'}>{t('contactPolicy.max')}</Table.Th>
            <Table.Th ta={editing ? undefined : 'right'}>{t('contactPolicy.days')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {CHANNELS.map((channel) => (
            <Table.Tr key={channel}>
              <Table.Td>{t(`channels.${channel}`)}</Table.Td>
              {capCells(channel, policy.channelCaps[channel])}
            </Table.Tr>
          ))}
          <Table.Tr fw={600}>
            <Table.Td>{t('contactPolicy.overall')}</Table.Td>
            {capCells('overall', policy.overallCap)}
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Stack gap={6}>
        {editing ? (
          <>
            <NumberInput
              label={t('contactPolicy.quietDays')}
              value={policy.complaintQuietDays}
              min={0}
              max={365}
              allowDecimal={false}
              w={220}
              onChange={(v) => setDraft({ ...policy, complaintQuietDays: Number(v) || 0 })}
            />
            <Switch
              label={t('contactPolicy.excludeOther')}
              checked={policy.excludeOtherRunningPrograms}
              onChange={(event) => setDraft({ ...policy, excludeOtherRunningPrograms: event.currentTarget.checked })}
            />
          </>
        ) : (
          <>
            <Text fz="xs">
              {t('contactPolicy.quietDays')}: <b>{format.number(policy.complaintQuietDays)}</b>
            </Text>
            <Text fz="xs">
              {t('contactPolicy.excludeOther')}: <b>{policy.excludeOtherRunningPrograms ? t('contactPolicy.yes') : t('contactPolicy.no')}</b>
            </Text>
          </>
        )}
        {save.error && <ErrorAlert error={save.error} />}
        {editing && (
          <Group gap="xs" mt={4}>
            <Button onClick={() => save.mutate(policy, { onSuccess: () => setDraft(null) })} loading={save.isPending} data-testid="save-policy">
              {t('contactPolicy.save')}
            </Button>
            <Button variant="default" onClick={() => setDraft(null)}>
              {t('common.cancel')}
            </Button>
          </Group>
        )}
        {!canEdit && (
          <Text fz="xs" c="dimmed">
            {t('contactPolicy.readOnly')}
          </Text>
        )}
      </Stack>
    </Paper>
  )
}
