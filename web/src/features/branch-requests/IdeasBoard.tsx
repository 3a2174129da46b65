import { Badge, Button, Group, Modal, Paper, ScrollArea, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProductIdeaItem } from '../../../../src/contract/product-idea-schemas.ts'
import { PRODUCT_IDEA_STATUSES, type ProductIdeaStatus } from '../../../../src/contract/product-idea-statuses.ts'
import { canCall } from '../../app/permissions.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { useSignedInUser } from '../session/useSession.ts'
import { IdeaRequestsList } from './IdeaRequestsList.tsx'
import { NewIdeaModal } from './NewIdeaModal.tsx'
import { useMoveIdea, useProductIdeas } from './useProductIdeas.ts'

const STATUS_COLOR: Record<ProductIdeaStatus, string> = { new: 'blue', studying: 'yellow', proposed: 'grape', accepted: 'green', rejected: 'gray' }

/** The client economist's board: a column per status, each idea with what its requests show and are worth. */
export function IdeasBoard() {
  const { t } = useTranslation()
  const me = useSignedInUser()
  const curator = canCall(me.role, 'POST /api/product-ideas')
  const ideas = useProductIdeas()
  const [creating, setCreating] = useState(false)
  const [evidenceOf, setEvidenceOf] = useState<ProductIdeaItem | null>(null)
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Text fz="xs" c="dimmed" maw={760}>{t('ideas.worthNote')}</Text>
        {curator && <Button size="xs" onClick={() => setCreating(true)} data-testid="idea-new">{t('ideas.new')}</Button>}
      </Group>
      {ideas.error && <ErrorAlert error={ideas.error} onRetry={() => void ideas.refetch()} />}
      <SimpleGrid cols={{ base: 1, md: 3, xl: 5 }} spacing="xs" data-testid="ideas-board">
        {PRODUCT_IDEA_STATUSES.map((status) => {
          const column = (ideas.data ?? []).filter((idea) => idea.status === status)
          return (
            <Paper key={status} withBorder p={6} bg="gray.0">
              <Group gap={6} mb={6}>
                <Badge color={STATUS_COLOR[status]} variant="light" tt="none">{t(`ideas.statuses.${status}`)}</Badge>
                <Text fz="xs" c="dimmed">{column.length}</Text>
              </Group>
              <Stack gap={6}>
                {column.map((idea) => <IdeaCard key={idea.id} idea={idea} curator={curator} onEvidence={() => setEvidenceOf(idea)} />)}
              </Stack>
            </Paper>
          )
        })}
      </SimpleGrid>
      {creating && <NewIdeaModal onClose={() => setCreating(false)} />}
      <Modal opened={evidenceOf !== null} onClose={() => setEvidenceOf(null)} title={evidenceOf?.title} size="xl" scrollAreaComponent={ScrollArea.Autosize}>
        {evidenceOf && <IdeaRequestsList idea={evidenceOf} curator={curator} />}
      </Modal>
    </Stack>
  )
}

function IdeaCard({ idea, curator, onEvidence }: { idea: ProductIdeaItem; curator: boolean; onEvidence: () => void }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const move = useMoveIdea()
  const { evidence } = idea
  return (
    <Paper withBorder p={8} data-testid={`idea-${idea.id}`}>
      <Title order={4} fz="sm">{idea.title}</Title>
      {idea.productType && <Text fz={11} c="dimmed">{t(`productTypes.${idea.productType}`)}</Text>}
      {idea.description && <Text fz="xs" mt={2} lineClamp={3}>{idea.description}</Text>}
      <Group gap={4} mt={6}>
        <Badge size="sm" variant="filled" color="navy" tt="none">{t('ideas.requests', { count: evidence.requests })}</Badge>
        <Badge size="sm" variant="light" tt="none">{t('ideas.clients', { count: evidence.clients })}</Badge>
      </Group>
      <Text fz="xs" mt={4} fw={600} data-testid="idea-funds">{t('ideas.funds')}: {format.money(Number(evidence.funds))}</Text>
      {evidence.bySegment.length > 0 && (
        <Group gap={4} mt={4}>
          {evidence.bySegment.map((s) => <Badge key={s.segment} size="xs" variant="outline" color="gray" tt="none">{t(`segments.${s.segment}`)} {s.requests}</Badge>)}
        </Group>
      )}
      {evidence.byBranch.length > 0 && (
        <Text fz={11} c="dimmed" mt={4}>
          {evidence.byBranch.slice(0, 3).map((b) => `${b.branchName ?? t('branchRequests.noBranch')} ${b.requests}`).join(' · ')}
          {evidence.byBranch.length > 3 ? ` · ${t('ideas.moreBranches', { count: evidence.byBranch.length - 3 })}` : ''}
        </Text>
      )}
      {evidence.lastAt && <Text fz={11} c="dimmed">{t('ideas.heardBetween', { first: format.dayOf(evidence.firstAt), last: format.dayOf(evidence.lastAt) })}</Text>}
      <Group gap={4} mt={6}>
        <Button size="compact-xs" variant="default" onClick={onEvidence} data-testid="idea-evidence">{t('ideas.showRequests')}</Button>
        {curator && idea.allowedMoves.map((to) => (
          <Button key={to} size="compact-xs" variant="light" color={STATUS_COLOR[to]} loading={move.isPending} onClick={() => move.mutate({ id: idea.id, to })} data-testid={`idea-move-${to}`}>
            {t(`ideas.moves.${to}`)}
          </Button>
        ))}
      </Group>
      {move.error && <ErrorAlert error={move.error} />}
    </Paper>
  )
}
