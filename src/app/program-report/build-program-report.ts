import type { Kysely } from 'kysely'
import type { Channel } from '../../contract/channels.ts'
import type { ProgramGoal, ProgramStatus } from '../../contract/program-schemas.ts'
import { reason, type AnyReason } from '../../contract/reason-codes.ts'
import { RESPONSE_TYPES, type ResponseType } from '../../contract/response-types.ts'
import type { Role } from '../../contract/roles.ts'
import { ROUTE_ACCESS, type Access } from '../../contract/route-access.ts'
import { DomainError } from '../../core/domain-error.ts'
import { roublesFromKopecks as rub } from '../../core/program/kopecks.ts'
import type { Schema } from '../../db/schema.ts'
import { listProgramDecisions } from '../../db/stores/program-decision-store.ts'
import { findProgramByCode, type ProgramRecord } from '../../db/stores/program-store.ts'
import { summarizeLeadSales, type LeadSales } from '../../db/stores/program-results-store.ts'
import { listProducts } from '../../db/stores/reference-store.ts'
import { findUserById } from '../../db/stores/user-store.ts'
import { countProgramContacts } from '../../db/stores/wave-contact-store.ts'
import { listWaves } from '../../db/stores/wave-query-store.ts'
import { computeProgramCase, programCaseInput, type ProgramCase } from '../program/compute-program-case.ts'
import { judgeStoredProgram, type ProgramVerdictView } from '../program/judge-program.ts'
import { viewProgramRolloutPlan, type RolloutPlanRead } from '../program/save-program-rollout-plan.ts'
import { viewResponseSummary } from '../response/view-response-summary.ts'

/** The case's assumptions as the report's formulas read them: money in roubles, rates as fractions. */
export type ReportCaseInput = {
  audience: number
  controlShare: number
  channelCosts: { channel: Channel; costPerContact: number; contactsPerClient: number }[]
  fixedCosts: number
  responseRateTarget: number
  responseRateControl: number
  conversion: number
  netPerYear: number
  lifetimeYears: number
  discountRate: number
  horizonYears: number
}

export type ReportWave = { id: number; kind: 'pilot' | 'rollout'; channel: Channel; builtAt: string; target: number; control: number; contacts: number }
export type ReportGroupCounts = { members: number; responders: number; responses: number; valueSum: string }
export type ReportResponses = { waveId: number; type: ResponseType; target: ReportGroupCounts; control: ReportGroupCounts }
export type ReportDecision = { at: string; author: string; from: ProgramStatus; to: ProgramStatus; comment: string | null }

/** A section the role may read, or why it is not there. */
export type ReportPart<T> = { value: T } | { missing: AnyReason }

/**
 * Everything the program report shows, in one model that the XLSX and the PDF both write from.
 * A further section joins as one more part here and one more sheet (XLSX) and heading (PDF).
 */
export type ProgramReport = {
  generatedAt: string
  program: {
    code: string
    name: string
    goal: ProgramGoal | null
    status: ProgramStatus
    product: { code: string; name: string } | null
    offer: string | null
    channels: Channel[]
    owner: string | null
    plannedStart: string | null
    plannedEnd: string | null
    budget: number | null
    controlShare: number
    pilotSize: number | null
  }
  businessCase: ReportPart<{ case: ProgramCase; input: ReportCaseInput }>
  waves: ReportWave[]
  responses: ReportResponses[]
  /** The leads the program brought and the sales managers closed them with (exact roubles). */
  leadSales: LeadSales
  verdict: ReportPart<ProgramVerdictView>
  decisions: ReportDecision[]
  /** The rollout plan saved into the program; null while none is. */
  rolloutPlan: RolloutPlanRead['saved']
}

const mayCall = (access: Access, role: Role | null) => role === null || access === 'signed_in' || (access !== 'public' && access.includes(role))

/**
 * The report of a program for a role that may read its money (the route's access, contract/route-access.ts):
 * the plan, the business case with its cash flows and tornado, the actuals (waves with their target,
 * control and contacts, the responses per type, the sales from leads), the verdict for the roles that read verdicts, and
 * the decision records. The CLI (no role) gets everything.
 */
export async function buildProgramReport(db: Kysely<Schema>, input: { code: string; role: Role | null; now: Date }): Promise<ProgramReport> {
  if (!mayCall(ROUTE_ACCESS['GET /api/programs/:code/case'], input.role)) {
    throw new DomainError('forbidden', `The role ${input.role} may not read a program's money`, reason('auth.role_forbidden', { role: input.role ?? '' }))
  }
  const program = await findProgramByCode(db, input.code)
  if (!program) throw new DomainError('not_found', `No program ${input.code}`, reason('program.not_found', { id: input.code }))
  const [summary, contacts, waves, decisions, rollout, leadSales] = await Promise.all([
    viewResponseSummary(db, { code: program.code }),
    countProgramContacts(db, program.id),
    listWaves(db, { programCode: program.code, limit: 100, offset: 0 }),
    listProgramDecisions(db, program.id),
    viewProgramRolloutPlan(db, program.code),
    summarizeLeadSales(db, program.id),
  ])
  return {
    generatedAt: input.now.toISOString(),
    program: await reportProgram(db, program),
    businessCase: await part(async () => ({ case: await computeProgramCase(db, program), input: await reportCaseInput(db, program) })),
    waves: [...waves.items]
      .sort((a, b) => a.builtAt.localeCompare(b.builtAt) || a.id - b.id)
      .map((w) => ({ id: w.id, kind: w.kind, channel: w.channel, builtAt: w.builtAt, target: w.target, control: w.control, contacts: contacts.get(w.id) ?? 0 })),
    responses: summary.waves.flatMap((w) =>
      RESPONSE_TYPES.filter((type) => w.target.types[type].responders + w.control.types[type].responders > 0).map((type) => ({
        waveId: w.id,
        type,
        target: { members: w.target.members, ...pick(w.target.types[type]) },
        control: { members: w.control.members, ...pick(w.control.types[type]) },
      })),
    ),
    leadSales,
    verdict: mayCall(ROUTE_ACCESS['GET /api/programs/:code/verdict'], input.role)
      ? await part(() => judgeStoredProgram(db, { program, now: input.now }))
      : { missing: reason('auth.role_forbidden', { role: input.role ?? '' }) },
    decisions: decisions.map((d) => ({ at: d.at, author: d.author.fullName ?? d.author.login, from: d.from, to: d.to, comment: d.comment })),
    rolloutPlan: rollout.saved,
  }
}

const pick = (c: { responders: number; responses: number; valueSum: string }) => ({ responders: c.responders, responses: c.responses, valueSum: c.valueSum })

async function part<T>(make: () => Promise<T>): Promise<ReportPart<T>> {
  try {
    return { value: await make() }
  } catch (error) {
    if (error instanceof DomainError) return { missing: error.details }
    throw error
  }
}

async function reportProgram(db: Kysely<Schema>, program: ProgramRecord): Promise<ProgramReport['program']> {
  const owner = program.ownerId === null ? undefined : await findUserById(db, program.ownerId)
  const product = program.targetProduct === null ? undefined : (await listProducts(db)).find((p) => p.code === program.targetProduct)
  return {
    code: program.code,
    name: program.name,
    goal: program.goal,
    status: program.status,
    product: program.targetProduct === null ? null : { code: program.targetProduct, name: product?.name ?? program.targetProduct },
    offer: program.offer,
    channels: program.channels,
    owner: owner ? (owner.fullName ?? owner.login) : null,
    plannedStart: program.plannedStart,
    plannedEnd: program.plannedEnd,
    budget: program.budgetKopecks === null ? null : rub(program.budgetKopecks),
    controlShare: program.controlShare,
    pilotSize: program.pilotSize,
  }
}

async function reportCaseInput(db: Kysely<Schema>, program: ProgramRecord): Promise<ReportCaseInput> {
  const { input } = await programCaseInput(db, program)
  return {
    audience: input.audience,
    controlShare: input.controlShare,
    channelCosts: input.channelCosts.map((c) => ({ channel: c.channel, costPerContact: rub(c.costPerContact), contactsPerClient: c.contactsPerClient })),
    fixedCosts: rub(input.fixedCosts),
    responseRateTarget: input.responseRateTarget,
    responseRateControl: input.responseRateControl,
    conversion: input.conversion,
    netPerYear: rub(input.product.netPerYear),
    lifetimeYears: input.product.lifetimeYears,
    discountRate: input.discountRate,
    horizonYears: input.horizonYears,
  }
}
