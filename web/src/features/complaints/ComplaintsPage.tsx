import { Button, Group, Paper, Select, Stack, Switch, Tabs, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { COMPLAINT_CHANNELS } from '../../../../src/contract/complaint-categories.ts'
import { COMPLAINT_STATUSES, type ComplaintStatus } from '../../../../src/contract/complaint-statuses.ts'
import { canCall } from '../../app/permissions.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { useBranches } from '../clients/useBranches.ts'
import { useSignedInUser } from '../session/useSession.ts'
import { ComplaintAnalysisPanel } from './ComplaintAnalysisPanel.tsx'
import { categoryOptions } from './complaint-options.ts'
import { ComplaintsTable } from './ComplaintsTable.tsx'
import { NewComplaintModal } from './NewComplaintModal.tsx'
import { useComplaints, type ComplaintFilter } from './useComplaints.ts'

/** The complaints register: filters, the overdue ones first with a red badge, a new complaint, and the analysis. */
export function ComplaintsPage() {
  const { t } = useTranslation()
  const me = useSignedInUser()
  const [filter, setFilter] = useState<ComplaintFilter>({ overdue: false, status: null, category: null, channel: null, branch: null })
  const [creating, setCreating] = useState(false)
  const complaints = useComplaints(filter)
  const branches = useBranches()
  const set = (change: Partial<ComplaintFilter>) => setFilter((current) => ({ ...current, ...change }))
  const items = complaints.data?.items ?? []
  const overdue = items.filter((q) => q.overdue).length
  return (
    <Stack gap="sm">
      <PageHeader
        title={t('complaints.title')}
        subtitle={t('complaints.subtitle')}
        actions={canCall(me.role, 'POST /api/complaints') && <Button size="xs" onClick={() => setCreating(true)} data-testid="complaint-new">{t('complaints.new')}</Button>}
      />
      <Tabs defaultValue="register" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="register">{t('complaints.tabs.register')}</Tabs.Tab>
          {canCall(me.role, 'GET /api/complaints/analysis') && <Tabs.Tab value="analysis" data-testid="complaints-analysis-tab">{t('complaints.tabs.analysis')}</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="register" pt="sm">
          <Stack gap="sm">
            <Group gap="xs" align="flex-end">
              <Switch size="xs" label={t('complaints.filters.overdue')} checked={filter.overdue} onChange={(e) => set({ overdue: e.currentTarget.checked })} mb={6} data-testid="complaints-overdue-filter" />
              <Select size="xs" w={170} label={t('complaints.filters.status')} placeholder={t('complaints.filters.any')} clearable
                data={COMPLAINT_STATUSES.map((value) => ({ value, label: t(`complaints.statuses.${value}`) }))}
                value={filter.status} onChange={(value) => set({ status: value as ComplaintStatus | null })} />
              <Select size="xs" w={240} label={t('complaints.filters.category')} placeholder={t('complaints.filters.any')} clearable searchable
                data={categoryOptions(t)} value={filter.category} onChange={(value) => set({ category: value })} />
              <Select size="xs" w={170} label={t('complaints.filters.channel')} placeholder={t('complaints.filters.any')} clearable
                data={COMPLAINT_CHANNELS.map((value) => ({ value, label: t(`complaints.channels.${value}`) }))}
                value={filter.channel} onChange={(value) => set({ channel: value })} />
              <Select size="xs" w={220} label={t('complaints.filters.branch')} placeholder={t('complaints.filters.any')} clearable searchable
                data={(branches.data?.items ?? []).map((b) => ({ value: String(b.id), label: b.name }))}
                value={filter.branch === null ? null : String(filter.branch)} onChange={(value) => set({ branch: value === null ? null : Number(value) })} />
              <Text fz="xs" c="dimmed" pb={6}>{t('complaints.count', { count: items.length, overdue })}</Text>
            </Group>
            {complaints.error && <ErrorAlert error={complaints.error} onRetry={() => void complaints.refetch()} />}
            <Paper withBorder>
              {items.length === 0 && !complaints.isLoading ? <Text fz="sm" c="dimmed" p="sm">{t('complaints.none')}</Text> : <ComplaintsTable items={items} />}
            </Paper>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="analysis" pt="sm">
          <ComplaintAnalysisPanel />
        </Tabs.Panel>
      </Tabs>
      {creating && <NewComplaintModal onClose={() => setCreating(false)} />}
    </Stack>
  )
}
