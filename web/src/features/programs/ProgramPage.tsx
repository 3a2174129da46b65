import { Anchor, Box, Button, Drawer, Grid, Paper, Skeleton, Stack, Table, Text, Title } from '@mantine/core'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'
import { canCall } from '../../app/permissions.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { useSignedInUser } from '../session/useSession.ts'
import { PilotDesignPanel } from './PilotDesignPanel.tsx'
import { PreLaunchChecklist } from './PreLaunchChecklist.tsx'
import { ProgramCasePanel } from './ProgramCasePanel.tsx'
import { ProgramDecisions } from './ProgramDecisions.tsx'
import { ProgramMoves } from './ProgramMoves.tsx'
import { ProgramOfferLine } from './ProgramOfferLine.tsx'
import { ProgramPlanForm } from './ProgramPlanForm.tsx'
import { ProgramReportMenu } from './ProgramReportMenu.tsx'
import { ProgramResultsPanel } from './ProgramResultsPanel.tsx'
import { ProgramBreakdownPanel } from './ProgramBreakdownPanel.tsx'
import { ResponseCurvePanel } from './ResponseCurvePanel.tsx'
import { ResponseRulesPanel } from './ResponseRulesPanel.tsx'
import { ProgramStatusBadge } from './ProgramStatusBadge.tsx'
import { ProgramVerdictPanel } from './ProgramVerdictPanel.tsx'
import { ProgramWavesTable } from './ProgramWavesTable.tsx'
import { ContactHistoryPanel } from '../contacts/ContactHistoryPanel.tsx'
import { RolloutPlanPanel } from './RolloutPlanPanel.tsx'
import type { ProgramDetail } from './program-types.ts'
import { useProgram } from './useProgram.ts'
import { useProducts } from './useProducts.ts'

/** /programs/:code — everything about one program: plan, status and moves, checklist, business case, decisions, waves. */
export function ProgramPage() {
  const { t } = useTranslation()
  const { code = '' } = useParams()
  const program = useProgram(code)
  const back = (
    <Anchor component={Link} to="/programs" fz="xs">
      ← {t('programs.page.back')}
    </Anchor>
  )
  if (program.error) {
    return (
      <Stack gap="xs" maw={640}>
        {back}
        <ErrorAlert error={program.error} onRetry={() => void program.refetch()} />
      </Stack>
    )
  }
  if (!program.data) return <Skeleton h={400} />
  return <ProgramView program={program.data} back={back} />
}

function ProgramView({ program, back }: { program: ProgramDetail; back: ReactNode }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const user = useSignedInUser()
  const [editing, setEditing] = useState(false)
  const products = useProducts()
  const editable = canCall(user.role, 'PATCH /api/programs/:code') && program.status !== 'closed' && program.status !== 'cancelled'
  const rows: [string, ReactNode][] = [
    ['goal', program.goal ? t(`programs.goals.${program.goal}`) : '—'],
    ['targetProduct', program.targetProduct === null ? '—' : productLabel(program.targetProduct, products.data?.items)],
    ['offerCode', <ProgramOfferLine summary={program.offerSummary} />],
    ['offer', program.offer ?? '—'],
    ['channels', program.channels.map((c) => t(`channels.${c}`)).join(', ') || '—'],
    ['selection', program.selectionId === null ? '—' : <Anchor component={Link} to={`/selections/${program.selectionId}`} fz="xs">{`#${program.selectionId}`}</Anchor>],
    ['owner', program.owner?.fullName ?? '—'],
    ['dates', program.plannedStart ? `${format.date(program.plannedStart)} – ${format.date(program.plannedEnd)}` : '—'],
    ['budget', format.money(program.budget)],
    ['controlShare', format.percent(program.controlShare, 1)],
    ['pilotSize', format.number(program.pilotSize)],
    ['proposedBy', program.proposedBy ? (program.proposedBy.fullName ?? program.proposedBy.login) : '—'],
  ]
  return (
    <>
      <PageHeader
        title={program.name}
        subtitle={
          <>
            {back} · {program.code}
          </>
        }
        actions={
          <>
            <ProgramStatusBadge status={program.status} size="md" />
            {editable && (
              <Button size="xs" variant="default" onClick={() => setEditing(true)} data-testid="edit-plan">
                {t('programs.page.edit')}
              </Button>
            )}
            {canCall(user.role, 'GET /api/programs/:code/report') && <ProgramReportMenu code={program.code} />}
            <ProgramMoves program={program} />
          </>
        }
      />
      <ProgramVerdictPanel program={program} />
      <ProgramResultsPanel program={program} />
      <ResponseCurvePanel program={program} />
      <ProgramBreakdownPanel program={program} />
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="sm">
            <Paper withBorder p="sm" data-testid="program-plan">
              <Title order={2} mb={4}>
                {t('programs.page.plan')}
              </Title>
              <Table fz="xs" withRowBorders={false} verticalSpacing={2}>
                <Table.Tbody>
                  {rows.map(([key, value]) => (
                    <Table.Tr key={key} data-testid={`plan-${key}`}>
                      <Table.Td c="dimmed" w={160}>
                        {t(`programs.fields.${key}`)}
                      </Table.Td>
                      <Table.Td>{value}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Paper>
            {canCall(user.role, 'GET /api/programs/:code/response-definition') && <ResponseRulesPanel code={program.code} />}
            {(program.status === 'approved' || program.status === 'proposed' || program.status === 'draft') && <PreLaunchChecklist checklist={program.checklist} />}
            <ProgramDecisions decisions={program.decisions} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="sm">
            {canCall(user.role, 'GET /api/programs/:code/case') && <ProgramCasePanel result={program.case} missing={program.caseMissing} />}
            {canCall(user.role, 'POST /api/programs/:code/pilot-design') && <PilotDesignPanel program={program} />}
            <ProgramWavesTable waves={program.waves} />
          </Stack>
        </Grid.Col>
      </Grid>
      {canCall(user.role, 'POST /api/programs/:code/rollout-plan') && program.case && <RolloutPlanPanel program={program} />}
      {program.waves.length > 0 && canCall(user.role, 'GET /api/programs/:code/contacts') && (
        <Box mt="sm">
          <ContactHistoryPanel source={{ program: program.code }} />
        </Box>
      )}
      <Drawer opened={editing} onClose={() => setEditing(false)} position="right" size="xl" title={t('programs.page.edit')}>
        {editing && <ProgramPlanForm program={program} onDone={() => setEditing(false)} />}
      </Drawer>
    </>
  )
}

/** «Кредит наличными (CL_CASH)»: the catalogue's name with the code staff know it by. */
function productLabel(code: string, products: readonly { code: string; name: string }[] | undefined): string {
  const product = products?.find((p) => p.code === code)
  return product ? `${product.name} (${code})` : code
}
