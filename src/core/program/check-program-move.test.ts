import { describe, expect, it } from 'vitest'
import { DomainError } from '../domain-error.ts'
import { ROLES, type Role } from '../../contract/roles.ts'
import { checkProgramMove, type ProgramMove } from './check-program-move.ts'
import { preLaunchChecklist } from './pre-launch-checklist.ts'
import { PROGRAM_STATUSES, statusesAwaiting, type ProgramStatus } from './program-moves.ts'

// The lifecycle written out by hand, move by move, independently of PROGRAM_MOVES: every other
// (from, to, role) of the 8 × 8 × 10 is refused.
const ALLOWED: Record<string, readonly Role[]> = {
  'draft→proposed': ['program_economist'],
  'draft→cancelled': ['program_economist', 'head'],
  'proposed→approved': ['head'],
  'proposed→draft': ['program_economist', 'head'],
  'proposed→cancelled': ['head'],
  'approved→pilot': ['program_economist', 'head'],
  'approved→cancelled': ['head'],
  'pilot→evaluated': ['program_economist', 'head'],
  'pilot→cancelled': ['head'],
  'evaluated→rollout': ['head'],
  'evaluated→pilot': ['head'],
  'evaluated→closed': ['head'],
  'rollout→closed': ['head', 'program_economist'],
}
const ALLOWED_FROM: Record<ProgramStatus, string> = {
  draft: 'proposed, cancelled',
  proposed: 'approved, draft, cancelled',
  approved: 'pilot, cancelled',
  pilot: 'evaluated, cancelled',
  evaluated: 'rollout, pilot, closed',
  rollout: 'closed',
  closed: 'none',
  cancelled: 'none',
}

const allMet = preLaunchChecklist({ pilotWaveBuilt: true, controlShare: 0.1, pilotSize: 5000, channels: ['sms'], plannedStart: '2027-01-10', plannedEnd: '2027-03-10' })
const economist = { id: 7, login: 'economist' }

function outcome(move: ProgramMove): { status: number; details: unknown } {
  try {
    checkProgramMove(move)
    return { status: 200, details: undefined }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error
    return { status: error.code === 'forbidden' ? 403 : error.code === 'conflict' ? 409 : 400, details: error.details }
  }
}

const every = PROGRAM_STATUSES.flatMap((from) => PROGRAM_STATUSES.flatMap((to) => ROLES.map((role) => [from, to, role] as const)))

describe('checkProgramMove', () => {
  it.each(every)('%s → %s by %s', (from, to, role) => {
    const result = outcome({ from, to, actor: { id: 1, login: role, role }, proposer: economist, checklist: allMet, caseMissing: undefined })
    const roles = ALLOWED[`${from}→${to}`]
    if (!roles) expect(result).toEqual({ status: 409, details: { code: 'program.move_not_allowed', status: from, to, allowed: ALLOWED_FROM[from] } })
    else if (!roles.includes(role)) expect(result).toEqual({ status: 403, details: { code: 'program.role_may_not_move', role, status: from, to, roles: roles.join(', ') } })
    else expect(result).toEqual({ status: 200, details: undefined })
  })

  it.each([
    ['the proposer (same user id)', { id: 7, login: 'economist' }, { id: 7, login: 'economist' }, 409],
    ['someone else', { id: 7, login: 'economist' }, { id: 8, login: 'head' }, 200],
    ['the CLI user who proposed (no user id: the same login)', { id: null, login: 'cli:anna' }, { id: null, login: 'cli:anna' }, 409],
    ['another CLI user', { id: null, login: 'cli:anna' }, { id: null, login: 'cli:boris' }, 200],
  ] as const)('four eyes: approval by %s', (_name, proposer, actor, status) => {
    const result = outcome({ from: 'proposed', to: 'approved', actor: { ...actor, role: 'head' }, proposer, checklist: [], caseMissing: undefined })
    expect(result.status).toBe(status)
    if (status === 409) expect(result.details).toEqual({ code: 'program.four_eyes', login: actor.login })
  })

  it('approved → pilot names every unmet checklist item', () => {
    const checklist = preLaunchChecklist({ pilotWaveBuilt: false, controlShare: 0.1, pilotSize: null, channels: [], plannedStart: '2027-02-01', plannedEnd: null })
    expect(outcome({ from: 'approved', to: 'pilot', actor: { id: 1, login: 'head', role: 'head' }, proposer: economist, checklist, caseMissing: undefined })).toEqual({
      status: 409,
      details: { code: 'program.checklist_unmet', items: 'wave_previewed, pilot_size, channel, dates' },
    })
  })

  it.each(['proposed', 'approved'] as const)('refuses a move to %s while the business case does not compute, with its own reason', (to) => {
    const caseMissing = { code: 'case.missing', fields: 'businessCase.conversion' }
    const from = to === 'proposed' ? 'draft' : 'proposed'
    const role = to === 'proposed' ? 'program_economist' : 'head'
    expect(outcome({ from, to, actor: { id: 1, login: role, role }, proposer: economist, checklist: [], caseMissing })).toEqual({ status: 409, details: caseMissing })
    // Cancelling or returning to draft needs no case.
    expect(outcome({ from, to: 'cancelled', actor: { id: 1, login: 'head', role: 'head' }, proposer: economist, checklist: [], caseMissing }).status).toBe(200)
  })

  it('an extended pilot (evaluated → pilot) needs no new checklist', () => {
    expect(outcome({ from: 'evaluated', to: 'pilot', actor: { id: 1, login: 'head', role: 'head' }, proposer: economist, checklist: [], caseMissing: undefined }).status).toBe(200)
  })
})

describe('preLaunchChecklist', () => {
  const facts = { pilotWaveBuilt: true, controlShare: 0.1, pilotSize: 5000, channels: ['sms'], plannedStart: '2027-01-10', plannedEnd: '2027-03-10' }
  it.each([
    [{}, []],
    [{ pilotWaveBuilt: false }, ['wave_previewed']],
    [{ controlShare: null }, ['control_share']],
    [{ controlShare: 1 }, ['control_share']],
    [{ pilotSize: 0 }, ['pilot_size']],
    [{ channels: [] }, ['channel']],
    [{ plannedEnd: null }, ['dates']],
    [{ plannedStart: '2027-04-01' }, ['dates']],
  ] as const)('%j leaves %j unmet', (change, unmet) => {
    expect(preLaunchChecklist({ ...facts, ...change }).filter((e) => !e.met).map((e) => e.item)).toEqual(unmet)
  })
})

describe('statusesAwaiting', () => {
  it.each([
    ['head', ['proposed', 'evaluated']],
    ['program_economist', ['draft']],
    ['analyst', []],
  ] as const)('%s waits on %j', (role, statuses) => {
    expect(statusesAwaiting(role)).toEqual(statuses)
  })
})
