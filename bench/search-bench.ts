import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import { toClientFilter, type ClientAccess } from '../src/app/clients/client-search.ts'
import { CLEARANCE } from '../src/core/clearance.ts'
import { normalizePhone } from '../src/core/normalize-phone.ts'
import { migrate } from '../src/db/migrate.ts'
import { openDatabase, type Database } from '../src/db/open-database.ts'
import { searchClients, type ClientPage } from '../src/db/stores/client-store.ts'
import { ensureDemoBank } from './ensure-demo-bank.ts'
import { timeInterleaved } from './time-interleaved.ts'

// `npm run bench -- search --clients 1000000 [--runs 7] [--json]`
//
// On the PostgreSQL server in DATABASE_URL, over the demo bank (generated, or reused when the
// database holds exactly that many clients): the first page of the client list (50 by name, with
// the total) for texts people type, through Otklik's search (client-store.ts, migration 0005) and
// through the query it replaced (issue 6: three btree name-prefix indexes, every match
// materialised, counted and sorted; its indexes of migration 0003 are re-created for the run and
// dropped after). Each is also set against the cheapest search there is, an exact bank id.
// Medians of --runs warm runs, the contestants taking turns; a table on stderr, with --json one
// line of JSON last on stdout.

const PAGE: ClientPage = { sort: 'fullName', order: 'asc', limit: 50, offset: 0 }
const HEAD: ClientAccess = { cleared: CLEARANCE.head, scope: { kind: 'bank' } }

type Found = { total: number; first: string | null }
type SearchResult = { text: string; what: string; total: number; old_total: number | null; ms: number; old_ms: number | null; ratio_vs_old: number | null; ratio_vs_id: number }

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { clients: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '7' }, json: { type: 'boolean', default: false } } })
  const url = process.env.DATABASE_URL
  if (!url) {
    process.stderr.write('bench search: set DATABASE_URL to the PostgreSQL server to benchmark on, e.g.\n' +
      '  createdb -h 127.0.0.1 -U postgres otklik_bench\n' +
      '  DATABASE_URL=postgres://postgres@127.0.0.1:5432/otklik_bench npm run bench -- search --clients 100000\n')
    process.exitCode = 2
    return
  }
  const clients = Number(values.clients)
  const runs = Number(values.runs)
  if (!Number.isInteger(clients) || clients <= 0 || !Number.isInteger(runs) || runs <= 0) throw new Error('--clients and --runs must be positive whole numbers')
  const db = await openDatabase({ url, dataDir: '' })
  try {
    await migrate(db)
    await ensureDemoBank(db, clients)
    await sql`ANALYZE clients`.execute(db.kysely)
    const sample = await sampleClient(db)
    const texts: [string, string][] = [
      ['Иванов', 'a common surname'],
      ['Ив', 'a broad two-letter prefix'],
      ['Александр', 'a common first name'],
      [sample.firstNameFirst, 'first name, then surname'],
      [sample.initials, 'surname and initials'],
      [sample.withYo ?? 'Семенова', 'е typed for ё'],
      [sample.phoneEnd, 'the last 7 digits of a phone'],
      [sample.bankIdLower, 'a bank id in lower case, without zeros'],
    ]
    log('re-creating the indexes of the query before issue 6 for the comparison…')
    await createOldIndexes(db)
    const results: SearchResult[] = []
    try {
      for (const [text, what] of texts) results.push(await benchText({ db, text, what, idText: sample.bankId, runs }))
    } finally {
      await dropOldIndexes(db)
    }
    const summary = { clients, runs, searches: results, ratio_vs_old: geometricMean(results.flatMap((r) => (r.ratio_vs_old === null ? [] : [r.ratio_vs_old]))) }
    printTable(summary)
    if (values.json) process.stdout.write(`${JSON.stringify(summary)}\n`)
  } finally {
    await db.close()
  }
}

async function benchText(input: { db: Database; text: string; what: string; idText: string; runs: number }): Promise<SearchResult> {
  const { db, text, what, idText, runs } = input
  log(`${what}: «${text}»`)
  const oldApplies = !/^[\d\s()+\-.]+$/.test(text) || normalizePhone(text) !== undefined
  const timings = await timeInterleaved(runs, {
    search: () => otklikSearch(db, text),
    exactId: () => otklikSearch(db, idText),
    ...(oldApplies && { old: () => oldSearch(db, text) }),
  })
  const old = 'old' in timings ? (timings.old as { ms: number; result: Found }) : undefined
  // A time is set against the old one only for the same answer: finding nothing is no race.
  const same = old !== undefined && old.result.total === timings.search.result.total
  return {
    text,
    what,
    total: timings.search.result.total,
    old_total: old?.result.total ?? null,
    ms: timings.search.ms,
    old_ms: old?.ms ?? null,
    ratio_vs_old: same ? round(timings.search.ms / old.ms) : null,
    ratio_vs_id: round(timings.search.ms / timings.exactId.ms),
  }
}

async function otklikSearch(db: Database, text: string): Promise<Found> {
  const { total, items } = await searchClients(db.kysely, { filter: toClientFilter({ q: text }, HEAD), page: PAGE })
  return { total, first: items[0]?.bankId ?? null }
}

// The search before issue 6 (client-store.ts at 5c6fd6f), as it ran: bank id and phone exactly,
// a name by the prefix of its first, second or third word, every match materialised and sorted.
async function oldSearch(db: Database, text: string): Promise<Found> {
  const trimmed = text.trim()
  const phone = normalizePhone(trimmed) ?? null
  const prefix = /\p{L}/u.test(trimmed) ? `${trimmed.toLowerCase().replace(/\s+/g, ' ').replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null
  const { rows } = await sql<{ bank_id: string; total: number }>`
    WITH found AS MATERIALIZED (
      SELECT clients.id, clients.bank_id, clients.full_name, clients.birth_date, clients.phone, clients.email, clients.gender,
        clients.segment, clients.vip, clients.status, branches.code, branches.name, clients.region_code, clients.client_since, clients.monthly_income
      FROM clients LEFT JOIN branches ON branches.id = clients.branch_id
      WHERE clients.bank_id = ${trimmed}
        OR (${phone}::text IS NOT NULL AND clients.phone = ${phone})
        OR (${prefix}::text IS NOT NULL AND (lower(clients.full_name) LIKE ${prefix}
          OR substring(lower(clients.full_name) from '^[^ ]+ +(.*)$') LIKE ${prefix}
          OR substring(lower(clients.full_name) from '^[^ ]+ +[^ ]+ +(.*)$') LIKE ${prefix}))
    )
    SELECT bank_id, count(*) OVER () AS total FROM found ORDER BY full_name, id LIMIT 50
  `.execute(db.kysely)
  return { total: Number(rows[0]?.total ?? 0), first: rows[0]?.bank_id ?? null }
}

async function createOldIndexes(db: Database): Promise<void> {
  await sql`
    CREATE INDEX IF NOT EXISTS bench_old_name_tail2_idx ON clients ((substring(lower(full_name) from '^[^ ]+ +(.*)$')) text_pattern_ops);
    CREATE INDEX IF NOT EXISTS bench_old_name_tail3_idx ON clients ((substring(lower(full_name) from '^[^ ]+ +[^ ]+ +(.*)$')) text_pattern_ops);
    ANALYZE clients;
  `.execute(db.kysely)
}

async function dropOldIndexes(db: Database): Promise<void> {
  await sql`DROP INDEX IF EXISTS bench_old_name_tail2_idx, bench_old_name_tail3_idx`.execute(db.kysely)
}

/** Texts made from a real client of the bench bank: its name turned round, its initials, its phone's end. */
async function sampleClient(db: Database) {
  const rows = await db.kysely
    .selectFrom('clients')
    .select(['bank_id', 'full_name', 'phone'])
    .where('phone', 'is not', null)
    .where('full_name', 'like', '% % %')
    .orderBy('id')
    .limit(200)
    .execute()
  const client = rows[Math.floor(rows.length / 2)]
  if (!client) throw new Error('the bench bank has no client with a phone and a three-word name')
  const [surname, firstName, patronymic] = client.full_name.split(' ') as [string, string, string]
  const withYo = rows.map((r) => r.full_name.split(' ')[0]!).find((name) => name.includes('ё'))
  return {
    bankId: client.bank_id,
    bankIdLower: client.bank_id.toLowerCase().replace(/(\D)0+(\d)/, '$1$2'),
    firstNameFirst: `${firstName} ${surname}`,
    initials: `${surname} ${firstName[0]}.${patronymic[0]}.`,
    withYo: withYo?.replaceAll('ё', 'е'),
    phoneEnd: client.phone!.slice(-7).replace(/^(\d{3})(\d{2})(\d{2})$/, '$1-$2-$3'),
  }
}

function printTable(summary: { clients: number; searches: SearchResult[]; ratio_vs_old: number }): void {
  log(`\nclient search at ${summary.clients.toLocaleString('en')} clients (first page of 50 by name, with the total; median ms)`)
  log('text                           found     ms   before  found before  ×before  ×exact id')
  for (const r of summary.searches) {
    log(`${`«${r.text}»`.padEnd(30)} ${String(r.total).padStart(6)} ${r.ms.toFixed(1).padStart(6)} ${r.old_ms === null ? '     —' : r.old_ms.toFixed(1).padStart(8)} ${r.old_total === null ? '           —' : String(r.old_total).padStart(12)} ${r.ratio_vs_old === null ? '      —' : r.ratio_vs_old.toFixed(2).padStart(8)} ${r.ratio_vs_id.toFixed(1).padStart(10)}`)
  }
  log(`geometric mean of the time against the query before, where both found the same: ×${summary.ratio_vs_old.toFixed(2)}`)
}

function geometricMean(values: number[]): number {
  return values.length === 0 ? Number.NaN : round(Math.exp(values.reduce((s, v) => s + Math.log(v), 0) / values.length))
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}

function log(text: string): void {
  process.stderr.write(`${text}\n`)
}
