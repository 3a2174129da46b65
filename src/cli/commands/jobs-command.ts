import type { Command } from 'commander'
import { z } from 'zod'
import { viewJobs } from '../../app/jobs/view-jobs.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { runCommand } from '../run-command.ts'

// `otklik jobs`: the server's background work (pg-boss queues on the same database), as the jobs
// page shows it: waiting, running and failed jobs per queue, the latest jobs, the profile refresh.
export function registerJobsCommand(program: Command): void {
  program
    .command('jobs')
    .description('the background jobs (imports, profile refreshes): per queue, the latest ones, the profile refresh progress')
    .option('--limit <n>', 'how many of the latest jobs', '20')
    .action(async (options: { limit: string }, cmd: Command) => {
      await runCommand(cmd, async ({ db }) => {
        const limit = z.coerce.number().int().min(1).max(200).safeParse(options.limit)
        if (!limit.success) throw new DomainError('invalid_input', '--limit must be a whole number from 1 to 200', reason('cli.bad_limit', { max: 200 }))
        const view = await viewJobs(db, { limit: limit.data })
        const queues = view.queues.map((q) => `${q.queue}: waiting ${q.waiting}, running ${q.running}, completed ${q.completed}, failed ${q.failed}`)
        const jobs = view.jobs.map((j) => `  ${j.createdAt} ${j.queue} ${j.state}${j.retryCount ? ` (retry ${j.retryCount})` : ''} ${JSON.stringify(j.data)}${j.output ? ` → ${JSON.stringify(j.output)}` : ''}`)
        const profile = view.profile
          ? [`selection profile as of ${view.profile.asOf}: ${view.profile.rebuilding ? `rebuilding, ${view.profile.refreshed} of ${view.profile.clients} clients` : `${view.profile.clients} clients, up to date`}`]
          : ['selection profile: not built yet']
        return { json: view, text: [...(queues.length ? queues : ['no job queues yet (the server starts them)']), ...jobs, ...profile].join('\n') }
      })
    })
}
