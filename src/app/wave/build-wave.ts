import { sql, type Kysely } from 'kysely'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { compileRule } from '../../core/selection/compile-rule.ts'
import { contactPolicyOverridesSchema, POLICY_STEPS, type ContactPolicy, type PolicyStep } from '../../contract/contact-policy.ts'
import { mergeContactPolicy, type UniversalHoldout } from '../../core/selection/contact-policy.ts'
import { parseRule } from '../../core/selection/parse-rule.ts'
import type { Rule } from '../../contract/rule.ts'
import type { Channel } from '../../contract/channels.ts'
import type { PilotScope } from '../../contract/wave-schemas.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { readBankTimeZone } from '../../db/stores/bank-time-zone-store.ts'
import { currentContactPolicy, universalHoldout } from '../../db/stores/policy-store.ts'
import { ensureDraftProgram, type ProgramRecord } from '../../db/stores/program-store.ts'
import { buildWaveMembers, deleteWaveMembers } from '../../db/stores/wave-store.ts'
import { checkPilotScope } from './check-pilot-scope.ts'
import type { AuditActor } from '../audit/record-audit-event.ts'
import { loadCompileContext } from '../selection/load-compile-context.ts'

export type BuildWaveInput = {
  programCode: string
  rule: unknown
  channel: Channel
  /** Defaults to the program's control share. */
  controlShare?: number
  kind?: 'pilot' | 'rollout'
  selectionId?: number
  stratifyBy?: 'segment'
  /** A pilot on a random sample of the selection. */
  sample?: { size: number }
  /** A pilot in chosen branches or regions only. */
  scope?: { branches: readonly string[] } | { regions: readonly string[] }
  /** Who builds it: `built_by` and the audit event. */
  actor: AuditActor
  today: string
}

export type WaveResult = {
  wave: number
  matched: number
  /** Clients of the selection the contact policy lets through, before a pilot's sample or branches. */
  eligible: number
  target: number
  control: number
  funnel: { rule: PolicyStep; removed: number }[]
}

/** Builds a wave: freezes its members with the rule, policy version and seed it used; audited in the same transaction. */
export async function buildWave(db: Kysely<Schema>, input: BuildWaveInput): Promise<WaveResult> {
  return db.transaction().execute(async (tx) => {
    const result = await buildWaveInTransaction(tx, input)
    await appendAuditEvent(tx, {
      userId: input.actor.id,
      login: input.actor.login,
      action: 'wave.build',
      entity: 'wave',
      entityId: String(result.wave),
      details: { program: input.programCode, target: result.target, control: result.control },
    })
    return result
  })
}

/**
 * The work of buildWave inside the caller's transaction. previewWave rolls it back and asks for
 * `preview`: the wave row then takes an id of its own below zero (one per connection), because a
 * number drawn from the sequence is not given back by the rollback — the first wave built would
 * be "wave no. 2".
 */
export async function buildWaveInTransaction(tx: Kysely<Schema>, input: BuildWaveInput, options: { preview?: boolean } = {}): Promise<WaveResult> {
  const rule = parseRule(input.rule)
  const controlShare = input.controlShare
  if (controlShare !== undefined && !(controlShare > 0 && controlShare < 1)) {
    throw new DomainError('invalid_input', 'control share must be between 0 and 1 (exclusive)', { ...reason('wave.bad_control_share'), path: 'controlShare' })
  }
  const scope = await checkPilotScope(tx, input)
  const program = await ensureDraftProgram(tx, input.programCode)
  const { version, policy } = await currentContactPolicy(tx)
  const applied = mergeContactPolicy(policy, contactPolicyOverridesSchema.parse(program.policyOverrides ?? {}))
  const holdout = await universalHoldout(tx)
  const timeZone = await readBankTimeZone(tx)
  const wave = await tx
    .insertInto('waves')
    .values({
      ...(options.preview && { id: sql<number>`-pg_backend_pid()` }),
      program_id: program.id,
      kind: input.kind ?? 'pilot',
      channel: input.channel,
      selection_id: input.selectionId ?? null,
      rule: JSON.stringify(rule),
      policy_version: version,
      // The holdout and the bank's zone are frozen with the policy, so that a later change of either
      // never moves a rebuilt wave.
      policy: JSON.stringify({ ...applied, universalHoldout: holdout, timeZone }),
      seed: program.seed,
      control_share: controlShare ?? program.controlShare,
      include_holdout: program.includeHoldout,
      // Stratified or not, the split is the program's hash (invariant 5): each stratum gets the same
      // share from it; the stratum is kept so the wave's balance is read per stratum.
      stratify_by: input.stratifyBy ?? null,
      scope: scope && JSON.stringify(scope),
      as_of: input.today,
      built_by: input.actor.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return fillWave(tx, {
    waveId: wave.id,
    program,
    rule,
    policy: applied,
    holdout,
    channel: input.channel,
    asOf: input.today,
    timeZone,
    controlShare: controlShare ?? program.controlShare,
    includeHoldout: program.includeHoldout,
    scope,
  })
}

export type FillWaveInput = {
  waveId: number
  program: Pick<ProgramRecord, 'id' | 'seed'>
  rule: Rule
  policy: ContactPolicy
  holdout: UniversalHoldout
  channel: Channel
  /** The bank day the wave is for, and the bank's zone its days count in. */
  asOf: string
  timeZone: string
  controlShare: number
  includeHoldout: boolean
  scope: PilotScope | null
}

/** (Re)computes a wave's members from its frozen inputs and records the counts and funnel. */
export async function fillWave(tx: Kysely<Schema>, input: FillWaveInput): Promise<WaveResult> {
  const context = await loadCompileContext(tx, input.rule, input.asOf)
  const compiled = compileRule(input.rule, { ...context, timeZone: input.timeZone })
  await deleteWaveMembers(tx, input.waveId)
  const result = await buildWaveMembers(tx, {
    waveId: input.waveId,
    programId: input.program.id,
    where: compiled.where,
    channel: input.channel,
    asOf: input.asOf,
    timeZone: input.timeZone,
    policy: input.policy,
    holdout: input.holdout,
    includeHoldout: input.includeHoldout,
    seed: input.program.seed,
    controlShare: input.controlShare,
    scope: input.scope ? { branches: input.scope.branches, regions: input.scope.regions, sampleSize: input.scope.sample?.size } : undefined,
  })
  const size = input.scope?.sample?.size
  if (size !== undefined && result.inScope < size) {
    throw new DomainError('invalid_input', `A sample of ${size} cannot be drawn from ${result.inScope} clients`, {
      ...reason('wave.sample_too_large', { path: 'sample.size', size, available: result.inScope }),
    })
  }
  const funnel = POLICY_STEPS.map((step) => ({ rule: step, removed: result.removed.get(step) ?? 0 }))
  await tx
    .updateTable('waves')
    .set({ target_count: result.target, control_count: result.control, eligible_count: result.eligible, funnel: JSON.stringify(funnel) })
    .where('id', '=', input.waveId)
    .execute()
  return { wave: input.waveId, matched: result.matched, eligible: result.eligible, target: result.target, control: result.control, funnel }
}
