import { Anchor, Badge, Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { LeadItem } from '../../../../src/contract/lead-schemas.ts'
import { LEAD_STATUSES, type LeadStatus } from '../../../../src/contract/lead-statuses.ts'
import { canCall } from '../../app/permissions.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { formatPhone } from '../clients/format-phone.ts'
import { useSignedInUser } from '../session/useSession.ts'
import { LeadActionModal, type LeadAction } from './LeadActionModal.tsx'
import { useLeads, useMoveLead } from './useLeads.ts'

/** A lead status's colour wherever leads are listed (this page, the client card). */
export const LEAD_STATUS_COLOR: Record<LeadStatus, string> = { new: 'blue', in_work: 'yellow', won: 'green', lost: 'gray' }

const localToday = () => {
  const now = new Date()
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`
}

/** A manager's leads: clients who clicked, said yes on a call or replied, to take in work, note and close with the sale. */
export function LeadsPage() {
  const { t } = useTranslation()
  const me = useSignedInUser()
  const [status, setStatus] = useState<LeadStatus | null>(null)
  const [program, setProgram] = useState<string | null>(null)
  const leads = useLeads({ status, program })
  const all = useLeads({ status: null, program: null })
  const [acting, setActing] = useState<{ lead: LeadItem; action: LeadAction } | null>(null)
  const canWork = canCall(me.role, 'PATCH /api/leads/:id')
  const programs = [...new Map((all.data ?? []).map((l) => [l.programCode, l.programName])).entries()]
  const list = leads.data ?? []
  return (
    <Stack gap="sm">
      <PageHeader title={t('leads.title')} subtitle={t('leads.subtitle')} />
      <Group gap="xs" align="flex-end">
        <Select
          size="xs"
          w={180}
          label={t('leads.filters.status')}
          placeholder={t('leads.filters.any')}
          clearable
          data={LEAD_STATUSES.map((value) => ({ value, label: t(`leads.status.${value}`) }))}
          value={status}
          onChange={(value) => setStatus(value as LeadStatus | null)}
          data-testid="leads-status-filter"
        />
        <Select
          size="xs"
          w={280}
          label={t('leads.filters.program')}
          placeholder={t('leads.filters.any')}
          clearable
          data={programs.map(([code, name]) => ({ value: code, label: `${code} · ${name}` }))}
          value={program}
          onChange={setProgram}
        />
        <Text fz="xs" c="dimmed" pb={6}>{t('leads.count', { count: list.length })}</Text>
      </Group>
      {leads.error && <ErrorAlert error={leads.error} onRetry={() => void leads.refetch()} />}
      <Paper withBorder>
        {list.length === 0 && !leads.isLoading ? (
          <Text fz="sm" c="dimmed" p="sm">{t('leads.none')}</Text>
        ) : (
          <Table fz="xs" striped verticalSpacing={6} data-testid="leads-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('leads.columns.followUp')}</Table.Th>
                <Table.Th>{t('leads.columns.client')}</Table.Th>
                <Table.Th>{t('leads.columns.source')}</Table.Th>
                <Table.Th>{t('leads.columns.program')}</Table.Th>
                <Table.Th>{t('leads.columns.status')}</Table.Th>
                {canWork && <Table.Th>{t('leads.columns.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((lead) => (
                <LeadRow key={lead.id} lead={lead} canWork={canWork} onAct={(action) => setActing({ lead, action })} />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {acting && <LeadActionModal lead={acting.lead} action={acting.action} today={localToday()} onClose={() => setActing(null)} />}
    </Stack>
  )
}

function LeadRow({ lead, canWork, onAct }: { lead: LeadItem; canWork: boolean; onAct: (action: LeadAction) => void }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const move = useMoveLead()
  const lastNote = lead.notes.at(-1)
  return (
    <Table.Tr data-testid={`lead-${lead.id}`}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {lead.nextFollowUp ? format.date(lead.nextFollowUp) : '—'}
        {lead.overdue && <Badge ml={4} color="red" size="xs">{t('leads.overdue')}</Badge>}
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/clients/${lead.clientId}`} fz="xs" fw={500}>{lead.fullName}</Anchor>
        <Text fz="xs" c="dimmed">{[lead.bankId, formatPhone(lead.phone), lead.branchName, t(`leads.route.${lead.route}`)].filter(Boolean).join(' · ')}</Text>
      </Table.Td>
      <Table.Td>
        <Text fz="xs">{t(`leads.outcome.${lead.outcome}`)}</Text>
        <Text fz="xs" c="dimmed">{format.dateTime(lead.at)}{lead.operatorLogin ? ` · ${lead.operatorLogin}` : ''}</Text>
        {lead.note && <Text fz="xs" fs="italic">«{lead.note}»</Text>}
      </Table.Td>
      <Table.Td>
        <Text fz="xs">{lead.programCode} · {lead.programName}</Text>
        {lead.offerName && <Text fz="xs" c="dimmed">{lead.offerName}</Text>}
      </Table.Td>
      <Table.Td>
        <Badge variant="light" tt="none" color={LEAD_STATUS_COLOR[lead.status]}>{t(`leads.status.${lead.status}`)}</Badge>
        {lead.workedBy && <Text fz="xs" c="dimmed">{lead.workedBy}</Text>}
        {lead.sale && <Text fz="xs">{lead.sale.productName} · {format.money(Number(lead.sale.amount))} · {format.date(lead.sale.date)}</Text>}
        {lead.lostReason && <Text fz="xs" c="dimmed">{lead.lostReason}</Text>}
        {lastNote && <Text fz="xs" c="dimmed">{t('leads.lastNote', { author: lastNote.author })}: {lastNote.text}</Text>}
      </Table.Td>
      {canWork && (
        <Table.Td>
          <Group gap={4} wrap="nowrap">
            {lead.allowedMoves.includes('in_work') && (
              <Button size="compact-xs" loading={move.isPending} onClick={() => move.mutate({ id: lead.id, body: { status: 'in_work' } })} data-testid="lead-take">
                {t('leads.actions.take')}
              </Button>
            )}
            {lead.allowedMoves.includes('won') && <Button size="compact-xs" color="green" variant="light" onClick={() => onAct('won')} data-testid="lead-won">{t('leads.actions.won')}</Button>}
            {lead.allowedMoves.includes('lost') && <Button size="compact-xs" color="gray" variant="light" onClick={() => onAct('lost')}>{t('leads.actions.lost')}</Button>}
            <Button size="compact-xs" variant="default" onClick={() => onAct('note')} data-testid="lead-note-open">{t('leads.actions.note')}</Button>
          </Group>
          {move.error && <ErrorAlert error={move.error} />}
        </Table.Td>
      )}
    </Table.Tr>
  )
}
