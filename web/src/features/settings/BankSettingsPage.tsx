import { SimpleGrid } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { PageHeader } from '../../components/PageHeader.tsx'
import { ContactHoursForm } from './ContactHoursForm.tsx'
import { LetterheadForm } from './LetterheadForm.tsx'

/** /settings — the bank's letterhead and contact hours, kept by the head or an admin; every change audited. */
export function BankSettingsPage() {
  const { t } = useTranslation()
  return (
    <>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
        <LetterheadForm />
        <ContactHoursForm />
      </SimpleGrid>
    </>
  )
}
