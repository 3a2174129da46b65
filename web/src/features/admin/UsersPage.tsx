import { Badge, Button, Modal, Paper, Stack, Text, Title } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DataTable } from '../../components/DataTable.tsx'
import { PageHeader } from '../../components/PageHeader.tsx'
import { dataColumnHelper } from '../../components/data-table-features.ts'
import { canCall } from '../../app/permissions.ts'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { useBranches } from '../clients/useBranches.ts'
import { useSignedInUser } from '../session/useSession.ts'
import { ClearanceTable } from './ClearanceTable.tsx'
import { UserForm } from './UserForm.tsx'
import type { User, UserListItem } from './user-types.ts'
import { useUsers } from './useUsers.ts'

const column = dataColumnHelper<UserListItem>()

export function UsersPage() {
  const { t } = useTranslation()
  const format = useFormatters()
  const me = useSignedInUser()
  const isAdmin = me.role === 'admin'
  // The auditor reads who holds which role; only the admin creates and edits users.
  const canRead = canCall(me.role, 'GET /api/users')
  const users = useUsers(canRead)
  const branches = useBranches()
  // undefined: no form; null: a new user; a user: editing them.
  const [editing, setEditing] = useState<User | null | undefined>(undefined)
  const branchName = useMemo(() => new Map((branches.data?.items ?? []).map((b) => [b.id, b.name])), [branches.data])
  const columns = useMemo(
    () =>
      column.columns([
        column.accessor('login', { header: t('users.login'), meta: { nowrap: true } }),
        column.accessor('fullName', { header: t('users.fullName') }),
        column.accessor('role', {
          header: t('users.role'),
          // A VIP client's personal manager holds the manager role; the list says which managers they are.
          cell: (cell) => (
            <>
              {t(`roles.${cell.getValue()}`)}
              {cell.row.original.personalClients > 0 && (
                <Text size="xs" c="dimmed" data-testid="personal-clients">
                  {t('users.personalClients', { n: format.number(cell.row.original.personalClients) })}
                </Text>
              )}
            </>
          ),
        }),
        column.accessor('branchId', { header: t('users.branch'), cell: (cell) => (cell.getValue() ? (branchName.get(cell.getValue()!) ?? `#${cell.getValue()}`) : '—') }),
        column.accessor('active', {
          header: t('users.status'),
          cell: (cell) => (
            <Badge variant="light" color={cell.getValue() ? 'teal' : 'gray'} tt="none">
              {cell.getValue() ? t('users.activeYes') : t('users.activeNo')}
            </Badge>
          ),
        }),
        ...(isAdmin ? [column.display({
          id: 'edit',
          header: '',
          meta: { align: 'right', width: 90 },
          cell: (cell) => (
            <Button variant="subtle" size="compact-xs" onClick={() => setEditing(cell.row.original)}>
              {t('users.edit')}
            </Button>
          ),
        })] : []),
      ]),
    [t, format, branchName, isAdmin],
  )
  return (
    <>
      <PageHeader
        title={t('nav.users')}
        subtitle={isAdmin ? t('users.subtitle') : t('users.subtitleAuditor')}
        actions={isAdmin && <Button onClick={() => setEditing(null)}>{t('users.new')}</Button>}
      />
      <Stack gap="sm">
        {canRead && (
          <Paper withBorder p="sm">
            <Title order={2} mb="xs">
              {t('users.title')}
            </Title>
            <DataTable
              testId="users-table"
              columns={columns}
              rows={users.data?.items}
              getRowId={(row) => String(row.id)}
              error={users.error}
              emptyTitle={t('users.empty')}
              skeletonRows={5}
            />
          </Paper>
        )}
        <ClearanceTable />
      </Stack>
      <Modal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        title={<Title order={3}>{editing ? t('users.editTitle', { login: editing.login }) : t('users.newTitle')}</Title>}
        size="sm"
      >
        {editing !== undefined && <UserForm key={editing?.id ?? 'new'} user={editing} onDone={() => setEditing(undefined)} />}
      </Modal>
    </>
  )
}
