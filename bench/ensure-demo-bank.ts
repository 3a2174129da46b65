import { generateDemoBank } from '../src/app/demo/generate-demo-bank.ts'
import type { Database } from '../src/db/open-database.ts'
import { BENCH_TODAY } from './standard-selections.ts'

/**
 * The demo bank of exactly `clients` clients in the benchmark's database: reused when it is there
 * (generating a million takes long), generated into an empty base, refused over any other base.
 */
export async function ensureDemoBank(db: Database, clients: number): Promise<void> {
  const { n } = await db.kysely.selectFrom('clients').select((e) => e.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  if (Number(n) === clients) return log(`reusing the bank of ${clients.toLocaleString('en')} clients`)
  if (Number(n) > 0) {
    throw new Error(`the database has ${Number(n).toLocaleString('en')} clients, not ${clients.toLocaleString('en')}: use a new database for this size`)
  }
  log(`generating the demo bank: ${clients.toLocaleString('en')} clients…`)
  let shown = 0
  const started = performance.now()
  await generateDemoBank(db, {
    clients,
    seed: 1,
    now: new Date(`${BENCH_TODAY}T12:00:00Z`),
    onProgress: (done, total) => {
      if (done - shown < total / 20 && done < total) return
      shown = done
      process.stderr.write(`\r  ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`)
    },
  })
  log(`\n  done in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

function log(text: string): void {
  process.stderr.write(`${text}\n`)
}
