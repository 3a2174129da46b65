import type { Command } from 'commander'
import { setBranchStaffScope } from '../../app/clients/set-branch-staff-scope.ts'
import { BRANCH_STAFF_SCOPES } from '../../core/client-scope.ts'
import { cliActor } from '../cli-actor.ts'
import { runCommand } from '../run-command.ts'

export function registerAccessCommands(program: Command): void {
  const access = program.command('access').description('the bank\'s access settings')
  access
    .command('branch-scope')
    .description(`which clients branch staff see: ${BRANCH_STAFF_SCOPES.join(', ')} (default branch: their own branch's)`)
    .argument('<scope>', BRANCH_STAFF_SCOPES.join(', '))
    .action(async (scope: string, _options: unknown, command: Command) => {
      await runCommand(command, async ({ db }) => {
        const saved = await setBranchStaffScope(db.kysely, { scope, actor: cliActor() })
        return { json: { branchStaffScope: saved }, text: `branch staff now see the clients of: ${saved}` }
      })
    })
}
