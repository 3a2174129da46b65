import { Button, Menu } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** Downloads the program report (case against actuals, verdict, decisions) in the UI's language; the API audits it. */
export function ProgramReportMenu({ code }: { code: string }) {
  const { t, i18n } = useTranslation()
  const href = (format: 'xlsx' | 'pdf') => `/api/programs/${encodeURIComponent(code)}/report?format=${format}&lang=${i18n.language === 'en' ? 'en' : 'ru'}`
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="default" data-testid="program-report-button">
          {t('programs.report.button')} ▾
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={href('xlsx')} download fz="xs" data-testid="program-report-xlsx">
          {t('programs.report.xlsx')}
        </Menu.Item>
        <Menu.Item component="a" href={href('pdf')} download fz="xs" data-testid="program-report-pdf">
          {t('programs.report.pdf')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  )
}
