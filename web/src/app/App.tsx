import { Center, Loader } from '@mantine/core'
import type { ReactNode } from 'react'
import { Navigate, Route, Routes } from 'react-router-dom'
import { AuditPage } from '../features/audit/AuditPage.tsx'
import { UsersPage } from '../features/admin/UsersPage.tsx'
import { ProductCataloguePage } from '../features/catalogue/ProductCataloguePage.tsx'
import { BankSettingsPage } from '../features/settings/BankSettingsPage.tsx'
import { NoAccessPage } from '../features/areas/NoAccessPage.tsx'
import { NotBuiltPage } from '../features/areas/NotBuiltPage.tsx'
import { ClientCardPage } from '../features/clients/ClientCardPage.tsx'
import { ClientsPage } from '../features/clients/ClientsPage.tsx'
import { ImportsPage } from '../features/imports/ImportsPage.tsx'
import { OffersPage } from '../features/offers/OffersPage.tsx'
import { CallCentrePage } from '../features/call-centre/CallCentrePage.tsx'
import { CallAnalysisPage } from '../features/call-log/CallAnalysisPage.tsx'
import { LeadsPage } from '../features/leads/LeadsPage.tsx'
import { ChurnPage } from '../features/churn/ChurnPage.tsx'
import { MarketComplaintsPage } from '../features/market-complaints/MarketComplaintsPage.tsx'
import { BranchRequestsPage } from '../features/branch-requests/BranchRequestsPage.tsx'
import { ItTasksPage } from '../features/it-tasks/ItTasksPage.tsx'
import { ComplaintPage } from '../features/complaints/ComplaintPage.tsx'
import { ComplaintsPage } from '../features/complaints/ComplaintsPage.tsx'
import { SelectionEditorPage } from '../features/selections/SelectionEditorPage.tsx'
import { SelectionsPage } from '../features/selections/SelectionsPage.tsx'
import { WavePage } from '../features/selections/WavePage.tsx'
import { ProgramPage } from '../features/programs/ProgramPage.tsx'
import { ProgramsPage } from '../features/programs/ProgramsPage.tsx'
import { LoginPage } from '../features/session/LoginPage.tsx'
import { useSession } from '../features/session/useSession.ts'
import { AppLayout } from './AppLayout.tsx'
import { AREA_SECTIONS, canUseArea, homePathFor, type AreaKey } from './navigation.ts'

const SCREENS: Partial<Record<AreaKey, ReactNode>> = {
  clients: <ClientsPage />,
  imports: <ImportsPage />,
  selections: <SelectionsPage />,
  programs: <ProgramsPage />,
  offers: <OffersPage />,
  audit: <AuditPage />,
  users: <UsersPage />,
  catalogue: <ProductCataloguePage />,
  settings: <BankSettingsPage />,
  callCentre: <CallCentrePage />,
  callAnalysis: <CallAnalysisPage />,
  leads: <LeadsPage />,
  churn: <ChurnPage />,
  marketComplaints: <MarketComplaintsPage />,
  branchRequests: <BranchRequestsPage />,
  itTasks: <ItTasksPage />,
  complaints: <ComplaintsPage />,
}

export function App() {
  const { user } = useSession()
  if (user === undefined) {
    return (
      <Center h="100vh">
        <Loader size="sm" />
      </Center>
    )
  }
  if (!user) return <LoginPage />
  const areas = AREA_SECTIONS.flatMap((section) => section.areas)
  const clients = areas.find((area) => area.key === 'clients')!
  const selections = areas.find((area) => area.key === 'selections')!
  const programs = areas.find((area) => area.key === 'programs')!
  const complaintsArea = areas.find((area) => area.key === 'complaints')!
  const inSelections = (screen: ReactNode) => (canUseArea(selections, user.role) ? screen : <NoAccessPage area="selections" />)
  return (
    <Routes>
      <Route element={<AppLayout />}>
        {areas.map((area) => (
          <Route
            key={area.key}
            path={area.path}
            element={!canUseArea(area, user.role) ? <NoAccessPage area={area.key} /> : area.built ? SCREENS[area.key] : <NotBuiltPage area={area.key} />}
          />
        ))}
        <Route path="/clients/:id" element={canUseArea(clients, user.role) ? <ClientCardPage /> : <NoAccessPage area="clients" />} />
        <Route path="/selections/:id" element={inSelections(<SelectionEditorPage />)} />
        <Route path="/selections/waves/:id" element={inSelections(<WavePage />)} />
        <Route path="/complaints/:id" element={canUseArea(complaintsArea, user.role) ? <ComplaintPage /> : <NoAccessPage area="complaints" />} />
        <Route path="/programs/:code" element={canUseArea(programs, user.role) ? <ProgramPage /> : <NoAccessPage area="programs" />} />
        <Route path="*" element={<Navigate to={homePathFor(user.role)} replace />} />
      </Route>
    </Routes>
  )
}
