import { Button, Menu } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { toQuery } from '../../api/api-fetch.ts'
import type { WaveGroup } from './selection-types.ts'

/** The whole group (not just the page) as a file for the mailing or the call list; masked and audited by the API. */
export function WaveExportMenu({ wave, group }: { wave: number; group: WaveGroup }) {
  const { t, i18n } = useTranslation()
  const href = (format: 'csv' | 'xlsx') => `/api/clients/export${toQuery({ wave, group, format, lang: i18n.language })}`
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size="compact-xs" data-testid={`export-${group}`}>
          {group === 'target' ? t('waves.page.export.target') : t('waves.page.export.control')} ▾
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={href('xlsx')} download fz="xs" data-testid={`export-${group}-xlsx`}>
          {t('clients.export.xlsx')}
        </Menu.Item>
        <Menu.Item component="a" href={href('csv')} download fz="xs" data-testid={`export-${group}-csv`}>
          {t('clients.export.csv')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
