import { Button, Group, Modal, Stack, TextInput } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/api-error.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import type { Rule, SavedSelection } from './selection-types.ts'
import { useSaveSelection } from './useSaveSelection.ts'

export type SaveAsModalProps = { name: string; description: string | null; rule: Rule; onClose: () => void; onSaved: (copy: SavedSelection) => void }

/** Saves the rule on screen as a new selection under another name; the original stays as it was. */
export function SaveAsModal({ name: suggested, description, rule, onClose, onSaved }: SaveAsModalProps) {
  const { t } = useTranslation()
  const save = useSaveSelection()
  const [name, setName] = useState(suggested)
  const nameTaken = save.error instanceof ApiError && save.error.status === 409
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (name.trim() === '') return
    save.mutate({ id: null, name: name.trim(), description, rule }, { onSuccess: onSaved })
  }
  return (
    <Modal opened onClose={onClose} title={t('selections.editor.saveAsTitle')} size="md">
      <form onSubmit={submit} data-testid="save-as-form">
        <Stack gap="xs">
          <TextInput
            label={t('selections.editor.name')}
            required
            data-autofocus
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value)
              save.reset()
            }}
            maxLength={200}
            error={nameTaken ? t('selections.editor.nameTaken') : undefined}
          />
          {save.error && !nameTaken && <ErrorAlert error={save.error} />}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" disabled={name.trim() === ''} loading={save.isPending}>
              {t('selections.editor.saveAsSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
