import type { Command } from 'commander'
import { startOtklik } from '../../main.ts'

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('start the web UI and API (loads the demo bank into an empty database first)')
    .option('--no-demo', 'do not load the demo bank into an empty database')
    .option('--demo-clients <n>', 'clients in the demo bank', '100000')
    .action(async (options: { demo: boolean; demoClients: string }) => {
      await startOtklik({ loadDemo: options.demo, demoClients: Number(options.demoClients) })
    })
}
