import { Button, Group, Modal, NumberInput, SegmentedControl, Select, Stack, TagsInput, TextInput, Textarea } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { IT_TASK_KINDS, type ItTaskKind } from '../../../../src/contract/it-task-statuses.ts'
import { DayInput } from '../../components/DayInput.tsx'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useSelections } from '../selections/useSelections.ts'
import { useCreateItTask } from './useItTasks.ts'

type ClientsBy = 'none' | 'count' | 'selection'

/** A new data task for IT: what, which clients (a count or a saved selection) or fields, who in IT, by when. */
export function NewItTaskModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const create = useCreateItTask()
  const selections = useSelections()
  const [title, setTitle] = useState('')
  const [description, setDescription] = useState('')
  const [kind, setKind] = useState<ItTaskKind>('data_fix')
  const [clientsBy, setClientsBy] = useState<ClientsBy>('none')
  const [clientCount, setClientCount] = useState<number | string>('')
  const [selectionId, setSelectionId] = useState<string | null>(null)
  const [fields, setFields] = useState<string[]>([])
  const [owner, setOwner] = useState('')
  const [dueDate, setDueDate] = useState('')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    create.mutate({
      title: title.trim(), description: description.trim(), kind, fields,
      clientCount: clientsBy === 'count' && clientCount !== '' ? Number(clientCount) : null,
      selectionId: clientsBy === 'selection' && selectionId ? Number(selectionId) : null,
      owner: owner.trim() || null, dueDate: dueDate || null,
    }, { onSuccess: onClose })
  }
  return (
    <Modal opened onClose={onClose} title={t('itTasks.new')} size="lg">
      <form onSubmit={submit}>
        <Stack gap="xs">
          <TextInput label={t('itTasks.fieldsForm.title')} required maxLength={200} value={title} onChange={(e) => setTitle(e.currentTarget.value)} data-testid="it-task-title" />
          <Select label={t('itTasks.columns.kind')} allowDeselect={false} value={kind} onChange={(v) => v && setKind(v as ItTaskKind)}
            data={IT_TASK_KINDS.map((value) => ({ value, label: t(`itTasks.kinds.${value}`) }))} />
          <Textarea label={t('itTasks.fieldsForm.description')} autosize minRows={3} maxLength={4000} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
          <SegmentedControl size="xs" value={clientsBy} onChange={(v) => setClientsBy(v as ClientsBy)}
            data={(['none', 'count', 'selection'] as const).map((value) => ({ value, label: t(`itTasks.clientsBy.${value}`) }))} />
          {clientsBy === 'count' && <NumberInput size="xs" label={t('itTasks.fieldsForm.clientCount')} min={1} allowDecimal={false} value={clientCount} onChange={setClientCount} />}
          {clientsBy === 'selection' && (
            <Select size="xs" label={t('itTasks.fieldsForm.selection')} searchable value={selectionId} onChange={setSelectionId}
              data={(selections.data?.items ?? []).map((s) => ({ value: String(s.id), label: s.name }))} />
          )}
          <TagsInput label={t('itTasks.fieldsForm.fields')} description={t('itTasks.fieldsForm.fieldsHint')} value={fields} onChange={setFields} maxTags={50} />
          <Group grow>
            <TextInput size="xs" label={t('itTasks.columns.owner')} maxLength={200} value={owner} onChange={(e) => setOwner(e.currentTarget.value)} />
            <DayInput label={t('itTasks.columns.due')} value={dueDate} onChange={setDueDate} />
          </Group>
          {create.error && <ErrorAlert error={create.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('itTasks.cancel')}</Button>
            <Button type="submit" loading={create.isPending} disabled={!title.trim()} data-testid="it-task-create">{t('itTasks.create')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
