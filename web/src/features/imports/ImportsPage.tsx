import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PageHeader } from '../../components/PageHeader.tsx'
import { ImportHistoryTable } from './ImportHistoryTable.tsx'
import { ImportResult } from './ImportResult.tsx'
import { NewImportForm } from './NewImportForm.tsx'

export function ImportsPage() {
  const { t } = useTranslation()
  const [openId, setOpenId] = useState<number | null>(null)
  return (
    <>
      <PageHeader title={t('nav.imports')} subtitle={t('imports.subtitle')} />
      <NewImportForm onStarted={setOpenId} />
      {openId !== null && <ImportResult id={openId} />}
      <ImportHistoryTable onOpen={setOpenId} />
    </>
  )
}
