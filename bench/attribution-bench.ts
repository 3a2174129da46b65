import { parseArgs } from 'node:util'
import { sql } from 'kysely'
import { attributeResponses } from '../src/app/response/attribute-responses.ts'
import { attributionRange } from '../src/app/response/attribution-range.ts'
import { DEFAULT_ATTRIBUTION_DAYS } from '../src/core/program/attribution-window.ts'
import { migrate } from '../src/db/migrate.ts'
import { openDatabase, type Database } from '../src/db/open-database.ts'
import { currentContactPolicy } from '../src/db/stores/policy-store.ts'
import { createScratchDatabase } from './create-scratch-database.ts'
import { timeInterleaved } from './time-interleaved.ts'

// `npm run bench -- attribution --contacts 1000000 [--runs 3] [--range IDS] [--json]` (issue 9, benchmark)
//
// On a PostgreSQL server — a scratch database on OTKLIK_BENCH_PG_URL (default the local server),
// dropped afterwards — a bank with overlapping programs: 6 programs of 2 waves each, whose rules,
// windows (14, 30, 60 days) and priorities differ, and --contacts wave memberships (target
// contacts and control members, ~2.5 per client), with as many clients' events without a program.
// Otklik's attribution (app/response/attribute-responses.ts: range by range, each range a short
// transaction) is timed against one hand-written SQL query doing the same attribution in one
// statement, written another way (rules as rows, a window function instead of DISTINCT ON), both
// writing their answer into a table. The two answers are compared row by row: the benchmark fails
// if they differ anywhere. Medians of --runs warm runs, taking turns; one line of JSON last with --json.

const PROGRAMS = [
  { rules: [{ type: 'conversion', productType: 'credit_card' }], days: 30, priority: 100 },
  { rules: [{ type: 'balance', productType: 'term_deposit', minValue: '50000' }], days: 60, priority: 10 },
  { rules: [{ type: 'conversion' }, { type: 'application' }], days: 14, priority: 50 },
  { rules: [{ type: 'conversion', productType: 'debit_card' }], days: 30, priority: 100 },
  { rules: [{ type: 'balance', minValue: '1000' }], days: 30, priority: 100 },
  { rules: [{ type: 'visit' }, { type: 'conversion', productType: 'credit_card' }], days: 14, priority: 20 },
]

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { contacts: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '3' }, range: { type: 'string' }, json: { type: 'boolean', default: false } } })
  const contacts = Number(values.contacts)
  const runs = Number(values.runs)
  if (!Number.isInteger(contacts) || contacts < 1000 || !Number.isInteger(runs) || runs <= 0) throw new Error('--contacts must be a whole number of at least 1000, --runs a positive whole number')
  const scratch = await createScratchDatabase(process.env.OTKLIK_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres')
  const db = await openDatabase({ url: scratch.url, dataDir: '' })
  try {
    await migrate(db)
    log(`seeding ${contacts} memberships and ${contacts} events…`)
    const seeded = await seed(db, contacts)
    log(`${seeded.clients} clients, ${seeded.members} memberships, ${seeded.events} events`)
    const k = db.kysely
    const timings = await timeInterleaved(runs, {
      otklik: async () => {
        await sql`TRUNCATE response_attributions`.execute(k)
        return (await attributeResponses(k, { actor: { id: null, login: 'bench' }, clientsPerRange: values.range === undefined ? attributionRange(db.kind) : Number(values.range) })).attributed
      },
      one_query: async () => {
        await sql`TRUNCATE bench_attributions`.execute(k)
        return handWritten(db)
      },
    })
    const mismatches = await compare(db)
    if (mismatches !== 0) throw new Error(`the two attributions differ on ${mismatches} events`)
    const summary = {
      contacts: seeded.members,
      events: seeded.events,
      attributed: timings.otklik.result,
      otklik_ms: timings.otklik.ms,
      one_query_ms: timings.one_query.ms,
      ratio: Math.round((timings.otklik.ms / timings.one_query.ms) * 100) / 100,
      same_attribution: true,
      runs,
    }
    log(`Otklik ${summary.otklik_ms} ms, one query ${summary.one_query_ms} ms: ratio ${summary.ratio}; both attribute ${summary.attributed} of ${summary.events} events alike`)
    if (values.json) process.stdout.write(`${JSON.stringify(summary)}\n`)
  } finally {
    await db.close()
    await scratch.drop()
  }
}

async function seed(db: Database, contacts: number): Promise<{ clients: number; members: number; events: number }> {
  const k = db.kysely
  const clients = Math.round(contacts / 2.5)
  await sql`INSERT INTO products (code, type, name) VALUES ('B-CC','credit_card','Card'), ('B-DC','debit_card','Debit'), ('B-DEP','term_deposit','Deposit')`.execute(k)
  await sql`INSERT INTO clients (bank_id, full_name) SELECT 'B' || g, 'Client ' || g FROM generate_series(1, ${clients}) g`.execute(k)
  const { version } = await currentContactPolicy(k)
  const waves: number[] = []
  for (const [i, p] of PROGRAMS.entries()) {
    const program = await k.insertInto('programs').values({
      code: `BENCH-${i}`, name: `Bench ${i}`, seed: `BENCH-${i}`,
      response_definition: JSON.stringify({ rules: p.rules, priority: p.priority }), business_case: JSON.stringify({ attributionDays: p.days }),
    }).returning('id').executeTakeFirstOrThrow()
    for (let w = 0; w < 2; w++) {
      // Waves from January to June, some of them on the same instant (programs 0 and 3).
      const builtAt = new Date(Date.UTC(2026, 0, 5 + (i % 3) * 9 + w * 70, 9)).toISOString()
      const wave = await k.insertInto('waves').values({
        program_id: program.id, kind: w === 0 ? 'pilot' : 'rollout', channel: 'email', rule: JSON.stringify({ field: 'vip', op: 'is_false' }),
        policy_version: version, policy: '{}', seed: `BENCH-${i}`, control_share: 0.5, include_holdout: false, as_of: builtAt.slice(0, 10), built_at: builtAt,
      }).returning('id').executeTakeFirstOrThrow()
      waves.push(wave.id)
    }
  }
  // Each wave takes ~21% of the clients by a hash of (client, wave): 12 waves, ~2.5 per client.
  for (const [i, waveId] of waves.entries()) {
    await sql`
      INSERT INTO wave_members (client_id, wave_id, "group")
      SELECT id, ${waveId}, CASE WHEN (id + ${i}) % 2 = 0 THEN 'target' ELSE 'control' END
      FROM clients WHERE (id * 7919 + ${i * 104729}) % 1000 < ${Math.round((contacts / clients / waves.length) * 1000)}
    `.execute(k)
  }
  // As many events as memberships, over 200 days from 1 January: four types, three products.
  await sql`
    INSERT INTO responses (client_id, program_id, wave_id, type, responded_at, value, source, product_code)
    SELECT (g::bigint * 2654435761) % ${clients} + 1, NULL, NULL,
      (ARRAY['conversion','balance','application','visit'])[g % 4 + 1],
      timestamptz '2026-01-01 00:00:00+00' + make_interval(mins => ((g::bigint * 37) % (200 * 1440))::int),
      CASE WHEN g % 4 = 1 THEN ((g::bigint * 7) % 150000) ELSE NULL END, 'import',
      (ARRAY['B-CC','B-DC','B-DEP'])[g % 3 + 1]
    FROM generate_series(1, ${contacts}) g
    ON CONFLICT DO NOTHING
  `.execute(k)
  await sql`CREATE TABLE bench_attributions (client_id bigint, response_id bigint, program_id integer, wave_id integer, PRIMARY KEY (client_id, response_id))`.execute(k)
  await sql`ANALYZE`.execute(k)
  const count = async (table: string) => Number((await sql<{ n: string }>`SELECT count(*)::text AS n FROM ${sql.table(table)}`.execute(k)).rows[0].n)
  return { clients, members: await count('wave_members'), events: await count('responses') }
}

/** The same rule, written by hand as one statement: rules as rows, the winner by row_number(). */
async function handWritten(db: Database): Promise<number> {
  const result = await sql`
    INSERT INTO bench_attributions (client_id, response_id, program_id, wave_id)
    SELECT client_id, response_id, program_id, wave_id FROM (
      SELECT r.client_id, r.id AS response_id, w.program_id, w.id AS wave_id,
        row_number() OVER (PARTITION BY r.client_id, r.id
          ORDER BY w.built_at DESC, (g.response_definition->>'priority')::int, w.id DESC) AS rank
      FROM responses r
      JOIN wave_members m ON m.client_id = r.client_id
      JOIN waves w ON w.id = m.wave_id
      JOIN programs g ON g.id = w.program_id
      LEFT JOIN products pr ON pr.code = r.product_code
      WHERE r.program_id IS NULL
        AND r.responded_at >= w.built_at
        AND r.responded_at < w.built_at + make_interval(hours => 24 * COALESCE((g.business_case->>'attributionDays')::int, ${DEFAULT_ATTRIBUTION_DAYS}))
        AND EXISTS (
          SELECT 1 FROM jsonb_to_recordset(g.response_definition->'rules') AS x(type text, "productType" text, source text, "minValue" numeric)
          WHERE x.type = r.type AND (x."productType" IS NULL OR x."productType" = pr.type)
            AND (x.source IS NULL OR x.source = r.source) AND (x."minValue" IS NULL OR r.value >= x."minValue")
        )
    ) ranked WHERE rank = 1
  `.execute(db.kysely)
  return Number(result.numAffectedRows ?? 0)
}

async function compare(db: Database): Promise<number> {
  const result = await sql<{ n: string }>`
    SELECT count(*)::text AS n FROM response_attributions a FULL JOIN bench_attributions b USING (client_id, response_id)
    WHERE a.program_id IS DISTINCT FROM b.program_id OR a.wave_id IS DISTINCT FROM b.wave_id
  `.execute(db.kysely)
  return Number(result.rows[0].n)
}

function log(text: string): void {
  process.stderr.write(`bench attribution: ${text}\n`)
}
