import { Button, Tabs } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router-dom'
import { canCall } from '../../app/permissions.ts'
import { PageHeader } from '../../components/PageHeader.tsx'
import { useSignedInUser } from '../session/useSession.ts'
import { ContactPolicyPanel } from './ContactPolicyPanel.tsx'
import { ProgramPolicyPanel } from './ProgramPolicyPanel.tsx'
import { SelectionsTable } from './SelectionsTable.tsx'
import { WavesTable } from './WavesTable.tsx'

const TABS = ['selections', 'waves', 'policy'] as const
type Tab = (typeof TABS)[number]

/** Saved selections, the waves built from them, and the contact policy the waves apply. */
export function SelectionsPage() {
  const { t } = useTranslation()
  const user = useSignedInUser()
  const [params, setParams] = useSearchParams()
  const tab: Tab = TABS.find((value) => value === params.get('tab')) ?? 'selections'
  return (
    <>
      <PageHeader
        title={t('nav.selections')}
        subtitle={t('selections.subtitle')}
        actions={
          <Button component={Link} to="/selections/new" data-testid="new-selection">
            {canCall(user.role, 'POST /api/selections') ? t('selections.list.new') : t('selections.list.explore')}
          </Button>
        }
      />
      <Tabs value={tab} onChange={(value) => setParams(value && value !== 'selections' ? { tab: value } : {})} keepMounted={false}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="selections">{t('selections.tabs.selections')}</Tabs.Tab>
          <Tabs.Tab value="waves" data-testid="tab-waves">
            {t('selections.tabs.waves')}
          </Tabs.Tab>
          <Tabs.Tab value="policy" data-testid="tab-policy">
            {t('selections.tabs.policy')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="selections">
          <SelectionsTable />
        </Tabs.Panel>
        <Tabs.Panel value="waves">
          <WavesTable />
        </Tabs.Panel>
        <Tabs.Panel value="policy">
          <ContactPolicyPanel />
          <ProgramPolicyPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  )
}
