import { useTranslation } from 'react-i18next'
import { canCall } from '../../app/permissions.ts'
import { PageHeader } from '../../components/PageHeader.tsx'
import { useSignedInUser } from '../session/useSession.ts'
import { ClientExportMenu } from './ClientExportMenu.tsx'
import { ClientSearchBar } from './ClientSearchBar.tsx'
import { ClientsTable } from './ClientsTable.tsx'
import { useClientFilters } from './useClientFilters.ts'

export function ClientsPage() {
  const { t } = useTranslation()
  const [filters, change] = useClientFilters()
  const user = useSignedInUser()
  return (
    <>
      <PageHeader title={t('nav.clients')} subtitle={t('clients.subtitle')} actions={canCall(user.role, 'GET /api/clients/export') && <ClientExportMenu filters={filters} />} />
      <ClientSearchBar filters={filters} onChange={change} />
      <ClientsTable filters={filters} onChange={change} />
    </>
  )
}
