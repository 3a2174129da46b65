import { Button, Menu, type ButtonProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ExportFormat } from '../../../src/contract/export-formats.ts'

/**
 * A download in Excel or CSV: the button opens the two formats, each a plain link to the export
 * route (the API masks and audits it). Items are `${testId}-xlsx` and `${testId}-csv`.
 */
export function ExportMenu({ href, testId, size }: { href: (format: ExportFormat) => string; testId: string; size?: ButtonProps['size'] }) {
  const { t } = useTranslation()
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" size={size} data-testid={testId}>
          {t('clients.export.button')} ▾
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {(['xlsx', 'csv'] as const).map((format) => (
          <Menu.Item key={format} component="a" href={href(format)} download fz="xs" data-testid={`${testId}-${format}`}>
            {t(`clients.export.${format}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  )
}
