import { Button, Group, Stack, Text, Textarea } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ItTaskItem } from '../../../../src/contract/it-task-schemas.ts'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useFormatters } from '../../i18n/useFormatters.ts'
import { useCommentItTask } from './useItTasks.ts'

/** A task's comments, oldest first, and the form for the next one (the analyst's, or IT's through the admin). */
export function ItTaskComments({ task }: { task: ItTaskItem }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const comment = useCommentItTask()
  const [text, setText] = useState('')
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (text.trim()) comment.mutate({ id: task.id, text: text.trim() }, { onSuccess: () => setText('') })
  }
  return (
    <Stack gap={4}>
      {task.comments.map((c, i) => (
        <Text key={i} fz="xs"><Text span fz={11} c="dimmed">{format.dateTime(c.at)} · {c.author}: </Text>{c.text}</Text>
      ))}
      <form onSubmit={submit}>
        <Group gap="xs" align="flex-start" wrap="nowrap">
          <Textarea style={{ flex: 1 }} size="xs" autosize minRows={1} maxLength={2000} placeholder={t('itTasks.commentPlaceholder')} aria-label={t('itTasks.commentPlaceholder')}
            value={text} onChange={(e) => setText(e.currentTarget.value)} data-testid="it-task-comment" />
          <Button type="submit" size="xs" loading={comment.isPending} disabled={!text.trim()}>{t('itTasks.addComment')}</Button>
        </Group>
      </form>
      {comment.error && <ErrorAlert error={comment.error} />}
    </Stack>
  )
}
