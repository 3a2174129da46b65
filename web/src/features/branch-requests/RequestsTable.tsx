import { Anchor, Badge, Checkbox, Group, Paper, Select, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { ClientRequestItem } from '../../../../src/contract/client-request-schemas.ts'
import type { ProductIdeaItem } from '../../../../src/contract/product-idea-schemas.ts'
import { REQUEST_CATEGORIES, type RequestCategory } from '../../../../src/contract/request-categories.ts'
import { SEGMENTS } from '../../../../src/contract/segments.ts'
import { canCall } from '../../app/permissions.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { TablePager } from '../../components/TablePager.tsx'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { useBranches } from '../clients/useBranches.ts'
import { useSignedInUser } from '../session/useSession.ts'
import { useCategoriseRequest, useClientRequests } from './useClientRequests.ts'
import { useIdeaEvidence, useProductIdeas } from './useProductIdeas.ts'

const PAGE = 50

/** The requests with filters; the client economist sets each one's category and links it to an idea. */
export function RequestsTable() {
  const { t } = useTranslation()
  const me = useSignedInUser()
  const curator = canCall(me.role, 'PATCH /api/requests/:id')
  const [category, setCategory] = useState<string | null>(null)
  const [segment, setSegment] = useState<string | null>(null)
  const [branch, setBranch] = useState<string | null>(null)
  const [uncategorised, setUncategorised] = useState(false)
  const [offset, setOffset] = useState(0)
  const requests = useClientRequests({ category, segment, branch, uncategorised, offset })
  const branches = useBranches()
  const ideas = useProductIdeas(curator)
  const filter = <T,>(set: (value: T) => void) => (value: T) => {
    set(value)
    setOffset(0)
  }
  const list = requests.data?.items ?? []
  return (
    <Stack gap="xs">
      <Group gap="xs" align="flex-end">
        <Select size="xs" w={200} label={t('branchRequests.columns.category')} placeholder={t('branchRequests.any')} clearable value={category} onChange={filter(setCategory)}
          data={REQUEST_CATEGORIES.map((value) => ({ value, label: t(`requestCategories.${value}`) }))} data-testid="requests-category-filter" />
        <Select size="xs" w={160} label={t('branchRequests.columns.segment')} placeholder={t('branchRequests.any')} clearable value={segment} onChange={filter(setSegment)}
          data={SEGMENTS.map((value) => ({ value, label: t(`segments.${value}`) }))} />
        {me.role !== 'branch' && (
          <Select size="xs" w={220} label={t('branchRequests.columns.branch')} placeholder={t('branchRequests.any')} clearable searchable value={branch} onChange={filter(setBranch)}
            data={(branches.data?.items ?? []).map((b) => ({ value: String(b.id), label: b.name }))} />
        )}
        <Checkbox size="xs" mb={6} label={t('branchRequests.uncategorised')} checked={uncategorised} onChange={(e) => filter(setUncategorised)(e.currentTarget.checked)} />
      </Group>
      {requests.error && <ErrorAlert error={requests.error} onRetry={() => void requests.refetch()} />}
      <Paper withBorder>
        {list.length === 0 && !requests.isLoading ? (
          <Text fz="sm" c="dimmed" p="sm">{t('branchRequests.none')}</Text>
        ) : (
          <Table fz="xs" striped verticalSpacing={6} data-testid="requests-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('branchRequests.columns.heard')}</Table.Th>
                <Table.Th>{t('branchRequests.columns.client')}</Table.Th>
                <Table.Th>{t('branchRequests.columns.request')}</Table.Th>
                <Table.Th>{t('branchRequests.columns.category')}</Table.Th>
                <Table.Th>{t('branchRequests.columns.ideas')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((request) => <RequestRow key={request.id} request={request} curator={curator} ideas={ideas.data ?? []} />)}
            </Table.Tbody>
          </Table>
        )}
        <TablePager total={requests.data?.total} offset={offset} limit={PAGE} pageSizes={[PAGE]} fetching={requests.isFetching} onChange={(page) => setOffset(page.offset)} />
      </Paper>
    </Stack>
  )
}

function RequestRow({ request, curator, ideas }: { request: ClientRequestItem; curator: boolean; ideas: ProductIdeaItem[] }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const categorise = useCategoriseRequest()
  const evidence = useIdeaEvidence()
  const linked = ideas.filter((idea) => request.ideaIds.includes(idea.id))
  const open = ideas.filter((idea) => !request.ideaIds.includes(idea.id) && idea.status !== 'accepted' && idea.status !== 'rejected')
  return (
    <Table.Tr data-testid={`request-${request.id}`}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {format.dayOf(request.createdAt)}
        <Text fz="xs" c="dimmed">{request.branchName ?? '—'}</Text>
      </Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/clients/${request.clientId}`} fz="xs" fw={500}>{request.fullName}</Anchor>
        <Text fz="xs" c="dimmed">{request.bankId} · {t(`segments.${request.segment}`)}</Text>
      </Table.Td>
      <Table.Td maw={420}>
        <Text fz="xs" style={{ whiteSpace: 'pre-wrap' }}>{request.body}</Text>
        <Text fz="xs" c="dimmed">{request.productType ? t(`productTypes.${request.productType}`) : t('branchRequests.noProduct')} · {request.authorLogin}</Text>
      </Table.Td>
      <Table.Td>
        {curator ? (
          <Select size="xs" w={200} allowDeselect={false} value={request.category} aria-label={t('branchRequests.columns.category')}
            data={REQUEST_CATEGORIES.map((value) => ({ value, label: t(`requestCategories.${value}`) }))}
            onChange={(value) => value && value !== request.category && categorise.mutate({ id: request.id, patch: { category: value as RequestCategory } })}
            data-testid="request-category" />
        ) : (
          <Badge variant="light" tt="none">{t(`requestCategories.${request.category}`)}</Badge>
        )}
        <Text fz={11} c="dimmed">{request.categorisedBy ? t('branchRequests.categorisedBy', { login: request.categorisedBy }) : t('branchRequests.notCategorised')}</Text>
        {categorise.error && <ErrorAlert error={categorise.error} />}
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {linked.map((idea) => <Badge key={idea.id} size="sm" variant="outline" tt="none">{idea.title}</Badge>)}
          {!curator && request.ideaIds.length > 0 && linked.length === 0 && <Text fz="xs">{request.ideaIds.length}</Text>}
        </Group>
        {curator && open.length > 0 && (
          <Select size="xs" w={200} mt={4} placeholder={t('branchRequests.addToIdea')} value={null} aria-label={t('branchRequests.addToIdea')}
            data={open.map((idea) => ({ value: String(idea.id), label: idea.title }))}
            onChange={(value) => value && evidence.mutate({ id: Number(value), body: { add: [request.id] } })}
            data-testid="request-add-to-idea" />
        )}
        {evidence.error && <ErrorAlert error={evidence.error} />}
      </Table.Td>
    </Table.Tr>
  )
}
