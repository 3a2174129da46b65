import { useTranslation } from 'react-i18next'
import { ExportMenu } from '../../components/ExportMenu.tsx'
import type { ClientFilters } from './client-types.ts'
import { clientFilterQuery } from './useClients.ts'

/** Downloads the whole filtered list (not just the page), masked as the list is; the API audits it. */
export function ClientExportMenu({ filters }: { filters: ClientFilters }) {
  const { i18n } = useTranslation()
  return <ExportMenu testId="export-button" href={(format) => `/api/clients/export${clientFilterQuery(filters, { format, lang: i18n.language })}`} />
}
