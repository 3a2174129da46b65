import { Button, Group, Paper, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { canCall } from '../../app/permissions.ts'
import { ComplaintsTable } from '../complaints/ComplaintsTable.tsx'
import { NewComplaintModal } from '../complaints/NewComplaintModal.tsx'
import { useComplaints } from '../complaints/useComplaints.ts'
import { useSignedInUser } from '../session/useSession.ts'

/** The client's complaints on the card, overdue first, with a new one for this client; for the roles that read the register. */
export function ComplaintsPanel({ clientId }: { clientId: number }) {
  const { t } = useTranslation()
  const me = useSignedInUser()
  const [creating, setCreating] = useState(false)
  const complaints = useComplaints({ overdue: false, status: null, category: null, channel: null, branch: null, client: clientId })
  const items = complaints.data?.items ?? []
  return (
    <Paper withBorder p="xs" data-testid="client-complaints">
      <Group justify="space-between" mb={4}>
        <Title order={3}>{t('complaints.clientTitle')}</Title>
        {canCall(me.role, 'POST /api/complaints') && <Button size="compact-xs" variant="light" onClick={() => setCreating(true)}>{t('complaints.new')}</Button>}
      </Group>
      {items.length === 0 ? <Text fz="xs" c="dimmed">{t('complaints.clientNone')}</Text> : <ComplaintsTable items={items} withoutClient />}
      {creating && <NewComplaintModal clientId={clientId} onClose={() => setCreating(false)} />}
    </Paper>
  )
}
