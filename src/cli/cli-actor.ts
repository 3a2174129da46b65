import { userInfo } from 'node:os'
import type { AuditActor } from '../app/audit/record-audit-event.ts'

/** The CLI as the history and the audit log name it: 'cli:<system user>'. */
export function cliActor(): AuditActor {
  let name = 'cli'
  try {
    name = `cli:${userInfo().username}`
  } catch {
    // no user name in some containers
  }
  return { id: null, login: name }
}
