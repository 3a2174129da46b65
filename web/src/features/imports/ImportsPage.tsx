import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { canCall } from '../../app/permissions.ts'
import { PageHeader } from '../../components/PageHeader.tsx'
import { useSignedInUser } from '../session/useSession.ts'
import { JobsPanel } from '../jobs/JobsPanel.tsx'
import { ImportHistoryTable } from './ImportHistoryTable.tsx'
import { ImportResult } from './ImportResult.tsx'
import { NewImportForm } from './NewImportForm.tsx'

export function ImportsPage() {
  const { t } = useTranslation()
  const user = useSignedInUser()
  const [openId, setOpenId] = useState<number | null>(null)
  // The head follows the history but loads nothing: no form that the server would refuse.
  return (
    <>
      <PageHeader title={t('nav.imports')} subtitle={t('imports.subtitle')} />
      {canCall(user.role, 'POST /api/imports') && <NewImportForm onStarted={setOpenId} />}
      {openId !== null && <ImportResult id={openId} />}
      {canCall(user.role, 'GET /api/jobs') && <JobsPanel />}
      <ImportHistoryTable onOpen={setOpenId} />
    </>
  )
}
