import type { Kysely } from 'kysely'
import type { CallImportResult } from '../../contract/call-centre-schemas.ts'
import type { AnyReason } from '../../contract/reason-codes.ts'
import { reason } from '../../contract/reason-codes.ts'
import { callListColumnOf, CALL_LIST_COLUMNS, REQUIRED_CALL_COLUMNS, type CallListColumnKey } from '../../core/call-centre/call-list-columns.ts'
import { parseCallRow, type CallRow } from '../../core/call-centre/parse-call-row.ts'
import { DomainError } from '../../core/domain-error.ts'
import { unescapeFormula } from '../../core/escape-formula.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { callListKeys } from '../../db/stores/call-list-file-store.ts'
import { readContactWindow } from '../../db/stores/contact-window-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { openImportSource } from '../import/open-import-source.ts'
import { callWaveContext, type CallWaveContext } from './call-wave-context.ts'
import { applyCallOutcome } from './record-call-outcome.ts'

export type ImportCallOutcomesInput = { waveId: number; path: string; fileName: string; actor: SessionUser; now: Date }

type Line = { line: number; row: CallRow }
type Rejection = { line: number; reason: AnyReason }

/**
 * Loads an external call centre's outcomes into a wave's call list (the client-import rules): every
 * row is loaded or rejected with its line and reason — an unknown client, one not in this list, an
 * unknown outcome, a bad time, an outcome against the rules, a call already settled — and the rows
 * loaded are written in one transaction, so a failure part-way writes nothing. A row without an
 * outcome was not called.
 */
export async function importCallOutcomes(db: Kysely<Schema>, input: ImportCallOutcomesInput): Promise<CallImportResult> {
  const context = await callWaveContext(db, { waveId: input.waveId, now: input.now })
  const { lines, rejected, rowsRead } = await readCallFile(input.path, context)
  const window = await readContactWindow(db)
  const loaded = await db.transaction().execute(async (tx) => {
    const keys = await callListKeys(tx, { waveId: input.waveId, bankIds: lines.map((l) => l.row.bankId) })
    let count = 0
    for (const { line, row } of lines) {
      const clientId = keys.clients.get(row.bankId)
      const status = clientId === undefined ? undefined : keys.tasks.get(clientId)
      if (clientId === undefined) rejected.push({ line, reason: reason('call.import_unknown_client', { value: row.bankId }) })
      else if (status === undefined) rejected.push({ line, reason: reason('call.import_not_in_list', { value: row.bankId }) })
      else if (status !== 'open' && status !== 'in_call') rejected.push({ line, reason: reason('call.import_task_closed', { value: row.bankId, status }) })
      else {
        const problem = await applyRow(tx, { line, row, clientId, context, window, input })
        if (problem) rejected.push(problem)
        else count++
        keys.tasks.set(clientId, (await tx.selectFrom('call_tasks').select('status').where('client_id', '=', clientId).where('wave_id', '=', input.waveId).executeTakeFirstOrThrow()).status)
      }
    }
    await appendAuditEvent(tx, {
      userId: input.actor.id, login: input.actor.login, action: 'call_list.import', entity: 'wave', entityId: String(input.waveId),
      details: { file: input.fileName, rowsRead, loaded: count, rejected: rejected.length },
    })
    return count
  })
  return { rowsRead, loaded, rejected: rejected.sort((a, b) => a.line - b.line) }
}

type ApplyRowInput = Line & { clientId: number; context: CallWaveContext; window: Awaited<ReturnType<typeof readContactWindow>>; input: ImportCallOutcomesInput }

/** Applies one row; an outcome against the rules is refused before anything is written, and becomes the row's rejection. */
async function applyRow(tx: Kysely<Schema>, { line, row, clientId, context, window, input }: ApplyRowInput): Promise<Rejection | undefined> {
  const calledAt = new Date(row.calledAt ?? input.now.getTime())
  try {
    await applyCallOutcome(tx, {
      clientId, waveId: input.waveId, technical: row.technical, business: row.business, callbackAt: row.callbackAt === null ? null : new Date(row.callbackAt).toISOString(),
      onlyMe: false, doNotCall: row.business === 'do_not_call' ? 'program' : null, note: row.note,
      operator: input.actor, now: calledAt, source: { file: input.fileName, startedAt: calledAt }, context, window,
    })
    return undefined
  } catch (error) {
    if (error instanceof DomainError && error.code === 'invalid_input') return { line, reason: error.details }
    throw error
  }
}

async function readCallFile(path: string, context: CallWaveContext): Promise<{ lines: Line[]; rejected: Rejection[]; rowsRead: number }> {
  const source = await openImportSource({ path })
  try {
    const columns = source.headers.map(callListColumnOf)
    const language = source.headers.some((h) => CALL_LIST_COLUMNS.some((c) => c.ru === h.trim())) ? 'ru' : 'en'
    for (const key of REQUIRED_CALL_COLUMNS) {
      if (!columns.includes(key)) {
        const column = CALL_LIST_COLUMNS.find((c) => c.key === key)![language]
        throw new DomainError('import_failed', `The file has no column ${column}`, reason('call.import_missing_column', { column }))
      }
    }
    const lines: Line[] = []
    const rejected: Rejection[] = []
    let rowsRead = 0
    for await (const batch of source.batches()) {
      for (const sourceRow of batch) {
        rowsRead++
        if (sourceRow.problem) {
          rejected.push({ line: sourceRow.line, reason: sourceRow.problem.details })
          continue
        }
        const cells: Partial<Record<CallListColumnKey, string>> = {}
        columns.forEach((key, i) => key && (cells[key] = unescapeFormula(sourceRow.cells[i] ?? '')))
        const parsed = parseCallRow(cells, { timeZone: context.policy.timeZone, language })
        if (parsed.kind === 'rejected') rejected.push({ line: sourceRow.line, reason: parsed.reason })
        else if (parsed.kind === 'call') lines.push({ line: sourceRow.line, row: parsed.row })
      }
    }
    return { lines, rejected, rowsRead }
  } finally {
    source.close()
  }
}
