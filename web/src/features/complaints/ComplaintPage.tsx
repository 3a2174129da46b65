import { Anchor, Badge, Button, Grid, Group, Paper, Select, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'
import type { ComplaintDetail } from '../../../../src/contract/complaint-schemas.ts'
import { COMPLAINT_ROOT_CAUSES, type ComplaintRootCause, type ComplaintStatus } from '../../../../src/contract/complaint-statuses.ts'
import { canCall } from '../../app/permissions.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { useSignedInUser } from '../session/useSession.ts'
import { categoryLabel, COMPLAINT_STATUS_COLOR } from './complaint-options.ts'
import { useComplaint, useMoveComplaint } from './useComplaints.ts'

/** One complaint: what it is about, its deadline, its history of moves, and the moves open from its status. */
export function ComplaintPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const complaint = useComplaint(id)
  const me = useSignedInUser()
  return (
    <>
      <Anchor component={Link} to="/complaints" fz="xs" mb={6} display="inline-block">← {t('complaints.back')}</Anchor>
      {complaint.error && <ErrorAlert error={complaint.error} onRetry={() => void complaint.refetch()} />}
      {complaint.data && (
        <Stack gap="sm" data-testid="complaint-page">
          <Group gap="xs">
            <Title order={2}>{complaint.data.subject}</Title>
            <Badge variant="light" tt="none" color={COMPLAINT_STATUS_COLOR[complaint.data.status]}>{t(`complaints.statuses.${complaint.data.status}`)}</Badge>
            {complaint.data.overdue && <Badge color="red">{t('complaints.overdue')}</Badge>}
          </Group>
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, lg: 6 }}><ComplaintFacts complaint={complaint.data} /></Grid.Col>
            <Grid.Col span={{ base: 12, lg: 6 }}>
              {canCall(me.role, 'POST /api/complaints/:id/moves') && complaint.data.allowedMoves.length > 0 && <MovePanel complaint={complaint.data} />}
              <MovesTable complaint={complaint.data} />
            </Grid.Col>
          </Grid>
        </Stack>
      )}
    </>
  )
}

function ComplaintFacts({ complaint: q }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const rows: [string, React.ReactNode][] = [
    [t('complaints.columns.client'), <Anchor component={Link} to={`/clients/${q.clientId}`} fz="xs">{q.fullName} · {q.bankId}</Anchor>],
    [t('complaints.form.category'), categoryLabel(t, q.category)],
    [t('complaints.form.channel'), t(`complaints.channels.${q.channel}`)],
    [t('complaints.severity'), t(`complaints.severities.${q.severity}`)],
    [t('complaints.product'), q.productName ?? '—'],
    [t('complaints.columns.owner'), q.ownerName ?? t('complaints.unowned')],
    [t('complaints.filters.branch'), q.branchName ?? '—'],
    [t('complaints.receivedAt'), format.dateTime(q.receivedAt)],
    [t('complaints.columns.due'), q.slaDueOn ? t('complaints.dueIn', { date: format.date(q.slaDueOn), count: q.slaWorkingDays ?? 0 }) : '—'],
    [t('complaints.resolution'), q.resolution ?? '—'],
    [t('complaints.rootCause'), q.rootCause ? t(`complaints.rootCauses.${q.rootCause}`) : '—'],
    [t('complaints.compensation'), q.compensation === null ? '—' : format.money(Number(q.compensation))],
  ]
  return (
    <Paper withBorder p="xs">
      <Table fz="xs" verticalSpacing={3}>
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}><Table.Td c="dimmed" w={180}>{label}</Table.Td><Table.Td>{value}</Table.Td></Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {q.description && <Text fz="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>{q.description}</Text>}
    </Paper>
  )
}

function MovePanel({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation()
  const move = useMoveComplaint(complaint.id)
  const [to, setTo] = useState<ComplaintStatus | null>(null)
  const [note, setNote] = useState('')
  const [resolution, setResolution] = useState('')
  const [rootCause, setRootCause] = useState<ComplaintRootCause | null>(null)
  const [compensation, setCompensation] = useState('')
  const submit = (target: ComplaintStatus) => {
    const resolving = target === 'resolved'
    move.mutate(
      {
        to: target, ...(note.trim() && { note: note.trim() }),
        ...(resolving && { resolution: resolution.trim() || undefined, rootCause: rootCause ?? undefined, compensation: compensation.trim().replace(',', '.') || undefined }),
      },
      { onSuccess: () => { setTo(null); setNote(''); setResolution(''); setRootCause(null); setCompensation('') } },
    )
  }
  return (
    <Paper withBorder p="xs" mb="sm">
      <Title order={3} mb={4}>{t('complaints.moves.title')}</Title>
      <Group gap={4} mb={to ? 'xs' : 0}>
        {complaint.allowedMoves.map((target) => (
          <Button key={target} size="compact-xs" variant={target === 'resolved' ? 'filled' : 'light'} color={COMPLAINT_STATUS_COLOR[target]}
            onClick={() => (target === 'resolved' ? setTo(target) : submit(target))} loading={move.isPending} data-testid={`complaint-move-${target}`}>
            {t(`complaints.moves.to.${target}`)}
          </Button>
        ))}
      </Group>
      {to === 'resolved' && (
        <Stack gap="xs">
          <Textarea label={t('complaints.resolution')} value={resolution} onChange={(e) => setResolution(e.currentTarget.value)} autosize minRows={2} data-testid="complaint-resolution" />
          <Group grow>
            <Select label={t('complaints.rootCause')} data={COMPLAINT_ROOT_CAUSES.map((value) => ({ value, label: t(`complaints.rootCauses.${value}`) }))} value={rootCause} onChange={(value) => setRootCause(value as ComplaintRootCause | null)} clearable />
            <TextInput label={t('complaints.compensation')} value={compensation} onChange={(e) => setCompensation(e.currentTarget.value)} placeholder="0.00" />
          </Group>
          <TextInput label={t('complaints.moves.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          <Group justify="flex-end"><Button size="xs" onClick={() => submit('resolved')} loading={move.isPending} data-testid="complaint-resolve">{t('complaints.moves.resolve')}</Button></Group>
        </Stack>
      )}
      {move.error && <ErrorAlert error={move.error} />}
    </Paper>
  )
}

function MovesTable({ complaint }: { complaint: ComplaintDetail }) {
  const { t } = useTranslation()
  const format = useFormatters()
  return (
    <Paper withBorder p="xs">
      <Title order={3} mb={4}>{t('complaints.moves.history')}</Title>
      <Table fz="xs" verticalSpacing={3} data-testid="complaint-moves">
        <Table.Tbody>
          {complaint.moves.map((m, i) => (
            <Table.Tr key={i}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(m.at)}</Table.Td>
              <Table.Td>
                {m.kind === 'escalation' ? <Text span fz="xs" c="red">{t('complaints.escalated')}</Text> : t(`complaints.statuses.${m.to}`)}
                {m.note && <Text fz="xs" c="dimmed">{m.note}</Text>}
              </Table.Td>
              <Table.Td>{m.login}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  )
}
