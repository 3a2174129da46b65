import { runImport, type ImportOutcome } from '../src/app/import/run-import.ts'
import { openDatabase } from '../src/db/open-database.ts'

// The Otklik side of the import benchmark, in a process of its own so that its peak memory is the
// import's alone: `process.send` reports the time, the outcome and the peak resident set size.
export type ImportChildReport = { seconds: number; outcome: ImportOutcome; maxRssBytes: number }

const [url, file] = process.argv.slice(2)
const db = await openDatabase({ url, dataDir: '' })
try {
  const started = performance.now()
  const outcome = await runImport(db, { kind: 'clients', path: file, fileName: 'bench-clients.csv', dryRun: false, user: { id: null, login: 'bench' } })
  const seconds = (performance.now() - started) / 1000
  const report: ImportChildReport = { seconds, outcome, maxRssBytes: process.resourceUsage().maxRSS * 1024 }
  process.send!(report)
} finally {
  await db.close()
}
