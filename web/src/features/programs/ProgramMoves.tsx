import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/ErrorAlert.tsx'
import { useSignedInUser } from '../session/useSession.ts'
import type { ProgramDetail, ProgramStatus } from './program-types.ts'
import { useMoveProgram } from './useMoveProgram.ts'

/** The moves the user's role may make from here, each recorded with a comment (the head's decision). */
export function ProgramMoves({ program }: { program: ProgramDetail }) {
  const { t } = useTranslation()
  const user = useSignedInUser()
  const move = useMoveProgram(program.code)
  const [to, setTo] = useState<ProgramStatus | null>(null)
  const [comment, setComment] = useState('')
  // On an evaluated pilot the moves say what they do to it: back to pilot extends it, closing stops it.
  const label = (status: ProgramStatus) => t(program.status === 'evaluated' ? `verdict.moves.${status}` : `programs.moves.${status}`)
  const mine = program.allowedMoves.filter((m) => m.roles.includes(user.role))
  if (mine.length === 0) return null
  const close = () => {
    setTo(null)
    setComment('')
    move.reset()
  }
  return (
    <>
      {mine.map((m) => (
        <Button key={m.to} size="xs" variant={m.to === 'cancelled' || m.to === 'draft' ? 'default' : 'filled'} onClick={() => setTo(m.to)} data-testid={`move-${m.to}`}>
          {label(m.to)}
        </Button>
      ))}
      <Modal opened={to !== null} onClose={close} title={to && label(to)} size="md">
        <Stack gap="xs">
          <Text fz="xs" c="dimmed">
            {t('programs.moves.recorded')}
          </Text>
          <Textarea label={t('programs.moves.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} autosize minRows={2} maxLength={2000} data-testid="move-comment" />
          {move.error && <ErrorAlert error={move.error} />}
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={move.isPending}
              onClick={() => to && move.mutate({ to, updatedAt: program.updatedAt, ...(comment.trim() && { comment: comment.trim() }) }, { onSuccess: close })}
              data-testid="move-confirm"
            >
              {t('programs.moves.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  )
}
