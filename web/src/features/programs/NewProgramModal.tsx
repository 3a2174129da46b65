import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router-dom'
import { PROGRAM_GOALS } from '../../../../src/contract/program-schemas.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import type { ProgramGoal } from './program-types.ts'
import { useCreateProgram } from './useCreateProgram.ts'

/** A new draft program: a code, a name and a goal; the plan and its case follow on the program's page. */
export function NewProgramModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const create = useCreateProgram()
  const [code, setCode] = useState('')
  const [name, setName] = useState('')
  const [goal, setGoal] = useState<ProgramGoal>('cross_sell')
  // The API's rule for a code (contract/program-schemas.ts), said before sending.
  const codeOk = /^[A-Za-z0-9_.-]{1,64}$/.test(code.trim())
  const submit = (event: FormEvent) => {
    event.preventDefault()
    create.mutate({ code: code.trim(), name: name.trim(), goal }, { onSuccess: (program) => navigate(`/programs/${encodeURIComponent(program.code)}`) })
  }
  return (
    <Modal opened={opened} onClose={onClose} title={t('programs.new.title')} size="md">
      <form onSubmit={submit} data-testid="new-program-form">
        <Stack gap="xs">
          <TextInput label={t('programs.fields.code')} description={t('programs.new.codeHint')} value={code} onChange={(e) => setCode(e.currentTarget.value)} required data-autofocus data-testid="program-code" />
          <TextInput label={t('programs.fields.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} required data-testid="program-name" />
          <Select
            label={t('programs.fields.goal')}
            data={PROGRAM_GOALS.map((value) => ({ value, label: t(`programs.goals.${value}`) }))}
            value={goal}
            onChange={(value) => value && setGoal(value as ProgramGoal)}
            allowDeselect={false}
            data-testid="program-goal"
          />
          {create.error && <ErrorAlert error={create.error} />}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={!codeOk || name.trim() === ''} loading={create.isPending} data-testid="create-program">
              {t('programs.new.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
