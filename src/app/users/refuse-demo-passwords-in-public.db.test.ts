import argon2 from 'argon2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD } from '../../core/demo/demo-users.ts'
import type { Database } from '../../db/open-database.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { findDemoPasswordUsers, refuseDemoPasswordsInPublic } from './refuse-demo-passwords-in-public.ts'
import { setUserPassword } from './set-user-password.ts'

let db: Database
const actor = { id: null, login: 'cli:test' }
beforeAll(async () => {
  db = await openTestDatabase()
  const demo = await argon2.hash(DEMO_PASSWORD)
  const other = await argon2.hash('a long and private one')
  await db.kysely.insertInto('users').values([
    { login: 'head', full_name: 'Соколова', role: 'head', password_hash: demo },
    { login: 'admin', full_name: 'Фомин', role: 'admin', password_hash: demo },
    { login: 'pm07', full_name: 'Личный менеджер', role: 'manager', password_hash: demo },
    { login: 'analyst', full_name: 'Ким', role: 'analyst', password_hash: other },
    { login: 'auditor', full_name: 'Титова', role: 'auditor', password_hash: demo, active: false },
  ]).execute()
})
afterAll(async () => {
  await db.close()
})

describe('the demo passwords on a public address', () => {
  it('finds the active demo users whose password is still the demo one', async () => {
    expect(await findDemoPasswordUsers(db.kysely)).toEqual(['admin', 'head', 'pm07'])
  })

  it.each(['0.0.0.0', '::', '192.168.10.4', 'otklik.bank.local'])('refuse a start on %s, naming the users and what to do', async (host) => {
    const refusal = refuseDemoPasswordsInPublic(db.kysely, { host })
    await expect(refusal).rejects.toMatchObject({
      code: 'conflict',
      details: { code: 'start.demo_passwords_in_public', host, logins: 'admin, head, pm07' },
    })
    await expect(refuseDemoPasswordsInPublic(db.kysely, { host })).rejects.toThrow(/otklik user password <login>/)
  })

  it.each(['127.0.0.1', 'localhost', '::1'])('let the demo run on %s', async (host) => {
    await expect(refuseDemoPasswordsInPublic(db.kysely, { host })).resolves.toBeUndefined()
  })

  it('stop refusing once every demo user has a new password, which ends their sessions', async () => {
    const head = await db.kysely.selectFrom('users').select('id').where('login', '=', 'head').executeTakeFirstOrThrow()
    await db.kysely.insertInto('sessions').values({ token_hash: 'h1', user_id: head.id, created_at: new Date(), expires_at: new Date(Date.now() + 3_600_000) }).execute()
    await setUserPassword(db.kysely, { login: 'head', password: 'новый пароль 1', actor })
    await expect(refuseDemoPasswordsInPublic(db.kysely, { host: '0.0.0.0' })).rejects.toMatchObject({ details: { logins: 'admin, pm07' } })
    await setUserPassword(db.kysely, { login: 'admin', password: 'another one 2', actor })
    await setUserPassword(db.kysely, { login: 'pm07', password: 'and a third 3', actor })
    await expect(refuseDemoPasswordsInPublic(db.kysely, { host: '0.0.0.0' })).resolves.toBeUndefined()
    expect(await db.kysely.selectFrom('sessions').select('token_hash').where('user_id', '=', head.id).execute()).toEqual([])
    const events = await db.kysely.selectFrom('audit_events').select(['login', 'action', 'details']).where('action', '=', 'user.update').execute()
    expect(events).toHaveLength(3)
    expect(events[0]).toMatchObject({ login: 'cli:test', details: { login: 'head', changed: ['password'] } })
    expect(JSON.stringify(events)).not.toContain('пароль')
  })

  it('refuses a short password and an unknown login', async () => {
    await expect(setUserPassword(db.kysely, { login: 'analyst', password: 'short', actor })).rejects.toMatchObject({ details: { code: 'user.password_too_short', min: 8 } })
    await expect(setUserPassword(db.kysely, { login: 'nobody', password: 'long enough', actor })).rejects.toMatchObject({ code: 'not_found' })
  })
})
