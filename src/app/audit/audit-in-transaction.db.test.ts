import argon2 from 'argon2'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_CONTACT_POLICY } from '../../core/selection/contact-policy.ts'
import type { Database } from '../../db/open-database.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { logIn } from '../auth/log-in.ts'
import { logOut } from '../auth/log-out.ts'
import { addNote } from '../clients/add-note.ts'
import { setBranchStaffScope } from '../clients/set-branch-staff-scope.ts'
import { refreshProfile } from '../selection/refresh-profile.ts'
import { saveSelection } from '../selection/save-selection.ts'
import { buildWave } from '../wave/build-wave.ts'
import { rebuildWave } from '../wave/rebuild-wave.ts'
import { updateContactPolicy } from '../wave/update-contact-policy.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { seedClientBase, type ClientBase } from '../../../test/seed-client-base.ts'

// A change and its audit event are one transaction: when the event cannot be written, the change
// is not made either. The test makes the audit log refuse one action (a CHECK constraint) and
// runs the use case that writes it.

const TODAY = '2026-03-02'
let db: Database
let base: ClientBase
let analyst: SessionUser
beforeAll(async () => {
  db = await openTestDatabase()
  base = await seedClientBase(db)
  await refreshProfile(db, TODAY)
  const row = await db.kysely.insertInto('users').values({ login: 'a', full_name: 'Аналитик', role: 'analyst', password_hash: 'x' }).returning('id').executeTakeFirstOrThrow()
  analyst = { id: row.id, login: 'a', fullName: 'Аналитик', role: 'analyst', branchId: null }
})
afterAll(async () => {
  await db.close()
})

async function refusingAction<T>(action: string, work: () => Promise<T>): Promise<void> {
  await sql`ALTER TABLE audit_events ADD CONSTRAINT refuse_action CHECK (action <> ${sql.lit(action)}) NOT VALID`.execute(db.kysely)
  try {
    await expect(work()).rejects.toThrow(/refuse_action/)
  } finally {
    await sql`ALTER TABLE audit_events DROP CONSTRAINT refuse_action`.execute(db.kysely)
  }
}

const count = async (table: 'waves' | 'selections' | 'contact_policies' | 'notes' | 'bank_settings' | 'sessions' | 'login_failures') =>
  Number((await db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n)

const everyone = { field: 'status', op: 'eq', value: 'active' }

describe('audit events inside their transaction', () => {
  it('a wave is not built when its wave.build event cannot be written', async () => {
    const before = await count('waves')
    await refusingAction('wave.build', () => buildWave(db.kysely, { programCode: 'P', rule: everyone, channel: 'letter', actor: analyst, today: TODAY }))
    expect(await count('waves')).toBe(before)
    const built = await buildWave(db.kysely, { programCode: 'P', rule: everyone, channel: 'letter', actor: analyst, today: TODAY })
    const event = await db.kysely.selectFrom('audit_events').selectAll().where('action', '=', 'wave.build').executeTakeFirstOrThrow()
    expect(event).toMatchObject({ login: 'a', entity_id: String(built.wave) })
  })

  it('a rebuild keeps the old members when its event cannot be written', async () => {
    const { wave } = await buildWave(db.kysely, { programCode: 'R', rule: everyone, channel: 'letter', actor: analyst, today: TODAY })
    const members = () => db.kysely.selectFrom('wave_members').select(['client_id', 'group']).where('wave_id', '=', wave).orderBy('client_id').execute()
    const before = await members()
    await db.kysely.updateTable('clients').set({ status: 'churned' }).where('id', '=', base.ids['C-0001']!).execute()
    await refreshProfile(db, TODAY)
    await refusingAction('wave.rebuild', () => rebuildWave(db.kysely, { waveId: wave, actor: analyst }))
    expect(await members()).toEqual(before)
  })

  it('the contact policy keeps its version when the change cannot be audited', async () => {
    const before = await count('contact_policies')
    await refusingAction('contact_policy.update', () => updateContactPolicy(db.kysely, { policy: DEFAULT_CONTACT_POLICY, actor: analyst }))
    expect(await count('contact_policies')).toBe(before)
  })

  it('a selection is not saved when its event cannot be written', async () => {
    const before = await count('selections')
    await refusingAction('selection.create', () => saveSelection(db.kysely, { name: 'S', description: null, rule: everyone, user: analyst, today: TODAY }))
    expect(await count('selections')).toBe(before)
  })

  it('a note is not kept when its event cannot be written', async () => {
    const before = await count('notes')
    const author = { ...analyst, role: 'operator' as const }
    await refusingAction('note.create', () => addNote(db.kysely, { author, clientId: base.ids['C-0001']!, kind: 'other', body: 'x', now: new Date() }))
    expect(await count('notes')).toBe(before)
  })

  it('the branch staff scope is not changed when the change cannot be audited', async () => {
    await refusingAction('settings.branch_staff_scope', () => setBranchStaffScope(db.kysely, { scope: 'bank', actor: analyst }))
    expect(await db.kysely.selectFrom('bank_settings').select('value').where('key', '=', 'branch_staff_scope').executeTakeFirst()).toBeUndefined()
  })

  it('a session is not opened, nor a failure counted, nor a session ended, without its event', async () => {
    await db.kysely.updateTable('users').set({ password_hash: await argon2.hash('pw') }).where('id', '=', analyst.id).execute()
    const attempt = { login: 'a', password: 'pw', address: '10.0.0.1', now: new Date(), sessionHours: 1 }
    const sessions = await count('sessions')
    await refusingAction('auth.login', () => logIn(db.kysely, attempt))
    expect(await count('sessions')).toBe(sessions)
    const failures = await count('login_failures')
    await refusingAction('auth.login_failed', () => logIn(db.kysely, { ...attempt, password: 'wrong' }))
    expect(await count('login_failures')).toBe(failures)
    const { token } = await logIn(db.kysely, attempt)
    await refusingAction('auth.logout', () => logOut(db.kysely, { token, user: analyst }))
    expect(await count('sessions')).toBe(sessions + 1)
  })
})
