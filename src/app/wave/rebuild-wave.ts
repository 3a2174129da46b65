import type { Kysely } from 'kysely'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { contactPolicySchema } from '../../contract/contact-policy.ts'
import type { UniversalHoldout } from '../../core/selection/contact-policy.ts'
import { parseRule } from '../../core/selection/parse-rule.ts'
import type { Channel } from '../../contract/channels.ts'
import { pilotScope } from '../../contract/wave-schemas.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { findProgram } from '../../db/stores/program-store.ts'
import type { AuditActor } from '../audit/record-audit-event.ts'
import { fillWave, type WaveResult } from './build-wave.ts'

/**
 * Rebuilds a wave from the rule, policy, seed and day it was frozen with: the same data gives the
 * same members; refused once the wave has begun sending. Audited in the same transaction.
 */
export async function rebuildWave(db: Kysely<Schema>, input: { waveId: number; actor: AuditActor }): Promise<WaveResult> {
  const { waveId, actor } = input
  return db.transaction().execute(async (tx) => {
    // Locked: a send that begins meanwhile waits for this rebuild, and one that began is seen.
    const wave = await tx.selectFrom('waves').selectAll().where('id', '=', waveId).forUpdate().executeTakeFirst()
    if (!wave) throw new DomainError('not_found', `No wave ${waveId}`, reason('wave.not_found', { id: waveId }))
    // Members who were written to stay members: the wave's contacts and its verdict count them.
    if (wave.send_status !== 'not_started') throw new DomainError('conflict', `Wave ${waveId} has begun sending`, reason('wave.already_sending', { wave: waveId }))
    const program = await findProgram(tx, wave.program_id)
    if (!program) throw new DomainError('not_found', `No program ${wave.program_id}`, reason('program.not_found', { id: wave.program_id }))
    const result = await fillWave(tx, {
      waveId,
      program: { id: program.id, seed: wave.seed },
      rule: parseRule(wave.rule),
      policy: contactPolicySchema.parse(wave.policy),
      holdout: (wave.policy as { universalHoldout: UniversalHoldout }).universalHoldout,
      channel: wave.channel as Channel,
      asOf: wave.as_of,
      // Waves frozen before the bank had a time zone counted their days in UTC.
      timeZone: (wave.policy as { timeZone?: string }).timeZone ?? 'UTC',
      controlShare: Number(wave.control_share),
      includeHoldout: wave.include_holdout,
      scope: pilotScope.nullable().parse(wave.scope),
    })
    await appendAuditEvent(tx, { userId: actor.id, login: actor.login, action: 'wave.rebuild', entity: 'wave', entityId: String(waveId) })
    return result
  })
}
