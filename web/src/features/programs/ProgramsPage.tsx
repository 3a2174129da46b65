import { Button, Group, SegmentedControl, Select, Tabs } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PROGRAM_GOALS, PROGRAM_STATUSES } from '../../../../src/contract/program-schemas.ts'
import { canCall } from '../../app/permissions.ts'
import { PageHeader } from '../../components/PageHeader.tsx'
import { useSignedInUser } from '../session/useSession.ts'
import { NewProgramModal } from './NewProgramModal.tsx'
import { ProgramsTable } from './ProgramsTable.tsx'
import { ProgramsTimeline } from './ProgramsTimeline.tsx'
import { ProgramReturnsTable } from './ProgramReturnsTable.tsx'
import type { ProgramFilter } from './usePrograms.ts'

/** The single registry of programs: the list with filters, the head's inbox and a timeline of planned dates. */
export function ProgramsPage() {
  const { t } = useTranslation()
  const user = useSignedInUser()
  const [creating, setCreating] = useState(false)
  const [filter, setFilter] = useState<ProgramFilter>({ limit: 25, offset: 0 })
  const change = (part: Partial<ProgramFilter>) => setFilter((current) => ({ ...current, ...part, offset: 0 }))
  return (
    <>
      <PageHeader
        title={t('nav.programs')}
        subtitle={t('programs.subtitle')}
        actions={
          canCall(user.role, 'POST /api/programs') && (
            <Button onClick={() => setCreating(true)} data-testid="new-program">
              {t('programs.list.new')}
            </Button>
          )
        }
      />
      <Group gap="xs" mb="sm" align="flex-end">
        <SegmentedControl
          size="xs"
          value={filter.awaiting ? 'awaiting' : 'all'}
          onChange={(value) => change({ awaiting: value === 'awaiting' ? 'me' : undefined })}
          data={[
            { value: 'all', label: t('programs.list.all') },
            { value: 'awaiting', label: t('programs.list.awaiting') },
          ]}
          data-testid="programs-inbox"
        />
        <Select
          size="xs"
          w={180}
          placeholder={t('programs.columns.status')}
          clearable
          data={PROGRAM_STATUSES.map((value) => ({ value, label: t(`programs.statuses.${value}`) }))}
          value={filter.status ?? null}
          onChange={(value) => change({ status: value ?? undefined })}
          data-testid="programs-status-filter"
        />
        <Select
          size="xs"
          w={200}
          placeholder={t('programs.columns.goal')}
          clearable
          data={PROGRAM_GOALS.map((value) => ({ value, label: t(`programs.goals.${value}`) }))}
          value={filter.goal ?? null}
          onChange={(value) => change({ goal: value ?? undefined })}
          data-testid="programs-goal-filter"
        />
      </Group>
      <Tabs defaultValue="list" keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="list">{t('programs.tabs.list')}</Tabs.Tab>
          <Tabs.Tab value="timeline" data-testid="tab-timeline">
            {t('programs.tabs.timeline')}
          </Tabs.Tab>
          {canCall(user.role, 'GET /api/program-returns') && (
            <Tabs.Tab value="returns" data-testid="tab-returns">
              {t('programs.tabs.returns')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="list">
          <ProgramsTable filter={filter} onPage={(page) => setFilter((current) => ({ ...current, ...page }))} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline">
          <ProgramsTimeline filter={filter} />
        </Tabs.Panel>
        <Tabs.Panel value="returns">
          <ProgramReturnsTable />
        </Tabs.Panel>
      </Tabs>
      <NewProgramModal opened={creating} onClose={() => setCreating(false)} />
    </>
  )
}
