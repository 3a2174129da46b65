import type { Role } from '../features/session/session-user.ts'
import type { RouteKey } from '../../../src/contract/route-access.ts'
import { canCall } from './permissions.ts'

export type AreaKey =
  | 'clients'
  | 'vip'
  | 'complaints'
  | 'churn'
  | 'branchRequests'
  | 'callCentre'
  | 'callAnalysis'
  | 'leads'
  | 'selections'
  | 'programs'
  | 'offers'
  | 'reports'
  | 'marketComplaints'
  | 'itTasks'
  | 'imports'
  | 'audit'
  | 'users'
  | 'catalogue'
  | 'settings'

export type Area = {
  key: AreaKey
  path: string
  /** Built areas have screens; the others say plainly what will be there. */
  built: boolean
  /**
   * Who works in the area: a built area is open to whoever may call its main API route; an area
   * not built yet lists its roles from DESIGN.md "Who uses it".
   */
  roles: RouteKey | readonly Role[]
}

export type AreaSection = { key: 'clientBase' | 'campaigns' | 'department' | 'administration'; areas: Area[] }

const OFFICE: readonly Role[] = ['head', 'manager', 'client_economist', 'analyst', 'program_economist']

export const AREA_SECTIONS: AreaSection[] = [
  {
    key: 'clientBase',
    areas: [
      { key: 'clients', path: '/clients', built: true, roles: 'GET /api/clients' },
      { key: 'vip', path: '/vip', built: false, roles: ['head', 'manager', 'client_economist', 'branch'] },
      // The register is for who works complaints (route-access.ts); operators file theirs from the call.
      { key: 'complaints', path: '/complaints', built: true, roles: 'GET /api/complaints' },
      // Churn: the office roles read it (route-access.ts CHURN_READERS).
      { key: 'churn', path: '/churn', built: true, roles: 'GET /api/churn/report' },
      // Branch staff see their branch's requests; the office also their counts and the ideas board (route-access.ts).
      { key: 'branchRequests', path: '/branch-requests', built: true, roles: 'GET /api/requests' },
      // Operators work their calls; the head and the economists follow the board (route-access.ts).
      { key: 'callCentre', path: '/call-centre', built: true, roles: ['operator', 'head', 'program_economist', 'client_economist'] },
      // The call log's analysis: the client economist's, followed by the head and the analyst (route-access.ts).
      { key: 'callAnalysis', path: '/call-analysis', built: true, roles: 'GET /api/calls/analysis' },
      // Leads reach the client's personal manager or branch; the head follows them all (route-access.ts).
      { key: 'leads', path: '/leads', built: true, roles: 'GET /api/leads' },
    ],
  },
  {
    key: 'campaigns',
    areas: [
      { key: 'selections', path: '/selections', built: true, roles: 'GET /api/selections' },
      { key: 'programs', path: '/programs', built: true, roles: 'GET /api/programs' },
      { key: 'offers', path: '/offers', built: true, roles: 'GET /api/offers' },
    ],
  },
  {
    key: 'department',
    areas: [
      { key: 'reports', path: '/reports', built: false, roles: OFFICE },
      // CFPB complaint files: a market benchmark for the bank's own complaints (route-access.ts).
      { key: 'marketComplaints', path: '/market-complaints', built: true, roles: 'GET /api/complaint-files/analysis' },
      // The analyst's data tasks for IT; the head follows them, the admin answers for IT (route-access.ts).
      { key: 'itTasks', path: '/it-tasks', built: true, roles: 'GET /api/it-tasks' },
    ],
  },
  {
    key: 'administration',
    areas: [
      { key: 'imports', path: '/imports', built: true, roles: 'GET /api/imports' },
      { key: 'audit', path: '/audit', built: true, roles: 'GET /api/audit' },
      // The auditor sees the clearance table read-only; only the admin edits users.
      { key: 'users', path: '/users', built: true, roles: 'GET /api/roles' },
      // The terms every business case counts on: kept by who may change them (route-access.ts), read
      // by the economists and the analyst who build the cases (the page offers editing only to the keepers).
      { key: 'catalogue', path: '/catalogue', built: true, roles: ['head', 'admin', 'program_economist', 'analyst'] },
      // The letterhead and the contact hours: the head decides them, the admin maintains them (route-access.ts).
      { key: 'settings', path: '/settings', built: true, roles: 'PUT /api/settings/letterhead' },
    ],
  },
]

export function canUseArea(area: Area, role: Role): boolean {
  return typeof area.roles === 'string' ? canCall(role, area.roles) : area.roles.includes(role)
}

export function areasFor(role: Role): AreaSection[] {
  return AREA_SECTIONS.map((section) => ({ ...section, areas: section.areas.filter((area) => canUseArea(area, role)) })).filter(
    (section) => section.areas.length > 0,
  )
}

/** Where a user lands after login: the auditor's work is the audit log, the admin's the users, the operator's the calls. */
export function homePathFor(role: Role): string {
  if (role === 'auditor') return '/audit'
  if (role === 'admin') return '/users'
  // The operator's work is the next call.
  if (role === 'operator') return '/call-centre'
  return '/clients'
}
