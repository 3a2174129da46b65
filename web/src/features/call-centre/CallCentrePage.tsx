import { Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { canCall } from '../../app/permissions.ts'
import { PageHeader } from '../../components/PageHeader.tsx'
import { useSignedInUser } from '../session/useSession.ts'
import { CallBoardView } from './CallBoardView.tsx'
import { CallbacksQueue } from './CallbacksQueue.tsx'
import { OperatorWorkspace } from './OperatorWorkspace.tsx'

/** The call centre: an operator's workspace (preview dialing), or the supervisor's board. */
export function CallCentrePage() {
  const { t } = useTranslation()
  const me = useSignedInUser()
  const operator = canCall(me.role, 'GET /api/call-centre/next')
  return (
    <Stack gap="sm">
      <PageHeader title={t(operator ? 'calls.workspaceTitle' : 'calls.boardTitle')} subtitle={t(operator ? 'calls.workspaceSubtitle' : 'calls.boardSubtitle')} />
      {operator ? <OperatorWorkspace /> : <CallBoardView />}
      <CallbacksQueue />
    </Stack>
  )
}
