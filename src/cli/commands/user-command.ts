import { text } from 'node:stream/consumers'
import type { Command } from 'commander'
import { setUserPassword } from '../../app/users/set-user-password.ts'
import { cliActor } from '../cli-actor.ts'
import { runCommand } from '../run-command.ts'

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('the users who sign in')
  user
    .command('password')
    .description('give a user a new password, read from stdin (first line); ends their sessions')
    .argument('<login>', 'the user\'s login')
    .action(async (login: string, _options: unknown, command: Command) => {
      // From stdin, never an argument: arguments are seen by every user of the machine (ps).
      if (process.stdin.isTTY) process.stderr.write(`New password for ${login} (then Enter, Ctrl-D): `)
      const password = (await text(process.stdin)).split(/\r?\n/)[0] ?? ''
      await runCommand(command, async ({ db }) => {
        await setUserPassword(db.kysely, { login, password, actor: cliActor() })
        return { json: { login, passwordChanged: true }, text: `the password of ${login} is changed; their sessions are ended` }
      })
    })
}
