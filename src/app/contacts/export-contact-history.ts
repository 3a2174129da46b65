import { Readable } from 'node:stream'
import { stringify } from 'csv-stringify/sync'
import type { Kysely } from 'kysely'
import type { Channel } from '../../contract/channels.ts'
import type { ContactState } from '../../contract/contact-states.ts'
import type { Language } from '../../contract/language.ts'
import type { Role } from '../../contract/roles.ts'
import {
  CONTACT_HISTORY_COLUMNS, contactChannelWord, contactStateWord, deliveryStatusWord, formatBankTime, skipReasonWord, type ContactHistoryColumnKey,
} from '../../core/contact-history-columns.ts'
import { escapeFormula } from '../../core/escape-formula.ts'
import { maskContactAddress } from '../../core/mask-contact-address.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { readBankTimeZone } from '../../db/stores/bank-time-zone-store.ts'
import { countContactHistory, listContactHistoryPage, type ContactHistoryFilter, type ContactHistoryRow } from '../../db/stores/contact-history-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { auditEntityOf, resolveContactScope, type ContactHistoryOf } from './resolve-contact-scope.ts'

export type ExportContactHistoryInput = {
  viewer: SessionUser
  of: ContactHistoryOf
  filter: { state?: ContactState | undefined; channel?: Channel | undefined }
  lang: Language
  now: Date
}

export type ContactHistoryFile = { fileName: string; contentType: string; rowCount: number; body: Readable }

// Read by keyset in batches: a 100k wave's file never sits in memory nor holds the connection.
const BATCH_SIZE = 2000

/**
 * The contacts the filter holds as CSV that Excel opens (UTF-8 with a BOM; `;` in Russian),
 * addresses masked for the role, times in the bank's zone. The audit event (the filter, the count)
 * is written before the first byte leaves.
 */
export async function exportContactHistory(db: Kysely<Schema>, input: ExportContactHistoryInput): Promise<ContactHistoryFile> {
  const { viewer, of, lang } = input
  const filter: ContactHistoryFilter = { scope: await resolveContactScope(db, of), ...input.filter }
  const rowCount = await countContactHistory(db, filter)
  await appendAuditEvent(db, {
    userId: viewer.id,
    login: viewer.login,
    action: 'contact.export',
    ...auditEntityOf(of),
    details: { format: 'csv', lang, filter: input.filter, rowCount },
  })
  const timeZone = await readBankTimeZone(db)
  const name = 'waveId' in of ? `wave-${of.waveId}-contacts` : `program-${of.programCode}-contacts`
  return {
    fileName: `${name}-${input.now.toISOString().slice(0, 10)}.csv`,
    contentType: 'text/csv; charset=utf-8',
    rowCount,
    body: Readable.from(csvChunks(db, { filter, role: viewer.role, lang, timeZone }), { objectMode: false }),
  }
}

type CsvInput = { filter: ContactHistoryFilter; role: Role; lang: Language; timeZone: string }

async function* csvChunks(db: Kysely<Schema>, input: CsvInput): AsyncGenerator<string> {
  const options = { delimiter: input.lang === 'ru' ? ';' : ',', record_delimiter: 'windows' } as const
  yield `\ufeff${stringify([CONTACT_HISTORY_COLUMNS.map((c) => c[input.lang])], options)}`
  let beforeId: number | undefined
  for (;;) {
    const batch = await listContactHistoryPage(db, { ...input.filter, beforeId, limit: BATCH_SIZE })
    if (batch.length > 0) yield stringify(batch.map((row) => CONTACT_HISTORY_COLUMNS.map((c) => escapeFormula(cell(row, c.key, input)))), options)
    if (batch.length < BATCH_SIZE) return
    beforeId = batch[batch.length - 1]!.id
  }
}

function cell(row: ContactHistoryRow, key: ContactHistoryColumnKey, input: CsvInput): string {
  const time = (at: Date | null) => (at === null ? '' : formatBankTime(new Date(at), input.timeZone, input.lang))
  switch (key) {
    case 'channel':
      return contactChannelWord(row.channel, input.lang)
    case 'address':
      return maskContactAddress(input.role, row.channel, row.address) ?? ''
    case 'state':
      return contactStateWord(row.state, input.lang)
    case 'skipReason':
      return row.skipReason === null ? '' : skipReasonWord(row.skipReason, input.lang)
    case 'deliveryStatus':
      return row.deliveryStatus === null ? '' : deliveryStatusWord(row.deliveryStatus, input.lang)
    case 'deliveredAt':
    case 'queuedAt':
    case 'sentAt':
    case 'nextAttemptAt':
      return time(row[key])
    case 'program':
    case 'bankId':
    case 'fullName':
    case 'error':
      return row[key] ?? ''
    case 'wave':
    case 'attempts':
      return String(row[key])
  }
}
