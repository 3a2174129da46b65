import { Stack, Tabs } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { canCall } from '../../app/permissions.ts'
import { PageHeader } from '../../components/PageHeader.tsx'
import { useSignedInUser } from '../session/useSession.ts'
import { IdeasBoard } from './IdeasBoard.tsx'
import { RequestCountsChart } from './RequestCountsChart.tsx'
import { RequestsTable } from './RequestsTable.tsx'

/**
 * What branches hear: the special requests of clients, and for the office their counts over time
 * and the board of product ideas they are evidence for. Branch staff see their branch's requests.
 */
export function BranchRequestsPage() {
  const { t } = useTranslation()
  const me = useSignedInUser()
  const analyses = canCall(me.role, 'GET /api/product-ideas')
  return (
    <Stack gap="sm">
      <PageHeader title={t('branchRequests.title')} subtitle={t(analyses ? 'branchRequests.subtitle' : 'branchRequests.subtitleBranch')} />
      {analyses ? (
        <Tabs defaultValue="requests" keepMounted={false}>
          <Tabs.List mb="sm">
            <Tabs.Tab value="requests">{t('branchRequests.tabs.requests')}</Tabs.Tab>
            <Tabs.Tab value="counts" data-testid="tab-request-counts">{t('branchRequests.tabs.counts')}</Tabs.Tab>
            <Tabs.Tab value="ideas" data-testid="tab-ideas">{t('branchRequests.tabs.ideas')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="requests"><RequestsTable /></Tabs.Panel>
          <Tabs.Panel value="counts"><RequestCountsChart /></Tabs.Panel>
          <Tabs.Panel value="ideas"><IdeasBoard /></Tabs.Panel>
        </Tabs>
      ) : (
        <RequestsTable />
      )}
    </Stack>
  )
}
