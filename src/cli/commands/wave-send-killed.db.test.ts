import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { readConfig } from '../../config.ts'
import { openConfiguredDatabase } from '../../db/open-configured-database.ts'
import { createScratchDatabase } from '../../../test/open-test-database.ts'
import { seedSendWave, type SeededSendWave } from '../../../test/seed-send-wave.ts'
import { startSmtpSink, type SmtpSink } from '../../../test/smtp-sink.ts'
import { makeTempDir } from '../../../test/temp-files.ts'

// The exactly-once check: `otklik wave send` killed with SIGKILL in the middle of a wave of
// 2,000 members, started again, against a real SMTP server (smtp-server) with the relay's message
// tracking — on PGlite and on a PostgreSQL server. Every target member gets exactly one e-mail; no
// control member and no opted-out client gets any.
const ROOT = join(import.meta.dirname, '../../..')
const files = makeTempDir('otklik-send-killed-')
const serverUrl = process.env.OTKLIK_TEST_PG_URL
let scratch: { url: string; drop(): Promise<void> } | undefined
let sink: SmtpSink | undefined

afterAll(async () => {
  await sink?.close()
  files.remove()
  await scratch?.drop()
})

async function environment(): Promise<Record<string, string>> {
  if (!serverUrl) return { OTKLIK_DATA_DIR: join(files.dir, 'data'), DATABASE_URL: '' }
  scratch = await createScratchDatabase(serverUrl)
  return { DATABASE_URL: scratch.url }
}

async function seed(env: NodeJS.ProcessEnv): Promise<{ wave: SeededSendWave; optedOut: string[]; addresses: Map<number, string> }> {
  const db = await openConfiguredDatabase(readConfig(env))
  try {
    const wave = await seedSendWave(db, { code: 'KILL', members: 2000, channel: 'email' })
    const outIds = wave.clientIds.target.filter((_, i) => i % 97 === 5)
    await sql`INSERT INTO consents (client_id, channel, granted, effective_at, source)
      SELECT id, 'email', false, now() - interval '1 minute', 'unsubscribe_link' FROM clients WHERE id = ANY(${outIds}::bigint[])`.execute(db.kysely)
    const rows = await db.kysely.selectFrom('clients').select(['id', 'email']).where('bank_id', 'like', 'KILL-%').execute()
    const addresses = new Map(rows.map((r) => [Number(r.id), r.email!]))
    return { wave, optedOut: outIds.map((id) => addresses.get(id)!), addresses }
  } finally {
    await db.close()
  }
}

/** A child process run to its end without blocking this one: the SMTP server it talks to lives here. */
function run(bin: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [bin, ...args], { cwd: ROOT, env })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (data: Buffer) => (stdout += data.toString()))
  child.stderr.on('data', (data: Buffer) => (stderr += data.toString()))
  return new Promise((resolve) => child.once('exit', (status) => resolve({ status, stdout, stderr })))
}

describe('wave send, killed and started again', () => {
  it('is exactly-once: every target member gets one e-mail, no control member or opted-out client any', async () => {
    sink = await startSmtpSink()
    const env = { ...process.env, ...(await environment()), LOG_LEVEL: 'warn', OTKLIK_PROGRESS: '1', SMTP_URL: sink.url, SMTP_TRACKING_URL: sink.trackingUrl, SMTP_RATE: '300' }
    const { wave, optedOut, addresses } = await seed(env)
    const bin = join(ROOT, 'bin/otklik.js')

    const child = spawn(process.execPath, [bin, 'wave', 'send', String(wave.waveId), '--json'], { cwd: ROOT, env })
    let stderr = ''
    child.stderr.on('data', (data: Buffer) => (stderr += data.toString()))
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)))
    // Killed in the middle: some hundreds of e-mails accepted, most of the wave still to go.
    await expect.poll(() => sink!.messages.length, { timeout: 120_000 }).toBeGreaterThan(400)
    child.kill('SIGKILL')
    expect(await exited, stderr).toBe('SIGKILL')
    const before = sink.messages.length
    expect(before).toBeLessThan(1800)

    // Started again (on a server, the dead session's lock may take a moment to be freed).
    let result: Record<string, unknown> | undefined
    for (let attempt = 0; attempt < 20 && result === undefined; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 500))
      const again = await run(bin, ['wave', 'send', String(wave.waveId), '--json'], { ...env, SMTP_RATE: '2000' })
      if (again.status === 0) result = JSON.parse(again.stdout.trim().split('\n').at(-1)!)
      else expect(again.stderr).toMatch(/being sent by another process|sending_elsewhere/)
    }
    const targets = wave.clientIds.target.length
    expect(result).toMatchObject({ status: 'finished', queued: targets, sent: targets - optedOut.length, failed: 0, skipped_by_policy: optedOut.length, unknown: 0 })

    const counts = sink.countByRecipient()
    const reachable = wave.clientIds.target.map((id) => addresses.get(id)!).filter((a) => !optedOut.includes(a))
    expect(reachable.filter((address) => counts.get(address) !== 1)).toEqual([])
    expect(wave.clientIds.control.map((id) => addresses.get(id)!).filter((a) => counts.has(a))).toEqual([])
    expect(optedOut.filter((a) => counts.has(a))).toEqual([])
    expect(sink.messages.length).toBe(reachable.length)
  }, 600_000)
})
