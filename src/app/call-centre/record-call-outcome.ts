import type { Kysely } from 'kysely'
import type { CallOutcomeBody, CallOutcomeResult } from '../../contract/call-centre-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { checkCallOutcome } from '../../core/call-centre/check-call-outcome.ts'
import { nextCallAttempt } from '../../core/call-centre/next-call-attempt.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import {
  insertCallAttempt,
  insertCallback,
  insertCallRefusal,
  insertProgramDoNotCall,
  recordCallContact,
  settleCallbacks,
} from '../../db/stores/call-outcome-store.ts'
import { lockCallTask, moveCallTask, type HeldCallTask, type TaskMove } from '../../db/stores/call-task-store.ts'
import type { ContactWindow } from '../../core/execution/contact-window.ts'
import { readContactWindow } from '../../db/stores/contact-window-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { fileComplaint } from '../complaint/register-complaint.ts'
import { recordAppResponse } from '../lead/record-app-response.ts'
import { callWaveContext, type CallWaveContext } from './call-wave-context.ts'

export type RecordCallOutcomeInput = CallOutcomeBody & {
  operator: SessionUser
  now: Date
  /** Where the outcome came from: the workspace (the call the operator holds) or an external centre's file. */
  source?: { file: string; startedAt: Date }
}

/**
 * Records one call's outcome in one transaction: the attempt; then, when the client was reached,
 * the wave's contact as sent and the business outcome's effects (a callback on the queue, the
 * program's or the bank's do-not-call, an open complaint); when not, the redial the attempt policy
 * gives, or the end of the attempts (the contact failed).
 */
export async function recordCallOutcome(db: Kysely<Schema>, input: RecordCallOutcomeInput): Promise<CallOutcomeResult> {
  const context = await callWaveContext(db, { waveId: input.waveId, now: input.now })
  const window = await readContactWindow(db)
  return db.transaction().execute((tx) => applyCallOutcome(tx, { ...input, context, window }))
}

export type ApplyCallOutcomeInput = RecordCallOutcomeInput & { context: CallWaveContext; window: ContactWindow }

/** recordCallOutcome inside a transaction of the caller's (an import applies all its rows in one). */
export async function applyCallOutcome(tx: Kysely<Schema>, input: ApplyCallOutcomeInput): Promise<CallOutcomeResult> {
  const { context, window } = input
  const task = await lockCallTask(tx, input)
  if (!task) throw new DomainError('not_found', 'No such call task', reason('call.task_not_found', { client: input.clientId, wave: input.waveId }))
  if (!input.source && (task.status !== 'in_call' || task.claimedBy !== input.operator.id)) {
    throw new DomainError('conflict', 'The call is not held by this operator', reason('call.task_not_yours', { client: input.clientId, wave: input.waveId }))
  }
  const callbackAt = input.callbackAt === null ? null : Date.parse(input.callbackAt)
  const problem = checkCallOutcome({ ...input, callbackAt, now: input.now.getTime(), programEndsAt: context.programEndsAt })
  if (problem) throw new DomainError('invalid_input', `The outcome does not hold: ${problem.code}`, problem)
  const startedAt = input.source?.startedAt ?? task.claimedAt ?? input.now
  const attemptId = await insertCallAttempt(tx, {
    ...input, operatorId: input.operator.id, operatorLogin: input.operator.login, startedAt, endedAt: input.now, source: input.source ? 'import' : 'workspace',
  })
  await settleCallbacks(tx, input)
  // An interested or agreed client is the wave's response and a lead for their manager or branch.
  if (input.business === 'interested' || input.business === 'agreed') {
    await recordAppResponse(tx, {
      clientId: task.clientId, programId: task.programId, waveId: task.waveId, offerId: null, source: 'call', outcome: input.business,
      eventRef: `call:${attemptId}`, at: input.now, operatorLogin: input.operator.login, detail: input.note,
    })
  }
  const move = input.technical === 'connected'
    ? await reached(tx, { input, task, context, callbackAt })
    : unreached({ input, task, context, window })
  await moveCallTask(tx, move)
  if (move.status === 'exhausted' || move.status === 'closed') await recordCallContact(tx, { ...task, reached: false, at: input.now })
  await appendAuditEvent(tx, {
    userId: input.operator.id,
    login: input.operator.login,
    action: 'call.outcome',
    entity: 'client',
    entityId: String(input.clientId),
    details: { wave: input.waveId, technical: input.technical, business: input.business, ...(input.source && { file: input.source.file }) },
  })
  return { status: move.status, nextAttemptAt: move.status === 'open' ? (move.nextAttemptAt?.toISOString() ?? null) : null, closeReason: move.closeReason ?? null }
}

type Step = { input: RecordCallOutcomeInput; task: HeldCallTask; context: CallWaveContext }

async function reached(tx: Kysely<Schema>, { input, task, callbackAt }: Step & { callbackAt: number | null }): Promise<TaskMove> {
  const base = { clientId: task.clientId, waveId: task.waveId, now: input.now, lastTechnical: 'connected', lastBusiness: input.business }
  await recordCallContact(tx, { ...task, reached: true, at: input.now })
  const source = input.source ? 'call_centre_import' : 'call_centre'
  switch (input.business) {
    case 'callback': {
      const dueAt = new Date(callbackAt!)
      await insertCallback(tx, { ...task, dueAt, onlyMe: input.onlyMe, operatorId: input.operator.id })
      return { ...base, status: 'open', nextAttemptAt: dueAt, reservedFor: input.onlyMe ? input.operator.id : null, closeReason: null }
    }
    case 'do_not_call':
      if (input.doNotCall === 'bank') await insertCallRefusal(tx, { clientId: task.clientId, at: input.now, source })
      else await insertProgramDoNotCall(tx, { clientId: task.clientId, programId: task.programId, userId: input.operator.id, source, at: input.now })
      return { ...base, status: 'done', reservedFor: null, closeReason: `do_not_call_${input.doNotCall}` }
    case 'complaint':
      await fileCallComplaint(tx, input, task)
      return { ...base, status: 'done', reservedFor: null, closeReason: null }
    default:
      return { ...base, status: 'done', reservedFor: null, closeReason: null }
  }
}

/**
 * A complaint the client made on the call opens one in the register at once (so the policy's quiet
 * period starts now), from the call centre, under the category the operator chose, the operator's
 * note as its text, registered by the operator and routed as any other.
 */
async function fileCallComplaint(tx: Kysely<Schema>, input: RecordCallOutcomeInput, task: HeldCallTask): Promise<void> {
  const note = input.note ?? ''
  await fileComplaint(tx, {
    clientId: task.clientId, category: input.complaintCategory ?? 'other', channel: 'call_centre', severity: 'medium',
    subject: note.split('\n')[0]!.slice(0, 200) || `call ${task.waveId}`, description: note, productCode: null,
    receivedAt: input.now, by: { id: input.operator.id, login: input.operator.login },
  })
}

function unreached({ input, task, context, window }: Step & { window: ContactWindow }): TaskMove {
  const attempts = task.attempts + 1
  const base = { clientId: task.clientId, waveId: task.waveId, now: input.now, attempts, lastTechnical: input.technical, reservedFor: null }
  const next = nextCallAttempt({
    policy: context.callPolicy,
    technical: input.technical as Exclude<typeof input.technical, 'connected'>,
    attempts,
    at: input.now.getTime(),
    utcOffsetHours: task.utcOffset,
    window,
    programEndsAt: context.programEndsAt,
  })
  if (next.kind === 'redial') return { ...base, status: 'open', nextAttemptAt: new Date(next.at), closeReason: null }
  if (next.kind === 'exhausted') return { ...base, status: 'exhausted', closeReason: 'attempts_exhausted' }
  return { ...base, status: 'closed', closeReason: next.reason }
}
