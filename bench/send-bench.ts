import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createSmtpChannel } from '../src/app/channels/smtp-channel.ts'
import { sendWave } from '../src/app/wave/send-wave.ts'
import { migrate } from '../src/db/migrate.ts'
import { openDatabase, type Database } from '../src/db/open-database.ts'
import { readLinkSecret } from '../src/db/stores/link-secret-store.ts'
import { findOfferVersion } from '../src/db/stores/offer-store.ts'
import { seedSendWave } from '../test/seed-send-wave.ts'
import { BENCH_EMAIL_TEMPLATE } from './bench-email-template.ts'
import { createScratchDatabase } from './create-scratch-database.ts'
import { sendBaseline } from './send-baseline.ts'
import { startCountingSink, type CountingSink } from './smtp-count-sink.ts'

// `npm run bench -- send --members 100000 [--connections 4] [--json]`: a pilot wave of that many
// members (every tenth in control) with a 4 KB offer letter, sent by sendWave end to end — queue,
// claim with the policy re-check, LiquidJS, nodemailer's pool, recorded outcomes — to an SMTP sink
// in another process; and, in the same run, the baseline (send-baseline.ts) before and after it,
// so that a burst of load elsewhere on the machine falls on both. Embedded PGlite in a temporary
// directory, or a scratch database on the server in DATABASE_URL. Prints messages/s of each, their
// ratio and the peak resident memory sampled while the engine sent.

const FROM = 'Банк <news@bank.example>'
const PUBLIC_URL = 'https://bank.example'
// A message the run could not send (a stall of this busy machine past the template's time limit)
// is tried again within the same run, so that the run ends with the whole wave sent.
const RETRY_AT_ONCE = { maxAttempts: 3, firstDelayMs: 0, maxDelayMs: 0 }

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { members: { type: 'string', default: '100000' }, connections: { type: 'string', default: '4' }, json: { type: 'boolean', default: false } } })
  const members = Number(values.members)
  const connections = Number(values.connections)
  if (!Number.isInteger(members) || members < 10) throw new Error('--members must be a whole number from 10')
  if (!Number.isInteger(connections) || connections < 1) throw new Error('--connections must be a whole number from 1')
  const { db, dispose } = await openBenchDatabase()
  const sink = await startCountingSink()
  try {
    const result = await measure(db, sink, { members, connections })
    if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`)
    else {
      process.stdout.write(
        `Otklik sendWave: ${result.messages_per_s.toLocaleString('en')} messages/s (${result.messages.toLocaleString('en')} in ${result.seconds} s, ` +
          `${connections} SMTP connections, peak RSS ${result.peak_rss_mb} MB)\n` +
          `baseline (string replacement, one SMTP connection): ${result.baseline_per_s.toLocaleString('en')} messages/s\n` +
          `ratio: ${result.ratio}\n`,
      )
    }
  } finally {
    await sink.close()
    await dispose()
  }
}

async function measure(db: Database, sink: CountingSink, options: { members: number; connections: number }) {
  log(`seeding a wave of ${options.members.toLocaleString('en')} members…`)
  const wave = await seedSendWave(db, { code: 'BENCH', members: options.members, channel: 'email' })
  await db.kysely.updateTable('offer_templates').set(BENCH_EMAIL_TEMPLATE).where('offer_id', '=', wave.offerId).where('channel', '=', 'email').execute()
  await db.kysely.updateTable('offers').set({ valid_from: '2026-01-01', valid_until: '2099-12-31' }).where('id', '=', wave.offerId).execute()
  const offer = (await findOfferVersion(db.kysely, wave.offerId))!
  const baselineInput = { db, waveId: wave.waveId, offer, linkSecret: await readLinkSecret(db.kysely), smtpUrl: sink.url, publicUrl: PUBLIC_URL, from: FROM }
  const targets = wave.clientIds.target.length

  const baseline = async (label: string) => {
    log(`baseline (${label})…`)
    const before = await sink.counts()
    const cpu = process.cpuUsage()
    const { seconds, value: sent } = await timed(() => sendBaseline(baselineInput))
    const cpuUsed = process.cpuUsage(cpu)
    log(`  ${Math.round((cpuUsed.user + cpuUsed.system) / targets)} µs CPU a message`)
    const after = await sink.counts()
    if (sent !== targets || after.messages - before.messages !== targets) throw new Error(`the baseline sent ${sent}, the sink got ${after.messages - before.messages}, not ${targets}`)
    if (after.connections - before.connections !== 1) throw new Error(`the baseline used ${after.connections - before.connections} SMTP connections, not one`)
    log(`  ${seconds.toFixed(2)} s`)
    return seconds
  }

  const firstBaseline = await baseline('before')
  log('Otklik sendWave…')
  const before = await sink.counts()
  const email = createSmtpChannel({ url: sink.url, from: FROM, ratePerSecond: 1_000_000, connections: options.connections })
  const rss = sampleRss()
  const cpu = process.cpuUsage()
  const { seconds, value: result } = await timed(() =>
    sendWave(db, { waveId: wave.waveId, channels: { email }, publicUrl: PUBLIC_URL, actor: { id: null, login: 'bench' }, owner: { bench: true }, retry: RETRY_AT_ONCE }).finally(() => email.close()),
  )
  const peakRss = rss.stop()
  const cpuUsed = process.cpuUsage(cpu)
  const after = await sink.counts()
  if (result.sent !== targets || after.messages - before.messages !== targets) {
    const unsent = await db.kysely.selectFrom('contacts').select(['status', 'error', 'attempts']).where('wave_id', '=', wave.waveId).where('status', '<>', 'sent').limit(5).execute()
    throw new Error(`sendWave sent ${result.sent}, the sink got ${after.messages - before.messages}, not ${targets}: ${JSON.stringify({ result, unsent })}`)
  }
  log(`  ${seconds.toFixed(2)} s`)
  const secondBaseline = await baseline('after')

  const baselineSeconds = (firstBaseline + secondBaseline) / 2
  return {
    members: options.members,
    messages: targets,
    seconds: round(seconds, 2),
    messages_per_s: Math.round(targets / seconds),
    baseline_per_s: Math.round(targets / baselineSeconds),
    ratio: round(baselineSeconds / seconds, 3),
    peak_rss_mb: round(peakRss / 1024 ** 2, 1),
    smtp_connections: options.connections,
    /** This process's CPU per message while the engine sent: steadier than the wall clock on a busy machine. */
    cpu_us_per_message: Math.round((cpuUsed.user + cpuUsed.system) / targets),
    database: db.kind,
    kb_per_message: round((after.bytes - before.bytes) / targets / 1024, 1),
  }
}

async function openBenchDatabase(): Promise<{ db: Database; dispose(): Promise<void> }> {
  const url = process.env.DATABASE_URL
  if (url) {
    const scratch = await createScratchDatabase(url)
    const db = await openDatabase({ url: scratch.url, dataDir: '' })
    await migrate(db)
    return { db, dispose: async () => (await db.close(), await scratch.drop()) }
  }
  const dir = await mkdtemp(join(tmpdir(), 'otklik-send-bench-'))
  const db = await openDatabase({ dataDir: dir })
  await migrate(db)
  return { db, dispose: async () => (await db.close(), await rm(dir, { recursive: true, force: true })) }
}

/** The resident set size, sampled every 50 ms until stopped; returns the peak. */
function sampleRss(): { stop(): number } {
  let peak = process.memoryUsage.rss()
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50)
  return {
    stop() {
      clearInterval(timer)
      return Math.max(peak, process.memoryUsage.rss())
    },
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; value: T }> {
  const started = performance.now()
  const value = await work()
  return { seconds: (performance.now() - started) / 1000, value }
}

function log(text: string): void {
  process.stderr.write(`${text}\n`)
}

function round(value: number, digits: number): number {
  return Number(value.toFixed(digits))
}
