import { Badge, Button, Checkbox, Group, Paper, Select, Stack, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ItTaskItem } from '../../../../src/contract/it-task-schemas.ts'
import { IT_TASK_KINDS, IT_TASK_STATUSES, type ItTaskStatus } from '../../../../src/contract/it-task-statuses.ts'
import { canCall } from '../../app/permissions.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { useSignedInUser } from '../session/useSession.ts'
import { ItTaskComments } from './ItTaskComments.tsx'
import { NewItTaskModal } from './NewItTaskModal.tsx'
import { useItTasks, useUpdateItTask } from './useItTasks.ts'

const STATUS_COLOR: Record<ItTaskStatus, string> = { new: 'blue', in_progress: 'yellow', done: 'green', cancelled: 'gray' }

/** The analyst's data tasks for IT: filters, the overdue ones flagged, moves, comments. */
export function ItTasksPage() {
  const { t } = useTranslation()
  const me = useSignedInUser()
  const canWrite = canCall(me.role, 'POST /api/it-tasks')
  const [status, setStatus] = useState<string | null>(null)
  const [kind, setKind] = useState<string | null>(null)
  const [overdue, setOverdue] = useState(false)
  const [creating, setCreating] = useState(false)
  const [open, setOpen] = useState<number | null>(null)
  const tasks = useItTasks({ status, kind, overdue })
  const list = tasks.data ?? []
  return (
    <Stack gap="sm">
      <PageHeader title={t('itTasks.title')} subtitle={t('itTasks.subtitle')}
        actions={canWrite && <Button size="xs" onClick={() => setCreating(true)} data-testid="it-task-new">{t('itTasks.new')}</Button>} />
      <Group gap="xs" align="flex-end">
        <Select size="xs" w={170} label={t('itTasks.columns.status')} placeholder={t('itTasks.any')} clearable value={status} onChange={setStatus}
          data={IT_TASK_STATUSES.map((value) => ({ value, label: t(`itTasks.statuses.${value}`) }))} />
        <Select size="xs" w={190} label={t('itTasks.columns.kind')} placeholder={t('itTasks.any')} clearable value={kind} onChange={setKind}
          data={IT_TASK_KINDS.map((value) => ({ value, label: t(`itTasks.kinds.${value}`) }))} />
        <Checkbox size="xs" mb={6} label={t('itTasks.overdueOnly')} checked={overdue} onChange={(e) => setOverdue(e.currentTarget.checked)} data-testid="it-tasks-overdue" />
        <Text fz="xs" c="dimmed" pb={6}>{t('itTasks.count', { count: list.length })}</Text>
      </Group>
      {tasks.error && <ErrorAlert error={tasks.error} onRetry={() => void tasks.refetch()} />}
      <Paper withBorder>
        {list.length === 0 && !tasks.isLoading ? (
          <Text fz="sm" c="dimmed" p="sm">{t('itTasks.none')}</Text>
        ) : (
          <Table fz="xs" verticalSpacing={6} data-testid="it-tasks-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('itTasks.columns.due')}</Table.Th>
                <Table.Th>{t('itTasks.columns.task')}</Table.Th>
                <Table.Th>{t('itTasks.columns.concerns')}</Table.Th>
                <Table.Th>{t('itTasks.columns.owner')}</Table.Th>
                <Table.Th>{t('itTasks.columns.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((task) => (
                <TaskRows key={task.id} task={task} canWrite={canWrite} open={open === task.id} onToggle={() => setOpen(open === task.id ? null : task.id)} />
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      {creating && <NewItTaskModal onClose={() => setCreating(false)} />}
    </Stack>
  )
}

function TaskRows({ task, canWrite, open, onToggle }: { task: ItTaskItem; canWrite: boolean; open: boolean; onToggle: () => void }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const update = useUpdateItTask()
  const concerns = [
    task.selection ? t('itTasks.selection', { name: task.selection.name }) : task.clientCount !== null ? t('itTasks.clients', { count: task.clientCount }) : null,
    task.fields.length > 0 ? t('itTasks.fields', { fields: task.fields.join(', ') }) : null,
  ].filter(Boolean)
  return (
    <>
      <Table.Tr data-testid={`it-task-${task.id}`} bg={task.overdue ? 'red.0' : undefined}>
        <Table.Td style={{ whiteSpace: 'nowrap' }}>
          {task.dueDate ? format.date(task.dueDate) : '—'}
          {task.overdue && <Badge ml={4} color="red" size="xs">{t('itTasks.overdue')}</Badge>}
        </Table.Td>
        <Table.Td maw={420}>
          <Text fz="xs" fw={500}>{task.title}</Text>
          <Text fz="xs" c="dimmed">{t(`itTasks.kinds.${task.kind}`)} · {task.createdBy} · {format.dayOf(task.createdAt)}</Text>
          {task.description && <Text fz="xs" lineClamp={open ? undefined : 2}>{task.description}</Text>}
        </Table.Td>
        <Table.Td>{concerns.map((line) => <Text key={line} fz="xs">{line}</Text>)}</Table.Td>
        <Table.Td>{task.owner ?? '—'}</Table.Td>
        <Table.Td>
          <Badge variant="light" tt="none" color={STATUS_COLOR[task.status]}>{t(`itTasks.statuses.${task.status}`)}</Badge>
          <Group gap={4} mt={4} wrap="nowrap">
            {canWrite && task.allowedMoves.map((to) => (
              <Button key={to} size="compact-xs" variant="light" color={STATUS_COLOR[to]} loading={update.isPending} onClick={() => update.mutate({ id: task.id, patch: { status: to } })}>
                {t(`itTasks.moves.${to}`)}
              </Button>
            ))}
            <Button size="compact-xs" variant="default" onClick={onToggle} data-testid="it-task-comments-toggle">
              {t('itTasks.comments', { count: task.comments.length })}
            </Button>
          </Group>
          {update.error && <ErrorAlert error={update.error} />}
        </Table.Td>
      </Table.Tr>
      {open && (
        <Table.Tr>
          <Table.Td colSpan={5} bg="gray.0"><ItTaskComments task={task} /></Table.Td>
        </Table.Tr>
      )}
    </>
  )
}
