import type { Database } from '../src/db/open-database.ts'
import { currentContactPolicy } from '../src/db/stores/policy-store.ts'

export type SeedWave = { builtAt: string; kind?: 'pilot' | 'rollout'; members: Record<string, 'target' | 'control'> }

/**
 * A program with waves built at given times and members by bank id (clients that exist), written
 * directly: the responses tests need waves from the past, which buildWave cannot make.
 */
export async function seedProgramWaves(db: Database, input: { code: string; waves: readonly SeedWave[] }): Promise<{ programId: number; waveIds: number[] }> {
  const k = db.kysely
  const program = await k.insertInto('programs').values({ code: input.code, name: `Программа ${input.code}`, seed: input.code }).returning('id').executeTakeFirstOrThrow()
  const { version } = await currentContactPolicy(k)
  const waveIds: number[] = []
  for (const wave of input.waves) {
    const { id } = await k
      .insertInto('waves')
      .values({
        program_id: program.id, kind: wave.kind ?? 'pilot', channel: 'sms', rule: JSON.stringify({ field: 'vip', op: 'is_false' }),
        policy_version: version, policy: '{}', seed: input.code, control_share: 0.5, include_holdout: false,
        as_of: wave.builtAt.slice(0, 10), built_at: wave.builtAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    waveIds.push(id)
    const clients = await k.selectFrom('clients').select(['id', 'bank_id']).where('bank_id', 'in', Object.keys(wave.members)).execute()
    if (clients.length > 0) {
      await k.insertInto('wave_members').values(clients.map((c) => ({ client_id: c.id, wave_id: id, group: wave.members[c.bank_id] }))).execute()
    }
  }
  return { programId: program.id, waveIds }
}
