import { Button, Checkbox, Group, PasswordInput, Select, Stack, TextInput } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useBranches } from '../clients/useBranches.ts'
import { ROLES, type Role } from '../session/session-user.ts'
import type { User } from './user-types.ts'
import { useSaveUser } from './useSaveUser.ts'

/** Creates a user (user = null) or edits one; the admin's only tool for access. */
const MIN_PASSWORD = 8

export function UserForm({ user, onDone }: { user: User | null; onDone: () => void }) {
  const { t } = useTranslation()
  const branches = useBranches()
  const save = useSaveUser()
  const [login, setLogin] = useState(user?.login ?? '')
  const [fullName, setFullName] = useState(user?.fullName ?? '')
  const [role, setRole] = useState<Role>(user?.role ?? 'manager')
  const [branchId, setBranchId] = useState<string | null>(user?.branchId ? String(user.branchId) : null)
  const [password, setPassword] = useState('')
  const [active, setActive] = useState(user?.active ?? true)

  const creating = user === null
  // The API's rules (user-routes.ts), checked here so the form says what is wrong before sending.
  const loginOk = /^[A-Za-z0-9._-]{2,100}$/.test(login.trim())
  const passwordOk = password.length >= MIN_PASSWORD || (!creating && password === '')
  const valid = fullName.trim() !== '' && passwordOk && (!creating || loginOk)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!valid) return
    const branch = branchId ? Number(branchId) : null
    const input = creating
      ? { id: null, user: { login: login.trim(), fullName: fullName.trim(), role, password, branchId: branch } }
      : { id: user.id, user: { fullName: fullName.trim(), role, active, branchId: branch, ...(password ? { password } : {}) } }
    save.mutate(input, { onSuccess: onDone })
  }
  return (
    <form onSubmit={submit} data-testid="user-form">
      <Stack gap="xs">
        <TextInput
          label={t('users.login')}
          required={creating}
          disabled={!creating}
          autoFocus={creating}
          autoComplete="off"
          description={creating ? t('users.loginHint') : undefined}
          error={creating && login.trim() !== '' && !loginOk ? t('users.loginHint') : undefined}
          value={login}
          onChange={(e) => setLogin(e.currentTarget.value)}
        />
        <TextInput label={t('users.fullName')} required autoFocus={!creating} value={fullName} onChange={(e) => setFullName(e.currentTarget.value)} />
        <Select
          label={t('users.role')}
          required
          allowDeselect={false}
          data={ROLES.map((value) => ({ value, label: t(`roles.${value}`) }))}
          value={role}
          onChange={(value) => value && setRole(value as Role)}
        />
        <Select
          label={t('users.branch')}
          placeholder={t('users.noBranch')}
          clearable
          searchable
          nothingFoundMessage={t('common.nothingFound')}
          data={(branches.data?.items ?? []).map((branch) => ({ value: String(branch.id), label: `${branch.name} (${branch.code})` }))}
          value={branchId}
          onChange={setBranchId}
        />
        <PasswordInput
          label={creating ? t('users.password') : t('users.newPassword')}
          description={creating ? t('users.passwordHint', { min: MIN_PASSWORD }) : t('users.newPasswordHint', { min: MIN_PASSWORD })}
          error={password !== '' && password.length < MIN_PASSWORD ? t('users.passwordHint', { min: MIN_PASSWORD }) : undefined}
          required={creating}
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        {!creating && <Checkbox label={t('users.active')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />}
        {save.error && <ErrorAlert error={save.error} />}
        <Group justify="flex-end" gap="xs" mt={4}>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" disabled={!valid} loading={save.isPending}>
            {creating ? t('users.create') : t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
