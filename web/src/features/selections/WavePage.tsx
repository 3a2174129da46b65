import { Anchor, Badge, Grid, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Tabs, Text, Title } from '@mantine/core'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router-dom'
import { canCall } from '../../app/permissions.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { SegmentBadge } from '../clients/ClientBadges.tsx'
import type { Segment } from '../clients/client-types.ts'
import { useBranches } from '../clients/useBranches.ts'
import { useRegions } from '../clients/useRegions.ts'
import { useSignedInUser } from '../session/useSession.ts'
import { PolicyFunnel } from './PolicyFunnel.tsx'
import type { WaveDetail, WaveGroup } from './selection-types.ts'
import { useWave } from './useWave.ts'
import { WaveExportMenu } from './WaveExportMenu.tsx'
import { WaveMembersTable } from './WaveMembersTable.tsx'
import { WaveSendingPanel } from './WaveSendingPanel.tsx'
import { WaveUpliftModelPanel } from './WaveUpliftModelPanel.tsx'
import { WaveCallListPanel } from '../call-centre/WaveCallListPanel.tsx'
import { ContactHistoryPanel } from '../contacts/ContactHistoryPanel.tsx'

/** /selections/waves/:id — a built wave: its numbers, the policy funnel, balance by segment and its members. */
export function WavePage() {
  const { t } = useTranslation()
  const { id } = useParams()
  const waveId = Number(id)
  const wave = useWave(waveId)
  const back = (
    <Anchor component={Link} to="/selections?tab=waves" fz="xs">
      ← {t('waves.page.back')}
    </Anchor>
  )
  if (wave.error) {
    return (
      <Stack gap="xs" maw={640}>
        {back}
        <ErrorAlert error={wave.error} onRetry={() => void wave.refetch()} />
      </Stack>
    )
  }
  if (!wave.data) return <Skeleton h={400} />
  return <WaveView wave={wave.data} back={back} />
}

function WaveView({ wave, back }: { wave: WaveDetail; back: ReactNode }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const user = useSignedInUser()
  const [group, setGroup] = useState<WaveGroup>('target')
  const funnel = wave.funnel ?? []
  const branches = useBranches()
  const regions = useRegions()
  // A pilot's branches and regions by the names staff know them by (the code while the catalogue loads).
  const placeNames = new Map([...(branches.data?.items ?? []), ...(regions.data?.items ?? [])].map((place) => [place.code, place.name]))
  const eligible = wave.eligible ?? wave.target + wave.control
  const matched = eligible + funnel.reduce((sum, step) => sum + step.removed, 0)
  const canExport = canCall(user.role, 'GET /api/clients/export')
  const stats = [
    { key: 'matched', label: t('waves.page.matched'), value: format.number(matched) },
    { key: 'target', label: t('waves.page.target'), value: format.number(wave.target) },
    { key: 'control', label: t('waves.page.control'), value: format.number(wave.control) },
    { key: 'share', label: t('waves.page.controlShare'), value: format.percent(wave.controlShare, 1) },
    { key: 'policy', label: t('waves.page.policyVersion'), value: String(wave.policyVersion) },
  ]
  return (
    <>
      <PageHeader
        title={t('waves.page.title', { id: wave.id, program: wave.programCode })}
        subtitle={back}
        actions={
          <>
            <Badge variant="light" color={wave.kind === 'pilot' ? 'grape' : 'teal'} tt="none" size="md">
              {t(`waves.kinds.${wave.kind}`)}
            </Badge>
            <Badge variant="light" color="navy" tt="none" size="md">
              {t(`channels.${wave.channel}`)}
            </Badge>
          </>
        }
      />
      <Text fz="xs" c="dimmed" mb="sm">
        {wave.programName !== wave.programCode && `${wave.programName} · `}
        {t('waves.page.built', { asOf: format.date(wave.asOf), at: format.dateTime(wave.builtAt) })}
        {wave.scope && <span data-testid="wave-scope">{` · ${pilotScopeText(wave, t, format.number, placeNames)}`}</span>}
        {wave.selectionId !== null && (
          <>
            {' · '}
            <Anchor component={Link} to={`/selections/${wave.selectionId}`} fz="xs">
              {t('waves.page.selection')}
            </Anchor>
          </>
        )}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs" mb="sm" data-testid="wave-numbers">
        {stats.map((stat) => (
          <Paper key={stat.key} withBorder p="xs">
            <Text fz={11} c="dimmed" tt="uppercase" fw={600} lts={0.3}>
              {stat.label}
            </Text>
            <Text fz={22} fw={700} lh={1.2} data-testid={`wave-${stat.key}`}>
              {stat.value}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <WaveSendingPanel waveId={wave.id} channel={wave.channel} />
      {canCall(user.role, 'GET /api/waves/:id/uplift-model') && <WaveUpliftModelPanel waveId={wave.id} />}
      {canCall(user.role, 'GET /api/waves/:id/contacts') && <ContactHistoryPanel source={{ wave: wave.id }} />}
      {wave.channel === 'call' && canCall(user.role, 'POST /api/call-centre/waves/:waveId/list') && <WaveCallListPanel waveId={wave.id} />}
      <Grid gap="sm" mb="sm">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Paper withBorder p="sm" h="100%">
            <Title order={2} mb={4}>
              {t('waves.funnel.title')}
            </Title>
            <PolicyFunnel funnel={{ matched, eligible, target: wave.target, control: wave.control, funnel }} testId="wave-funnel" />
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder p="sm" h="100%">
            <Title order={2} mb={2}>
              {t('waves.page.balance')}
            </Title>
            <Text fz="xs" c="dimmed" mb={6}>
              {t('waves.page.balanceHint')}
            </Text>
            <Table tabularNums data-testid="wave-balance">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('clients.columns.segment')}</Table.Th>
                  <Table.Th ta="right">{t('waves.columns.target')}</Table.Th>
                  <Table.Th ta="right">{t('waves.columns.control')}</Table.Th>
                  <Table.Th ta="right">{t('waves.columns.controlShare')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {wave.bySegment.map((row) => (
                  <Table.Tr key={row.segment}>
                    <Table.Td>
                      <SegmentBadge segment={row.segment as Segment} />
                    </Table.Td>
                    <Table.Td ta="right">{format.number(row.target)}</Table.Td>
                    <Table.Td ta="right">{format.number(row.control)}</Table.Td>
                    <Table.Td ta="right">{format.percent(row.control / Math.max(1, row.target + row.control), 1)}</Table.Td>
                  </Table.Tr>
                ))}
                {wave.bySegment.length === 0 && (
                  <Table.Tr>
                    <Table.Td colSpan={4}>
                      <Text fz="xs" c="dimmed">
                        {t('waves.page.noMembers')}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                )}
              </Table.Tbody>
            </Table>
          </Paper>
        </Grid.Col>
      </Grid>
      <Paper withBorder p="sm">
        <Tabs value={group} onChange={(value) => value && setGroup(value as WaveGroup)} keepMounted={false}>
          <Group justify="space-between" mb="xs" wrap="nowrap">
            <Tabs.List>
              <Tabs.Tab value="target" data-testid="members-target">
                {t('waves.page.targetMembers', { n: format.number(wave.target) })}
              </Tabs.Tab>
              <Tabs.Tab value="control" data-testid="members-control">
                {t('waves.page.controlMembers', { n: format.number(wave.control) })}
              </Tabs.Tab>
            </Tabs.List>
            {canExport && <WaveExportMenu wave={wave.id} group={group} />}
          </Group>
          <Tabs.Panel value="target">
            <WaveMembersTable wave={wave.id} group="target" />
          </Tabs.Panel>
          <Tabs.Panel value="control">
            <Text fz="xs" c="dimmed" mb={6}>
              {t('waves.page.controlHint')}
            </Text>
            <WaveMembersTable wave={wave.id} group="control" />
          </Tabs.Panel>
        </Tabs>
      </Paper>
    </>
  )
}

/** «Пилот: 2 000 случайных клиентов, отделения ЦБУ Тверская — из 9 500 клиентов отбора». */
function pilotScopeText(wave: WaveDetail, t: (key: string, options?: Record<string, unknown>) => string, number: (n: number) => string, names: Map<string, string>): string {
  const scope = wave.scope!
  const list = (codes: string[]) => codes.map((code) => names.get(code) ?? code).join(', ')
  const parts = [
    scope.sample && t('waves.page.scopeSample', { size: number(scope.sample.size) }),
    scope.branches && t('waves.page.scopeBranches', { list: list(scope.branches) }),
    scope.regions && t('waves.page.scopeRegions', { list: list(scope.regions) }),
  ]
  const of = t('waves.page.scopeOf', { eligible: number(wave.eligible ?? wave.target + wave.control) })
  return `${t('waves.page.scopePilot')}: ${parts.filter(Boolean).join(', ')} — ${of}`
}
