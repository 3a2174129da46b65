import { Button, Menu } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ClientFilters } from './client-types.ts'
import { clientFilterQuery } from './useClients.ts'

/** Downloads the whole filtered list (not just the page), masked as the list is; the API audits it. */
export function ClientExportMenu({ filters }: { filters: ClientFilters }) {
  const { t, i18n } = useTranslation()
  const href = (format: 'csv' | 'xlsx') => `/api/clients/export${clientFilterQuery(filters, { format, lang: i18n.language })}`
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" data-testid="export-button">
          {t('clients.export.button')} ▾
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={href('xlsx')} download fz="xs">
          {t('clients.export.xlsx')}
        </Menu.Item>
        <Menu.Item component="a" href={href('csv')} download fz="xs">
          {t('clients.export.csv')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
