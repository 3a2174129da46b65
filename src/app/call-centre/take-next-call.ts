import type { Kysely } from 'kysely'
import type { CallCard } from '../../contract/call-centre-schemas.ts'
import { checkContactWindow, type ContactWindow } from '../../core/execution/contact-window.ts'
import type { Schema } from '../../db/schema.ts'
import { recordCallContact } from '../../db/stores/call-outcome-store.ts'
import { claimCallTask, lockDueCallTasks, lockOperatorQueue, moveCallTask, policyVerdicts, type LockedCallTask } from '../../db/stores/call-task-store.ts'
import { readContactWindow } from '../../db/stores/contact-window-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { callWaveContext, type CallWaveContext } from './call-wave-context.ts'
import { viewCallCard } from './view-call-card.ts'

// Candidates looked at per request: the ones the policy takes off or the window holds back are
// moved out of the queue as they are met, so a later request does not meet them again.
const LOOK_AT = 50

/**
 * Preview dialing: claims the operator's next due client in one short transaction and returns the
 * card the call needs. Each candidate is checked again as it is taken: the contact policy now (a
 * refusal or a complaint since the list was built takes the client off), the program's end, and
 * the client's local calling window (outside it, the task waits for the window to open). Two
 * operators never get the same client: a candidate is locked with SKIP LOCKED, one at a time so
 * that operators asking at once each find one; one operator's requests run one after another.
 */
export async function takeNextCall(db: Kysely<Schema>, input: { operator: SessionUser; now: Date }): Promise<CallCard | null> {
  const window = await readContactWindow(db)
  const contexts = new Map<number, CallWaveContext>()
  const claimed = await db.transaction().execute(async (tx) => {
    await lockOperatorQueue(tx, input.operator.id)
    for (let looked = 0; looked < LOOK_AT; looked++) {
      const [candidate] = await lockDueCallTasks(tx, { operatorId: input.operator.id, now: input.now, limit: 1 })
      if (!candidate) return undefined
      if (!contexts.has(candidate.waveId)) contexts.set(candidate.waveId, await callWaveContext(tx, { waveId: candidate.waveId, now: input.now }))
      if (await claimIfCallable(tx, { candidate, context: contexts.get(candidate.waveId)!, window, ...input })) return candidate
    }
    return undefined
  })
  if (!claimed) return null
  return viewCallCard(db, { viewer: input.operator, key: claimed, context: contexts.get(claimed.waveId)!, claimedAt: input.now })
}

type ClaimInput = { candidate: LockedCallTask; context: CallWaveContext; window: ContactWindow; operator: SessionUser; now: Date }

/** Claims the candidate when it may be called now; otherwise moves it out of the way and says no. */
async function claimIfCallable(tx: Kysely<Schema>, input: ClaimInput): Promise<boolean> {
  const { now, candidate: c, context } = input
  if (c.status !== 'in_call') {
    const removedBy = (await policyVerdicts(tx, context.policy, [c.clientId])).get(c.clientId)
    if (removedBy) {
      await moveCallTask(tx, { ...c, now, status: 'removed', closeReason: removedBy })
      return false
    }
    if (context.programEndsAt !== null && now.getTime() >= context.programEndsAt) {
      await moveCallTask(tx, { ...c, now, status: 'closed', closeReason: 'program_ended' })
      if (c.attempts > 0) await recordCallContact(tx, { ...c, reached: false, at: now })
      return false
    }
    const open = checkContactWindow(now.getTime(), c.utcOffset, input.window)
    if (!open.allowed) {
      await moveCallTask(tx, { ...c, now, status: 'open', nextAttemptAt: new Date(open.nextAt) })
      return false
    }
  }
  await claimCallTask(tx, { ...c, operatorId: input.operator.id, now })
  return true
}
