import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/open-database.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { createTestUser } from '../../../test/build-test-server.ts'
import { seedCallWave } from '../../../test/seed-call-wave.ts'
import { buildCallList } from './build-call-list.ts'
import { recordCallOutcome } from './record-call-outcome.ts'
import { takeNextCall } from './take-next-call.ts'
import { setProgramCallPolicy } from './program-call-policy.ts'
import { viewCallBoard } from './view-call-board.ts'

// The call centre on PGlite and PostgreSQL: a call list from a wave's target members only, claimed
// by operators one client each, outcomes that redial, close, call back and stop calls at once.
let db: Database
let economist: SessionUser
const operators: SessionUser[] = []

// Thursday 3 December 2026, 09:00 UTC: 12:00 in Moscow, 14:00 in Yekaterinburg.
const T0 = new Date('2026-12-03T09:00:00Z')
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)

const user = async (login: string, role: 'operator' | 'program_economist'): Promise<SessionUser> => {
  const id = await createTestUser(db, role, login)
  return { id, login, fullName: login, role, branchId: null }
}

beforeAll(async () => {
  db = await openTestDatabase()
  economist = await user('economist', 'program_economist')
  for (const login of ['op1', 'op2', 'op3']) operators.push(await user(login, 'operator'))
})
afterAll(async () => db.close())

const contactsOf = (waveId: number) =>
  db.kysely.selectFrom('contacts').select(['client_id', 'status', 'sent_at', 'idempotency_key']).where('wave_id', '=', waveId).orderBy('client_id').execute()

describe('a call list', () => {
  it('holds the target members the policy lets through, never the control, dealt by capacity and priority', async () => {
    const wave = await seedCallWave(db, { code: 'CL1', members: 30 })
    const [refused, complained] = wave.clientIds.target
    await sql`INSERT INTO consents (client_id, channel, granted, effective_at, source) VALUES (${refused}, 'call', false, ${at(-60)}, 'branch')`.execute(db.kysely)
    await sql`INSERT INTO complaints (client_id, received_at) VALUES (${complained}, ${at(-60)})`.execute(db.kysely)
    const result = await buildCallList(db.kysely, { waveId: wave.waveId, operators: [{ login: 'op1', capacity: 10 }, { login: 'op2', capacity: 5 }], actor: economist, now: T0 })
    // 30 members: 3 in control (10, 20, 30), 27 target, 2 removed → 25 tasks: 10 + 5 + 10 in the pool.
    expect(result).toMatchObject({ tasks: 25, pool: 10, operators: [{ login: 'op1', assigned: 10 }, { login: 'op2', assigned: 5 }] })
    expect(result.removed.sort((a, b) => a.rule.localeCompare(b.rule))).toEqual([{ rule: 'complaint', removed: 1 }, { rule: 'consent', removed: 1 }])
    const tasks = await db.kysely.selectFrom('call_tasks').select(['client_id', 'priority', 'operator_id']).where('wave_id', '=', wave.waveId).execute()
    expect(tasks.some((t) => wave.clientIds.control.includes(Number(t.client_id)))).toBe(false)
    // The VIP clients (7, 14, 21, 28; 28 is … a target) have the top priority and are op1's.
    const vip = tasks.filter((t) => t.priority >= 1000)
    expect(vip.length).toBe(4)
    expect(vip.every((t) => t.operator_id === operators[0]!.id)).toBe(true)
    // Built again, it adds nobody.
    expect((await buildCallList(db.kysely, { waveId: wave.waveId, operators: [], actor: economist, now: T0 })).tasks).toBe(0)
  })

  it('refuses a wave of another channel and a user who is not an operator', async () => {
    const wave = await seedCallWave(db, { code: 'CL2', members: 3 })
    await db.kysely.updateTable('waves').set({ channel: 'sms' }).where('id', '=', wave.waveId).execute()
    await expect(buildCallList(db.kysely, { waveId: wave.waveId, operators: [], actor: economist, now: T0 })).rejects.toMatchObject({ details: { code: 'call.not_call_wave' } })
    await db.kysely.updateTable('waves').set({ channel: 'call' }).where('id', '=', wave.waveId).execute()
    await expect(buildCallList(db.kysely, { waveId: wave.waveId, operators: [{ login: 'economist', capacity: 1 }], actor: economist, now: T0 }))
      .rejects.toMatchObject({ details: { code: 'call.not_an_operator', operator: 'economist' } })
  })
})

describe('the next call', () => {
  it('never gives two operators the same client, even when they ask at once', async () => {
    const wave = await seedCallWave(db, { code: 'RACE', members: 12 })
    await db.kysely.updateTable('call_tasks').set({ status: 'done' }).execute()
    await buildCallList(db.kysely, { waveId: wave.waveId, operators: [], actor: economist, now: T0 })
    const cards = await Promise.all([...operators, ...operators].map((operator) => takeNextCall(db.kysely, { operator, now: T0 })))
    const held = await db.kysely.selectFrom('call_tasks').select(['client_id', 'claimed_by']).where('wave_id', '=', wave.waveId).where('status', '=', 'in_call').execute()
    // Each operator holds one call (asking again returns the call they hold), each a different client.
    expect(held.length).toBe(3)
    expect(new Set(held.map((h) => h.claimed_by)).size).toBe(3)
    for (const [i, card] of cards.entries()) expect(card?.task.clientId).toBe(Number(held.find((h) => h.claimed_by === operators[i % 3]!.id)!.client_id))
    await db.kysely.updateTable('call_tasks').set({ status: 'done', claimed_by: null }).where('wave_id', '=', wave.waveId).execute()
  })

  it('shows the card the call needs, masked, and audits the read', async () => {
    const wave = await seedCallWave(db, { code: 'CARD', members: 2 })
    await buildCallList(db.kysely, { waveId: wave.waveId, operators: [{ login: 'op3', capacity: 5 }], actor: economist, now: T0 })
    const card = (await takeNextCall(db.kysely, { operator: operators[2]!, now: T0 }))!
    expect(card.client).toMatchObject({ fullName: expect.stringMatching(/^Смирнов Алексей Игоревич/), phoneMasked: expect.stringMatching(/^7\*{6}\d\d$/), dialNumber: expect.stringMatching(/^\+7912/) })
    expect(card.offer).toMatchObject({ name: 'Кредитная карта «100 дней»', rate: 0.299 })
    expect(card.offer!.callScript!.script).toMatch(/^Здравствуйте, Алексей! Банк предлагает вам кредитную карту с лимитом до 150\s000\s₽\.$/)
    expect(card.offer!.callScript!.objections).toHaveLength(2)
    expect(card.why).toMatchObject({ programCode: 'CARD', goal: 'cross_sell' })
    const audit = await db.kysely.selectFrom('audit_events').select(['action', 'entity_id']).where('login', '=', 'op3').where('action', '=', 'client.view').execute()
    expect(audit.map((a) => Number(a.entity_id))).toContain(card.task.clientId)
    await recordCallOutcome(db.kysely, { clientId: card.task.clientId, waveId: card.task.waveId, technical: 'connected', business: 'refused', callbackAt: null, onlyMe: true, doNotCall: null, note: null, operator: operators[2]!, now: at(3) })
  })
})

describe('an outcome', () => {
  const [op1, op2] = [() => operators[0]!, () => operators[1]!]
  const outcome = (card: { task: { clientId: number; waveId: number } }, change: Record<string, unknown>, operator: SessionUser, now: Date) =>
    recordCallOutcome(db.kysely, { clientId: card.task.clientId, waveId: card.task.waveId, technical: 'connected', business: null, callbackAt: null, onlyMe: true, doNotCall: null, note: null, operator, now, ...change })

  async function freshList(code: string, members: number, plannedEnd?: string) {
    await db.kysely.updateTable('call_tasks').set({ status: 'done' }).where('status', 'in', ['open', 'in_call']).execute()
    const wave = await seedCallWave(db, { code, members, plannedEnd })
    await buildCallList(db.kysely, { waveId: wave.waveId, operators: [], actor: economist, now: T0 })
    return wave
  }

  it('redials a miss after its interval, ends after the last attempt, and records the contact failed', async () => {
    const wave = await freshList('MISS', 1)
    await setProgramCallPolicy(db.kysely, { code: 'MISS', policy: { maxAttempts: 2, redialMinutes: { no_answer: 60, busy: 10, answering_machine: 120 } }, actor: economist, now: T0 })
    const card = (await takeNextCall(db.kysely, { operator: op1(), now: T0 }))!
    expect(await outcome(card, { technical: 'busy' }, op1(), at(1))).toEqual({ status: 'open', nextAttemptAt: at(11).toISOString(), closeReason: null })
    expect(await takeNextCall(db.kysely, { operator: op1(), now: at(5) })).toBeNull()
    const again = (await takeNextCall(db.kysely, { operator: op2(), now: at(11) }))!
    expect(again.task).toMatchObject({ clientId: card.task.clientId, attempts: 1, lastTechnical: 'busy' })
    expect(await outcome(again, { technical: 'no_answer' }, op2(), at(12))).toEqual({ status: 'exhausted', nextAttemptAt: null, closeReason: 'attempts_exhausted' })
    expect(await contactsOf(wave.waveId)).toEqual([{ client_id: card.task.clientId, status: 'failed', sent_at: null, idempotency_key: `wave:${wave.waveId}:call` }])
  })

  it('counts a reached call as a contact sent, and refuses a business outcome for an unreached one', async () => {
    const wave = await freshList('REACH', 1)
    const card = (await takeNextCall(db.kysely, { operator: op1(), now: T0 }))!
    await expect(outcome(card, { technical: 'busy', business: 'agreed' }, op1(), at(1))).rejects.toMatchObject({ details: { code: 'call.business_outcome_unreached' } })
    await expect(outcome(card, { business: 'agreed' }, op2(), at(1))).rejects.toMatchObject({ details: { code: 'call.task_not_yours' } })
    expect(await outcome(card, { business: 'agreed' }, op1(), at(4))).toMatchObject({ status: 'done' })
    const [contact] = await contactsOf(wave.waveId)
    expect(contact).toMatchObject({ status: 'sent', sent_at: at(4) })
    const [attempt] = await db.kysely.selectFrom('call_attempts').select(['handle_seconds', 'business', 'operator_login']).where('wave_id', '=', wave.waveId).execute()
    expect(attempt).toEqual({ handle_seconds: 240, business: 'agreed', operator_login: 'op1' })
  })

  it('opens a complaint in the register from a "complaint" outcome: from the call centre, by the operator, under the category given', async () => {
    await freshList('COMPL', 1)
    const card = (await takeNextCall(db.kysely, { operator: op1(), now: T0 }))!
    await outcome(card, { business: 'complaint', complaintCategory: 'fees.commission', note: 'Списали комиссию за SMS\nпросит вернуть' }, op1(), at(2))
    const complaint = await db.kysely.selectFrom('complaints').select(['channel', 'category', 'subject', 'workflow_status', 'status', 'registered_by', 'sla_due_on'])
      .where('client_id', '=', card.task.clientId).executeTakeFirstOrThrow()
    expect(complaint).toMatchObject({ channel: 'call_centre', category: 'fees.commission', subject: 'Списали комиссию за SMS', workflow_status: 'registered', status: 'open', registered_by: op1().id })
    expect(complaint.sla_due_on).not.toBeNull()
  })

  it('keeps an "only me" callback for its operator until it is due, and gives an "anyone" one to whoever asks', async () => {
    await freshList('BACK', 2)
    const first = (await takeNextCall(db.kysely, { operator: op1(), now: T0 }))!
    await outcome(first, { business: 'callback', callbackAt: at(120).toISOString(), onlyMe: true }, op1(), at(2))
    const second = (await takeNextCall(db.kysely, { operator: op1(), now: at(3) }))!
    await outcome(second, { business: 'callback', callbackAt: at(60).toISOString(), onlyMe: false }, op1(), at(4))
    const early = await takeNextCall(db.kysely, { operator: op2(), now: at(30) })
    expect(early, JSON.stringify(early?.task)).toBeNull()
    const anyone = (await takeNextCall(db.kysely, { operator: op2(), now: at(60) }))!
    expect(anyone.task).toMatchObject({ clientId: second.task.clientId, callback: { onlyMe: false } })
    await outcome(anyone, { business: 'interested' }, op2(), at(62))
    expect(await takeNextCall(db.kysely, { operator: operators[2]!, now: at(130) })).toBeNull()
    expect((await takeNextCall(db.kysely, { operator: op1(), now: at(130) }))?.task).toMatchObject({ clientId: first.task.clientId, callback: { onlyMe: true } })
    const board = await viewCallBoard(db.kysely, at(130))
    expect(board.waves.find((w) => w.programCode === 'BACK')).toMatchObject({ tasks: 2, called: 2, reached: 2, reachRate: 1, overdueCallbacks: 1 })
  })

  it('stops calls at once: do-not-call for the bank is a refusal on `call`, for the program its own list', async () => {
    const wave = await freshList('STOP', 3)
    const other = await seedCallWave(db, { code: 'STOP2', members: 0 })
    const first = (await takeNextCall(db.kysely, { operator: op1(), now: T0 }))!
    await outcome(first, { business: 'do_not_call', doNotCall: 'bank' }, op1(), at(1))
    const consent = await db.kysely.selectFrom('consents').select(['granted', 'source']).where('client_id', '=', first.task.clientId).where('channel', '=', 'call').orderBy('effective_at', 'desc').executeTakeFirst()
    expect(consent).toEqual({ granted: false, source: 'call_centre' })
    const second = (await takeNextCall(db.kysely, { operator: op1(), now: at(2) }))!
    await outcome(second, { business: 'do_not_call', doNotCall: 'program' }, op1(), at(3))
    // The same clients in another wave of the same program: the program's list and the bank's refusal both hold.
    await sql`INSERT INTO wave_members (client_id, wave_id, "group") VALUES (${first.task.clientId}, ${other.waveId}, 'target'), (${second.task.clientId}, ${other.waveId}, 'target')`.execute(db.kysely)
    await db.kysely.updateTable('waves').set({ program_id: wave.programId }).where('id', '=', other.waveId).execute()
    await db.kysely.updateTable('call_tasks').set({ status: 'done' }).where('wave_id', '=', wave.waveId).execute()
    // The calls just made would hold both back by the call cap (one in 14 days): take the cap out of the way.
    await db.kysely.deleteFrom('contacts').where('wave_id', '=', wave.waveId).execute()
    const rebuilt = await buildCallList(db.kysely, { waveId: other.waveId, operators: [], actor: economist, now: at(5) })
    expect(rebuilt.tasks).toBe(0)
    expect(rebuilt.removed.map((r) => r.rule).sort()).toEqual(['consent', 'program_do_not_call'])
  })

  it('waits for the client\'s local calling window and closes what the program\'s end leaves', async () => {
    const wave = await freshList('LATE', 1, '2026-12-03')
    // 18:30 UTC: 21:30 in Moscow, 23:30 in Yekaterinburg — outside the window; it opens after the program ends.
    expect(await takeNextCall(db.kysely, { operator: op1(), now: new Date('2026-12-03T18:30:00Z') })).toBeNull()
    const [task] = await db.kysely.selectFrom('call_tasks').select(['status', 'next_attempt_at']).where('wave_id', '=', wave.waveId).execute()
    expect(task!.status).toBe('open')
    expect(await takeNextCall(db.kysely, { operator: op1(), now: new Date('2026-12-04T06:00:00Z') })).toBeNull()
    const [closed] = await db.kysely.selectFrom('call_tasks').select(['status', 'close_reason']).where('wave_id', '=', wave.waveId).execute()
    expect(closed).toEqual({ status: 'closed', close_reason: 'program_ended' })
  })
})
