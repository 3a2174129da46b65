import { Anchor, Button, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router-dom'
import type { ProductIdeaItem } from '../../../../src/contract/product-idea-schemas.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { useClientRequests } from './useClientRequests.ts'
import { useIdeaEvidence } from './useProductIdeas.ts'

/** The requests that are an idea's evidence; the curator may take one off. */
export function IdeaRequestsList({ idea, curator }: { idea: ProductIdeaItem; curator: boolean }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const requests = useClientRequests({ idea: String(idea.id) })
  const evidence = useIdeaEvidence()
  const list = requests.data?.items ?? []
  if (requests.error) return <ErrorAlert error={requests.error} />
  if (list.length === 0 && !requests.isLoading) return <Text fz="sm" c="dimmed">{t('ideas.noEvidence')}</Text>
  return (
    <>
      {evidence.error && <ErrorAlert error={evidence.error} />}
      <Table fz="xs" striped data-testid="idea-requests">
        <Table.Tbody>
          {list.map((request) => (
            <Table.Tr key={request.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dayOf(request.createdAt)}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/clients/${request.clientId}`} fz="xs">{request.fullName}</Anchor>
                <Text fz={11} c="dimmed">{t(`segments.${request.segment}`)} · {request.branchName ?? '—'}</Text>
              </Table.Td>
              <Table.Td>{request.body}</Table.Td>
              {curator && (
                <Table.Td>
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => evidence.mutate({ id: idea.id, body: { remove: [request.id] } })}>{t('ideas.unlink')}</Button>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {(requests.data?.total ?? 0) > list.length && <Text fz="xs" c="dimmed" mt={4}>{t('ideas.firstShown', { count: list.length, total: requests.data?.total })}</Text>}
    </>
  )
}
