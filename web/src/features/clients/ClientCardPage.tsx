import { Anchor, Grid, Skeleton, Stack } from '@mantine/core'
import type { MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom'
import { canCall } from '../../app/permissions.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useSignedInUser } from '../session/useSession.ts'
import { ClientRequestsPanel } from '../branch-requests/ClientRequestsPanel.tsx'
import { ActivityChart } from './ActivityChart.tsx'
import { ClientHeader } from './ClientHeader.tsx'
import { ComplaintsPanel } from './ComplaintsPanel.tsx'
import { ConsentsPanel } from './ConsentsPanel.tsx'
import { ContactsPanel } from './ContactsPanel.tsx'
import { HoldingsTable } from './HoldingsTable.tsx'
import { LeadsPanel } from './LeadsPanel.tsx'
import { NotesPanel } from './NotesPanel.tsx'
import { PersonalDataPanel } from './PersonalDataPanel.tsx'
import { useClient } from './useClient.ts'

export function ClientCardPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const navigate = useNavigate()
  const location = useLocation()
  const card = useClient(id)
  const user = useSignedInUser()
  // Back to the same search when the user came from it; to the search page otherwise.
  const back = (event: MouseEvent) => {
    if (location.key === 'default') return
    event.preventDefault()
    navigate(-1)
  }
  return (
    <>
      <Anchor component={Link} to="/clients" onClick={back} fz="xs" mb={6} display="inline-block">
        ← {t('client.back')}
      </Anchor>
      {card.error ? (
        <ErrorAlert error={card.error} onRetry={() => void card.refetch()} />
      ) : !card.data ? (
        <Stack gap="sm" aria-busy>
          <Skeleton h={28} w={360} />
          <Grid>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Skeleton h={260} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 8 }}>
              <Skeleton h={260} />
            </Grid.Col>
          </Grid>
        </Stack>
      ) : (
        <>
          <ClientHeader client={card.data.client} />
          {/* Who the client is next to how they use the bank; the products table gets the full width. */}
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, lg: 5, xl: 4 }}>
              <PersonalDataPanel client={card.data.client} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 7, xl: 8 }}>
              <ActivityChart activity={card.data.activity} />
            </Grid.Col>
            <Grid.Col span={12}>
              <HoldingsTable holdings={card.data.holdings} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 5, xl: 4 }}>
              <ConsentsPanel consents={card.data.consents} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, lg: 7, xl: 8 }}>
              <NotesPanel clientId={id} notes={card.data.notes} canWrite={canCall(user.role, 'POST /api/clients/:id/notes')} />
            </Grid.Col>
            <Grid.Col span={12}>
              <ClientRequestsPanel clientId={id} />
            </Grid.Col>
            <Grid.Col span={12}>
              <ContactsPanel contacts={card.data.contacts} />
            </Grid.Col>
            <Grid.Col span={12}>
              <LeadsPanel leads={card.data.leads} client={card.data.client} />
            </Grid.Col>
            {canCall(user.role, 'GET /api/complaints') && (
              <Grid.Col span={12}>
                <ComplaintsPanel clientId={card.data.client.id} />
              </Grid.Col>
            )}
          </Grid>
        </>
      )}
    </>
  )
}
