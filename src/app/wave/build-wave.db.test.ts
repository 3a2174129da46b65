import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_CONTACT_POLICY, DEFAULT_UNIVERSAL_HOLDOUT, type ContactPolicy } from '../../core/selection/contact-policy.ts'
import { controlHash, isControl } from '../../core/selection/control-hash.ts'
import { CHANNELS, type Channel } from '../../core/selection/rule-catalogue.ts'
import type { Database } from '../../db/open-database.ts'
import { arbitraryRule, TEST_TODAY } from '../../../test/arbitrary-rule.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { insertClients, sampleClients, seedReference, type RandomClient } from '../../../test/random-bank.ts'
import { refreshProfile } from '../selection/refresh-profile.ts'
import { countSelection } from '../selection/count-selection.ts'
import { buildWave } from './build-wave.ts'
import { rebuildWave } from './rebuild-wave.ts'

// Properties of waves over a random bank: no member breaks the contact policy (checked here against
// the raw facts, independently of the SQL), control membership never moves across rebuilds or when
// clients join, and the members plus those the funnel removed are exactly the rule's count.

let db: Database
let clients: RandomClient[]
let ids: Map<string, number>
let otherWaveId: number

beforeAll(async () => {
  db = await openTestDatabase()
  ;({ otherWaveId } = await seedReference(db))
  clients = sampleClients(300, 11, 'W')
  ids = await insertClients(db, clients, otherWaveId)
  await refreshProfile(db, TEST_TODAY)
})
afterAll(async () => {
  await db.close()
})

const day = 86_400_000
const todayEnd = Date.parse(`${TEST_TODAY}T00:00:00Z`) + day
const windowStart = (days: number) => todayEnd - days * day

/** Why this client may not be contacted on the channel, or undefined: the policy in plain code. */
function violation(c: RandomClient, clientId: number, channel: Channel, policy: ContactPolicy): string | undefined {
  if (controlHash(DEFAULT_UNIVERSAL_HOLDOUT.seed, clientId) < DEFAULT_UNIVERSAL_HOLDOUT.share) return 'holdout'
  if (c.status !== 'active') return 'status'
  if (c.do_not_contact) return 'dnc'
  const latest = c.consents
    .filter((k) => k.channel === channel && Date.parse(k.effective_at) < todayEnd)
    .sort((a, b) => Date.parse(b.effective_at) - Date.parse(a.effective_at))[0]
  if (!latest?.granted) return 'consent'
  const quiet = windowStart(policy.complaintQuietDays)
  if (c.complaints.some((q) => q.status === 'open' || Date.parse(q.closed_at ?? q.received_at) >= quiet)) return 'complaint'
  const sent = c.contacts.filter((t) => t.status !== 'failed')
  const cap = policy.channelCaps[channel]
  if (sent.filter((t) => t.channel === channel && Date.parse(t.sent_at) >= windowStart(cap.days)).length >= cap.max) return 'channel cap'
  if (sent.filter((t) => Date.parse(t.sent_at) >= windowStart(policy.overallCap.days)).length >= policy.overallCap.max) return 'overall cap'
  if (c.inOtherProgram) return 'other program'
  return undefined
}

async function members(wave: number): Promise<Map<number, string>> {
  const rows = await db.kysely.selectFrom('wave_members').select(['client_id', 'group']).where('wave_id', '=', wave).execute()
  return new Map(rows.map((r) => [r.client_id, r.group]))
}

describe('waves', () => {
  it('never let a member break the contact policy, and members + removed = the rule count', async () => {
    let run = 0
    await fc.assert(
      fc.asyncProperty(arbitraryRule, fc.constantFrom(...CHANNELS), async (rule, channel) => {
        const result = await buildWave(db.kysely, { programCode: `P${run++}`, rule, channel, controlShare: 0.2, userId: null, today: TEST_TODAY })
        const memberMap = await members(result.wave)
        for (const c of clients) {
          const id = ids.get(c.bank_id)!
          if (!memberMap.has(id)) continue
          expect(violation(c, id, channel, DEFAULT_CONTACT_POLICY), `client ${c.bank_id}`).toBeUndefined()
        }
        const { count } = await countSelection({ db: db.kysely }, { rule, today: TEST_TODAY })
        const removed = result.funnel.reduce((s, f) => s + f.removed, 0)
        expect(result.target + result.control + removed).toBe(count)
        expect(memberMap.size).toBe(result.target + result.control)
      }),
      { numRuns: 25, seed: 3 },
    )
  })

  it('removes exactly the clients the policy forbids when the rule takes everyone', async () => {
    const everyone = { field: 'product_count', op: 'gte', value: 0 }
    const result = await buildWave(db.kysely, { programCode: 'ALL', rule: everyone, channel: 'sms', userId: null, today: TEST_TODAY })
    const memberMap = await members(result.wave)
    const allowed = clients.filter((c) => !violation(c, ids.get(c.bank_id)!, 'sms', DEFAULT_CONTACT_POLICY))
    expect(memberMap.size).toBe(allowed.length)
    expect(result.funnel.find((f) => f.rule === 'other_program')!.removed).toBeGreaterThan(0)
  })

  it('keeps control membership across rebuilds and when new clients join', async () => {
    const rule = { field: 'status', op: 'eq', value: 'active' }
    const first = await buildWave(db.kysely, { programCode: 'STABLE', rule, channel: 'email', controlShare: 0.3, userId: null, today: TEST_TODAY })
    const before = await members(first.wave)
    const program = await db.kysely.selectFrom('programs').select('seed').where('code', '=', 'STABLE').executeTakeFirstOrThrow()
    for (const [id, group] of before) expect(group).toBe(isControl(program.seed, id, 0.3) ? 'control' : 'target')

    expect(await rebuildWave(db.kysely, first.wave)).toEqual(first)
    expect(await members(first.wave)).toEqual(before)

    await insertClients(db, sampleClients(120, 12, 'N'), otherWaveId)
    await refreshProfile(db, TEST_TODAY)
    const after = await rebuildWave(db.kysely, first.wave)
    const afterMembers = await members(first.wave)
    expect(after.target + after.control).toBeGreaterThan(first.target + first.control)
    for (const [id, group] of before) expect(afterMembers.get(id)).toBe(group)
  })

  it('puts the requested share of the wave in control', async () => {
    const result = await buildWave(db.kysely, {
      programCode: 'SHARE',
      rule: { field: 'product_count', op: 'gte', value: 0 },
      channel: 'letter',
      controlShare: 0.5,
      userId: null,
      today: TEST_TODAY,
    })
    const share = result.control / (result.target + result.control)
    expect(share).toBeGreaterThan(0.3)
    expect(share).toBeLessThan(0.7)
  })
})
