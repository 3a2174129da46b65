import { Badge, Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { NOTE_KINDS, NOTE_MAX_LENGTH, type Note, type NoteKind } from './client-types.ts'
import { useAddNote } from './useAddNote.ts'

export function NotesPanel({ clientId, notes, canWrite }: { clientId: string; notes: Note[]; canWrite: boolean }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const addNote = useAddNote(clientId)
  const [kind, setKind] = useState<NoteKind>('life_event')
  const [body, setBody] = useState('')

  const submit = (event?: FormEvent) => {
    event?.preventDefault()
    if (!body.trim() || addNote.isPending) return
    addNote.mutate({ kind, body: body.trim() }, { onSuccess: () => setBody('') })
  }
  return (
    <Paper withBorder p="xs">
      <Title order={3} mb={4}>
        {t('notes.title')}
      </Title>
      {canWrite && (
      <form onSubmit={submit} aria-label={t('notes.add')}>
        <Group align="flex-start" gap="xs" wrap="nowrap" mb="xs">
          <Select
            w={170}
            aria-label={t('notes.kind')}
            data={NOTE_KINDS.map((value) => ({ value, label: t(`noteKinds.${value}`) }))}
            value={kind}
            allowDeselect={false}
            onChange={(value) => value && setKind(value as NoteKind)}
          />
          <Textarea
            style={{ flex: 1 }}
            aria-label={t('notes.body')}
            placeholder={t('notes.placeholder')}
            autosize
            minRows={1}
            maxRows={6}
            maxLength={NOTE_MAX_LENGTH}
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
            // Ctrl+Enter saves, as in the bank's other systems; Enter alone starts a new line.
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) submit()
            }}
          />
          <Button type="submit" loading={addNote.isPending} disabled={!body.trim()}>
            {t('notes.save')}
          </Button>
        </Group>
      </form>
      )}
      {addNote.error && <ErrorAlert error={addNote.error} />}
      {notes.length === 0 ? (
        <Text fz="xs" c="dimmed">
          {t('notes.empty')}
        </Text>
      ) : (
        <Stack gap={6} data-testid="notes-list">
          {notes.map((note) => (
            <div key={note.id}>
              <Group gap={6}>
                <Badge variant="light" color="gray" tt="none">
                  {t(`noteKinds.${note.kind}`)}
                </Badge>
                <Text fz={11} c="dimmed">
                  {format.dateTime(note.createdAt)} · {note.authorName ?? t('notes.unknownAuthor')}
                </Text>
              </Group>
              <Text fz="xs" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
                {note.body}
              </Text>
            </div>
          ))}
        </Stack>
      )}
    </Paper>
  )
}
