import { Presets, SingleBar } from 'cli-progress'
import { InvalidArgumentError, type Command } from 'commander'
import { generateDemoBank, MAX_DEMO_CLIENTS, type DemoBankCounts } from '../../app/demo/generate-demo-bank.ts'
import { runCommand } from '../run-command.ts'

function clientCount(value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN
  if (!(n >= 1 && n <= MAX_DEMO_CLIENTS)) throw new InvalidArgumentError(`must be a whole number from 1 to ${MAX_DEMO_CLIENTS.toLocaleString('en')}`)
  return n
}

function seed(value: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : Number.NaN
  if (!(n >= 1 && Number.isSafeInteger(n))) throw new InvalidArgumentError('must be a positive whole number')
  return n
}

function summary(counts: DemoBankCounts, seconds: number): string {
  const lines = Object.entries(counts).map(([table, n]) => `  ${table.padEnd(9)} ${n.toLocaleString('en').padStart(12)}`)
  return [`Demo bank loaded in ${seconds.toFixed(1)} s:`, ...lines, 'Demo logins (password "demo"): the role names (admin, head, analyst, …) and the personal managers pm01, pm02, …'].join('\n')
}

// The demo bank only goes into an empty client base; there is deliberately no --replace: wiping a
// bank's clients should never be one flag away. Use a new OTKLIK_DATA_DIR or database instead.
export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description('load a synthetic retail bank (regions, branches, products, demo users, clients with holdings, ' +
      'activity, consents and notes) into a database with no clients yet')
    .option('--clients <n>', 'clients to generate', clientCount, 100_000)
    .option('--seed <s>', 'random seed: the same seed gives the same bank', seed, 1)
    .action(async (options: { clients: number; seed: number }, command: Command) => {
      await runCommand(command, async ({ db }) => {
        const startedAt = performance.now()
        const bar = new SingleBar(
          {
            stream: process.stderr,
            format: 'Demo bank |{bar}| {percentage}% | {value}/{total} clients | {eta_formatted} left',
            etaBuffer: 20,
            // Not on a terminal (a log, CI): a progress line every ten seconds instead of a redrawn bar.
            noTTYOutput: true,
            notTTYSchedule: 10_000,
          },
          Presets.shades_classic,
        )
        // The bar appears once the load starts: not for a database the demo bank refuses.
        let barShown = false
        try {
          const counts = await generateDemoBank(db, {
            clients: options.clients,
            seed: options.seed,
            now: new Date(),
            onProgress: (done, total) => {
              if (barShown) return bar.update(done)
              bar.start(total, done)
              barShown = true
            },
          })
          return { json: counts, text: summary(counts, (performance.now() - startedAt) / 1000) }
        } finally {
          if (barShown) bar.stop()
        }
      })
    })
}
