import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_REGIONS } from '../../core/demo/demo-regions.ts'
import { demoRequestCount } from '../../core/demo/demo-client-requests.ts'
import { demoUsers } from '../../core/demo/demo-users.ts'
import { ROLES } from '../../contract/roles.ts'
import type { Database } from '../../db/open-database.ts'
import { buildTestServer } from '../../../test/build-test-server.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'
import { viewProgramCase } from '../program/compute-program-case.ts'
import { judgeProgram } from '../program/judge-program.ts'
import { viewWaveSending } from '../wave/view-wave-sending.ts'
import { generateDemoBank, type DemoBankCounts } from './generate-demo-bank.ts'
import { CHANNEL_PARTS } from '../../contract/offer-schemas.ts'
import { countSmsSegments, SMS_MAX_SEGMENTS } from '../../contract/count-sms-segments.ts'
import { templatePartText } from '../../core/offer/check-offer-content.ts'
import { letterTextOfHtml } from '../../core/offer/letter-text-of-html.ts'
import { offerTemplateData } from '../../core/offer/offer-template-data.ts'
import { renderOfferTemplate } from '../../core/offer/render-offer-template.ts'
import { findClientDetails } from '../../db/stores/client-card-store.ts'
import { findProgramOffer } from '../../db/stores/offer-store.ts'

const NOW = new Date('2026-11-26T12:00:00Z')
const CLIENTS = 2_000

let db: Database
let counts: DemoBankCounts
const progress: [number, number][] = []

beforeAll(async () => {
  db = await openTestDatabase()
  counts = await generateDemoBank(db, { clients: CLIENTS, seed: 11, now: NOW, onProgress: (done, total) => progress.push([done, total]) })
})
afterAll(async () => {
  await db?.close()
})

const count = async (query: string) => Number((await db.pool.query<{ n: string }>(query)).rows[0].n)

/** A fingerprint of every demo row (password hashes aside: argon2 salts them at random). */
async function fingerprint(database: Database): Promise<Record<string, string>> {
  const { rows } = await database.pool.query<Record<string, string>>(`SELECT
    (SELECT md5(string_agg(r::text, E'\\n' ORDER BY code)) FROM regions r) AS regions,
    (SELECT md5(string_agg(b::text, E'\\n' ORDER BY id)) FROM branches b) AS branches,
    (SELECT md5(string_agg(concat_ws('|', id, login, full_name, role, branch_id), E'\\n' ORDER BY id)) FROM users) AS users,
    (SELECT md5(string_agg(c::text, E'\\n' ORDER BY id)) FROM clients c) AS clients,
    (SELECT md5(string_agg(h::text, E'\\n' ORDER BY client_id, id)) FROM holdings h) AS holdings,
    (SELECT md5(string_agg(a::text, E'\\n' ORDER BY client_id, month)) FROM activity a) AS activity,
    (SELECT md5(string_agg(k::text, E'\\n' ORDER BY client_id, id)) FROM consents k) AS consents,
    (SELECT md5(string_agg(n::text, E'\\n' ORDER BY client_id, id)) FROM notes n) AS notes,
    (SELECT md5(string_agg(concat_ws('|', client_id, branch_id, segment, body, category, created_at), E'\\n' ORDER BY client_id, id)) FROM client_requests) AS client_requests,
    (SELECT md5(string_agg(concat_ws('|', client_id, wave_id, "group"), E'\\n' ORDER BY client_id, wave_id)) FROM wave_members) AS wave_members,
    (SELECT md5(string_agg(concat_ws('|', client_id, type, responded_at, value), E'\\n' ORDER BY client_id, type, responded_at)) FROM responses) AS responses,
    (SELECT md5(string_agg(concat_ws('|', client_id, channel, status, queued_at, sent_at, skip_reason, error, attempts, delivery_status, delivered_at), E'\\n' ORDER BY client_id, channel)) FROM contacts) AS contacts`)
  return rows[0]
}

async function indexNames(database: Database): Promise<string[]> {
  const { rows } = await database.pool.query<{ indexname: string }>(
    "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname")
  return rows.map((r) => r.indexname)
}

describe('generateDemoBank', () => {
  it('places its clients in federal subjects, by their official codes, names and time zones', async () => {
    const regions = await db.kysely.selectFrom('regions').select(['code', 'name', 'utc_offset']).where('code', 'in', DEMO_REGIONS.map((r) => r.code)).orderBy('code').execute()
    const expected = DEMO_REGIONS.map((r) => ({ code: r.code, name: r.name, utc_offset: r.utcOffset })).sort((a, b) => a.code.localeCompare(b.code))
    expect(regions).toEqual(expected)
    expect(await count('SELECT count(DISTINCT region_code) AS n FROM clients')).toBe(DEMO_REGIONS.length)
  })

  it('reports the rows it created, as the tables hold them', async () => {
    expect(counts).toEqual({
      regions: 0, // its eight regions are federal subjects, there already (migration 0006)
      branches: 30,
      users: await count('SELECT count(*) AS n FROM users'),
      products: 13,
      clients: CLIENTS,
      holdings: await count('SELECT count(*) AS n FROM holdings'),
      activity: await count('SELECT count(*) AS n FROM activity'),
      // The clients' own: the STOP replies to the SMS pilot come with its send (send-demo-pilot.ts), one per message it stopped.
      consents: (await count('SELECT count(*) AS n FROM consents')) - (await count("SELECT count(*) AS n FROM contacts WHERE skip_reason = 'consent'")),
      notes: await count('SELECT count(*) AS n FROM notes'),
    })
    expect(counts.users).toBe(demoUsers(CLIENTS).length)
    expect(counts.users).toBeGreaterThanOrEqual(ROLES.length + 8)
    expect(counts.holdings).toBeGreaterThan(2 * CLIENTS)
    expect(counts.activity).toBeGreaterThan(10 * CLIENTS)
    expect(counts.consents).toBeGreaterThan(3 * CLIENTS)
    expect(counts.notes).toBeGreaterThan(0)
  })

  it('leaves the selection profile built, one row per client', async () => {
    const profile = await db.kysely.selectFrom('client_profile').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(profile.n)).toBe(counts.clients)
    const holders = await db.kysely.selectFrom('client_profile').select((e) => e.fn.countAll<number>().as('n')).where('product_count', '>', 0).executeTakeFirstOrThrow()
    expect(Number(holders.n)).toBeGreaterThan(counts.clients / 2)
  })

  it('records the load in the audit log', async () => {
    const { rows } = await db.pool.query(`SELECT login, details FROM audit_events WHERE action = 'demo.load'`)
    expect(rows).toEqual([{ login: null, details: { seed: 11, ...counts } }])
  })

  it('holds a registry of programs in different states, moved by the economist and decided by the head', async () => {
    const programs = await db.kysely.selectFrom('programs').select(['code', 'status']).orderBy('code').execute()
    expect(programs).toEqual([
      { code: 'CC-SALARY', status: 'pilot' },
      { code: 'CL-PREAPPROVED', status: 'draft' },
      { code: 'INS-MORTGAGE', status: 'cancelled' },
      { code: 'SAV-ONLINE', status: 'evaluated' },
      { code: 'TD-MATURING', status: 'proposed' },
      { code: 'WB-CLOSED', status: 'draft' },
    ])
    const decisions = await db.kysely.selectFrom('program_decisions as d').innerJoin('programs as p', 'p.id', 'd.program_id')
      .select(['p.code', 'd.author_login', 'd.from_status', 'd.to_status']).where('p.code', '=', 'CC-SALARY').orderBy('d.id').execute()
    expect(decisions).toEqual([
      { code: 'CC-SALARY', author_login: 'program_economist', from_status: 'draft', to_status: 'proposed' },
      { code: 'CC-SALARY', author_login: 'head', from_status: 'proposed', to_status: 'approved' },
      { code: 'CC-SALARY', author_login: 'program_economist', from_status: 'approved', to_status: 'pilot' },
    ])
    // The cases a newcomer reads: the cross-sell in its pilot and the retention call pay, the draft without a case says what it misses.
    expect((await viewProgramCase(db.kysely, 'CC-SALARY')).npv).toBeGreaterThan(0)
    expect((await viewProgramCase(db.kysely, 'TD-MATURING')).npv).toBeGreaterThan(0)
    await expect(viewProgramCase(db.kysely, 'WB-CLOSED')).rejects.toMatchObject({ details: { code: 'case.missing' } })
  })

  it('holds approved offers, a template per channel, named by its programs and rendering for its clients', async () => {
    const linked = await db.kysely.selectFrom('programs').select(['id', 'code', 'offer_code']).where('offer_code', 'is not', null).orderBy('code').execute()
    expect(linked.map((p) => [p.code, p.offer_code])).toEqual([
      ['CC-SALARY', 'CC-120-DAYS'], ['CL-PREAPPROVED', 'CL-PREAPPROVED-500'], ['SAV-ONLINE', 'SAV-PLUS-1'], ['TD-MATURING', 'TD-PROLONG'], ['WB-CLOSED', 'DC-COMEBACK'],
    ])
    const client = (await findClientDetails(db.kysely, 1))!
    for (const program of linked) {
      const offer = (await findProgramOffer(db.kysely, program.id))!
      expect(offer).toMatchObject({ approved: true, approvedBy: { login: 'head' }, createdBy: { login: 'marketer' } })
      expect(offer.templates.map((t) => t.channel)).toEqual(['email', 'sms', 'letter', 'call'])
      const { data } = offerTemplateData({ client, offer, viewer: null, language: 'ru' })
      for (const template of offer.templates) {
        for (const part of CHANNEL_PARTS[template.channel]) {
          const rendered = renderOfferTemplate({ part, text: templatePartText(template, part)!, data, language: 'ru' })
          expect(rendered, `${offer.code} ${template.channel} ${part}`).toMatchObject({ ok: true })
          if (!rendered.ok) continue
          expect(rendered.text).not.toMatch(/\{\{|\}\}|undefined|NaN/)
          if (template.channel === 'sms') expect(countSmsSegments(rendered.text).segments).toBeLessThanOrEqual(SMS_MAX_SEGMENTS)
          if (template.channel === 'letter') expect(letterTextOfHtml(rendered.text)).toMatch(/^Уважаем[ыа][йя] [^<>&]+$/su)
        }
      }
      expect(offer.templates.find((t) => t.channel === 'call')!.objections.length).toBeGreaterThan(0)
    }
  })

  it('holds a finished pilot with its responses and the verdict the head evaluated', async () => {
    const verdict = await judgeProgram(db.kysely, { code: 'SAV-ONLINE', now: NOW })
    expect(verdict.window.closed).toBe(true)
    expect(verdict.wave.builtAt).toBe('2026-10-12T09:00:00.000Z')
    expect(verdict.srm.blocked).toBe(false)
    expect(verdict.responses.map((r) => r.type)).toEqual(['application', 'conversion', 'balance'])
    const [application, conversion] = verdict.responses
    // The demo's shares exactly (round(share × n) responders per group): 4.5% against 2.0%, 1.6% against 1.4%.
    for (const [r, target, control] of [[application!, 0.045, 0.02], [conversion!, 0.016, 0.014]] as const) {
      expect(r.arms.target.responders).toBe(Math.round(target * r.arms.target.n))
      expect(r.arms.control.responders).toBe(Math.round(control * r.arms.control.n))
    }
    expect(application!.uplift).toBeGreaterThan(0)
    expect(conversion!.significant).toBe(false)
    const decisions = await db.kysely.selectFrom('program_decisions as d').innerJoin('programs as p', 'p.id', 'd.program_id')
      .select(['d.author_login', 'd.from_status', 'd.to_status', 'd.snapshot']).where('p.code', '=', 'SAV-ONLINE').orderBy('d.id').execute()
    expect(decisions.map((d) => `${d.author_login}: ${d.from_status}→${d.to_status}`)).toEqual([
      'program_economist: draft→proposed', 'head: proposed→approved', 'program_economist: approved→pilot', 'head: pilot→evaluated',
    ])
    // The head's decision keeps the verdict as it stood.
    expect((decisions[3]!.snapshot as { verdict: { responses: unknown[] } }).verdict.responses).toHaveLength(3)
  })

  it('holds the pilot\'s SMS wave sent and finished: sent and delivered, refused, stopped by a STOP, with the gateway\'s reports', async () => {
    const wave = (await db.kysely.selectFrom('waves').select('id').where('channel', '=', 'sms').executeTakeFirstOrThrow()).id
    const sending = await viewWaveSending(db.kysely, wave)
    expect(sending).toMatchObject({ status: 'finished', offer: { code: 'SAV-PLUS-1', version: 1 }, unknown: 0, waiting: 0 })
    const target = await count(`SELECT count(*) AS n FROM wave_members WHERE wave_id = ${wave} AND "group" = 'target'`)
    expect(sending.queued).toBe(target)
    expect(sending.sent + sending.failed + sending.skipped_by_policy).toBe(target)
    expect(sending.failed).toBeGreaterThan(0)
    expect(sending.skipped).toEqual({ consent: sending.skipped_by_policy })
    expect(sending.skipped_by_policy).toBeGreaterThan(0)
    // Sent on the day the pilot ran, after its launch; the Far East's messages the next morning, in their hours.
    expect(sending.started_at!.slice(0, 10)).toBe('2026-10-12')
    const { rows } = await db.pool.query<{ delivery_status: string | null; n: number }>(
      `SELECT delivery_status, count(*)::int AS n FROM contacts WHERE wave_id = ${wave} AND status = 'sent' GROUP BY 1 ORDER BY 1`)
    const delivery = Object.fromEntries(rows.map((r) => [r.delivery_status ?? 'none', r.n]))
    expect(delivery.delivered).toBeGreaterThan(0.85 * sending.sent)
    expect(Object.keys(delivery).sort()).toEqual(['delivered', 'expired', 'failed', 'none'].filter((k) => k in delivery).sort())
    expect(delivery.failed).toBeGreaterThan(0)
    // Control members are never contacted.
    expect(await count(`SELECT count(*) AS n FROM contacts t JOIN wave_members m ON m.client_id = t.client_id AND m.wave_id = t.wave_id WHERE m."group" = 'control'`)).toBe(0)
  })

  it('holds the e-mail pilot sent through the engine: each target member sent once with its Message-ID or stopped by the policy, no control member', async () => {
    const wave = (await db.kysely.selectFrom('waves').select('id').where('channel', '=', 'email').executeTakeFirstOrThrow()).id
    const sending = await viewWaveSending(db.kysely, wave)
    expect(sending).toMatchObject({ status: 'finished', offer: { code: 'CC-120-DAYS', version: 1 }, failed: 0, unknown: 0, waiting: 0 })
    const target = await count(`SELECT count(*) AS n FROM wave_members WHERE wave_id = ${wave} AND "group" = 'target'`)
    expect(target).toBeGreaterThan(50)
    expect(await count(`SELECT count(*) AS n FROM contacts WHERE wave_id = ${wave}`)).toBe(target)
    expect(sending.sent + sending.skipped_by_policy).toBe(target)
    expect(sending.sent).toBeGreaterThan(0.3 * target)
    // Clients without consent or address are stopped by the policy, not sent.
    expect(Object.keys(sending.skipped).every((why) => ['consent', 'no_address'].includes(why))).toBe(true)
    expect(await count(`SELECT count(*) AS n FROM contacts WHERE wave_id = ${wave} AND status = 'sent'
      AND (provider_message_id NOT LIKE '<otklik.' || wave_id || '.' || client_id || '.' || id || '@bank.example>' OR address NOT LIKE '%@%' OR sent_at::date <> '2026-11-23')`)).toBe(0)
    expect(await count(`SELECT count(*) AS n FROM contacts t JOIN wave_members m ON m.client_id = t.client_id AND m.wave_id = t.wave_id WHERE m."group" = 'control'`)).toBe(0)
  })

  it('reports progress from 0 to all clients', () => {
    expect(progress[0]).toEqual([0, CLIENTS])
    expect(progress.at(-1)).toEqual([CLIENTS, CLIENTS])
    expect(progress.map(([done]) => done)).toEqual([...progress.map(([done]) => done)].sort((a, b) => a - b))
  })

  it.each([
    ['holdings → clients', 'SELECT count(*) AS n FROM holdings h LEFT JOIN clients c ON c.id = h.client_id WHERE c.id IS NULL'],
    ['holdings → products', 'SELECT count(*) AS n FROM holdings h LEFT JOIN products p ON p.code = h.product_code WHERE p.code IS NULL'],
    ['activity → clients', 'SELECT count(*) AS n FROM activity a LEFT JOIN clients c ON c.id = a.client_id WHERE c.id IS NULL'],
    ['consents → clients', 'SELECT count(*) AS n FROM consents k LEFT JOIN clients c ON c.id = k.client_id WHERE c.id IS NULL'],
    ['notes → clients and authors', `SELECT count(*) AS n FROM notes n LEFT JOIN clients c ON c.id = n.client_id
      LEFT JOIN users u ON u.id = n.author_id WHERE c.id IS NULL OR u.id IS NULL`],
    ['clients → branches of their region', `SELECT count(*) AS n FROM clients c LEFT JOIN branches b ON b.id = c.branch_id
      WHERE b.id IS NULL OR b.region_code IS DISTINCT FROM c.region_code`],
    ['VIP clients → personal managers of role manager', `SELECT count(*) AS n FROM clients c LEFT JOIN users u ON u.id = c.personal_manager_id
      WHERE c.vip AND (u.id IS NULL OR u.role <> 'manager')`],
    ['activity months within the 15 before today', `SELECT count(*) AS n FROM activity WHERE month < '2025-08-01' OR month > '2026-10-01'`],
  ])('keeps every reference: %s', async (_name, query) => {
    expect(await count(query)).toBe(0)
  })

  it('still checks foreign keys after the load', async () => {
    expect((await db.pool.query('SHOW session_replication_role')).rows[0].session_replication_role).toBe('origin')
    await expect(db.pool.query("INSERT INTO activity (client_id, month) VALUES (999999999, '2026-01-01')")).rejects.toThrow(/foreign key/)
  })

  it('creates the demo users, one per role with login = role, who sign in with password demo', async () => {
    const app = await buildTestServer(db, () => NOW)
    try {
      for (const role of [...ROLES, 'pm01']) {
        const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: role, password: 'demo' } })
        expect(response.statusCode, role).toBe(200)
        expect(response.json().user.role).toBe(role === 'pm01' ? 'manager' : role)
        expect(response.json().user.fullName).toMatch(/^\p{Script=Cyrillic}+ \p{Script=Cyrillic}+ \p{Script=Cyrillic}+$/u)
      }
      const wrong = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'admin', password: 'Demo' } })
      expect(wrong.statusCode).toBe(401)
    } finally {
      await app.close()
    }
  })

  it('keeps consent histories: opt-outs after a grant, and a current answer per channel', async () => {
    expect(await count(`SELECT count(*) AS n FROM (SELECT client_id, channel FROM consents GROUP BY 1, 2 HAVING count(*) > 1) h`)).toBeGreaterThan(100)
    const current = await db.pool.query<{ granted: boolean; n: string }>(`
      SELECT granted, count(*) AS n FROM (
        SELECT DISTINCT ON (client_id, channel) granted FROM consents ORDER BY client_id, channel, effective_at DESC
      ) c GROUP BY granted ORDER BY granted`)
    expect(current.rows.map((r) => r.granted)).toEqual([false, true])
  })

  it('has churned clients with reasons and closed products, and VIP clients', async () => {
    expect(await count(`SELECT count(*) AS n FROM clients WHERE status = 'churned' AND status_reason IS NOT NULL`)).toBeGreaterThan(100)
    expect(await count(`SELECT count(*) AS n FROM holdings h JOIN clients c ON c.id = h.client_id
      WHERE c.status = 'churned' AND h.closed_at IS NULL`)).toBe(0)
    expect(await count(`SELECT count(*) AS n FROM clients WHERE vip`)).toBeGreaterThan(10)
  })

  it('has what branches heard: requests over fifteen months, ideas with their evidence, tasks for IT, competitor offers', async () => {
    const months = await count(`SELECT count(DISTINCT date_trunc('month', created_at)) AS n FROM client_requests`)
    expect(await count('SELECT count(*) AS n FROM client_requests')).toBe(demoRequestCount(CLIENTS))
    expect(months).toBeGreaterThanOrEqual(12)
    const ideas = await db.pool.query<{ status: string; n: string }>(`SELECT status, count(*) AS n FROM product_ideas GROUP BY status ORDER BY status`)
    expect(ideas.rows.map((r) => r.status)).toEqual(['accepted', 'new', 'proposed', 'rejected', 'studying'])
    expect(await count('SELECT count(DISTINCT idea_id) AS n FROM product_idea_requests')).toBeGreaterThanOrEqual(8)
    expect(await count(`SELECT count(*) AS n FROM it_tasks WHERE status IN ('new', 'in_progress') AND due_date < '${NOW.toISOString().slice(0, 10)}'`)).toBeGreaterThan(0)
    expect(await count("SELECT count(*) AS n FROM notes WHERE kind = 'competitor_offer'")).toBeGreaterThan(0)
  })

  it('leaves the id sequences after the demo rows, the indexes in place and fresh statistics', async () => {
    const row = await db.kysely.insertInto('clients').values({ bank_id: 'X-1', full_name: 'Новый Клиент' }).returning('id').executeTakeFirstOrThrow()
    expect(row.id).toBe(CLIENTS + 1)
    await db.kysely.deleteFrom('clients').where('id', '=', row.id).execute()
    const fresh = await openTestDatabase()
    try {
      expect(await indexNames(db)).toEqual(await indexNames(fresh))
    } finally {
      await fresh.close()
    }
    const { rows } = await db.pool.query<{ reltuples: number }>(`SELECT reltuples FROM pg_class WHERE relname = 'activity'`)
    expect(Number(rows[0].reltuples)).toBeGreaterThan(10 * CLIENTS * 0.9)
  })

  it('refuses to load into a database that has clients, changing nothing', async () => {
    await expect(generateDemoBank(db, { clients: 10, seed: 1, now: NOW })).rejects.toMatchObject({ code: 'conflict' })
    expect(await count('SELECT count(*) AS n FROM clients')).toBe(CLIENTS)
  })

  it.each([
    [{ clients: 0, seed: 1 }],
    [{ clients: 1.5, seed: 1 }],
    [{ clients: 10, seed: -1 }],
  ])('refuses %j as invalid input', async (input) => {
    await expect(generateDemoBank(db, { ...input, now: NOW })).rejects.toMatchObject({ code: 'invalid_input' })
  })

  it('makes identical rows for the same seed and other rows for another seed', async () => {
    const expected = await fingerprint(db)
    const same = await openTestDatabase()
    const other = await openTestDatabase()
    try {
      await generateDemoBank(same, { clients: CLIENTS, seed: 11, now: NOW })
      await generateDemoBank(other, { clients: CLIENTS, seed: 12, now: NOW })
      expect(await fingerprint(same)).toEqual(expected)
      const differing = await fingerprint(other)
      for (const table of ['clients', 'holdings', 'activity', 'consents']) expect(differing[table]).not.toBe(expected[table])
    } finally {
      await same.close()
      await other.close()
    }
  })

  it.each([
    ['a failing step', (database: Database) => ({
      database,
      onProgress: (done: number) => {
        if (done >= 2_000) throw new Error('load failed')
      },
    })],
    ['a failing COPY while others run', (database: Database) => {
      let consentCopies = 0
      const copyIn: Database['copyIn'] = async (input) => {
        if (input.table === 'consents' && ++consentCopies === 2) throw new Error('load failed')
        return database.copyIn(input)
      }
      return { database: { ...database, copyIn }, onProgress: undefined }
    }],
  ])('leaves no clients and no demo users behind after %s', async (_name, failing) => {
    // Three chunks of 1,000 clients (copy-demo-clients.ts): the failure comes after some were copied.
    const database = await openTestDatabase()
    try {
      const { database: broken, onProgress } = failing(database)
      await expect(generateDemoBank(broken, { clients: 3_000, seed: 1, now: NOW, onProgress })).rejects.toThrow('load failed')
      const left = await sql<{ n: number }>`SELECT (SELECT count(*) FROM clients) + (SELECT count(*) FROM users) +
        (SELECT count(*) FROM holdings) + (SELECT count(*) FROM activity) + (SELECT count(*) FROM consents) AS n`.execute(database.kysely)
      expect(Number(left.rows[0].n)).toBe(0)
      expect(await indexNames(database)).toContain('clients_name_idx')
      const retry = await generateDemoBank(database, { clients: 100, seed: 1, now: NOW })
      expect(retry.clients).toBe(100)
      expect(retry.users).toBe(demoUsers(100).length)
    } finally {
      await database.close()
    }
  })
})
