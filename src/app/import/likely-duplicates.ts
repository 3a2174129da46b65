import { FirstLines } from '../../core/import/first-lines.ts'
import { IMPORT_FIELDS } from '../../core/import/import-fields.ts'
import type { ImportKind } from '../../core/import/import-kinds.ts'
import { samePersonKey, samePersonName } from '../../core/import/same-person-key.ts'
import type { Database } from '../../db/open-database.ts'
import type { ImportLikelyDuplicate, ImportLikelyDuplicates } from '../../db/schema.ts'
import { findSamePersonClients, type PersonRow } from '../../db/stores/same-person-store.ts'
import type { CheckedRow } from './resolve-import-chunk.ts'

/** The history keeps this many of them; the count says how many there were. */
const KEPT = 100

const slot = (name: string) => IMPORT_FIELDS.clients.findIndex((f) => f.name === name)
const BANK_ID = slot('bank_id')
const FULL_NAME = slot('full_name')
const BIRTH_DATE = slot('birth_date')
const PHONE = slot('phone')

export type LikelyDuplicates = {
  /** Checks the rows of a chunk that will load, against the file so far and the stored clients. */
  check(db: Database, rows: readonly CheckedRow[]): Promise<void>
  result(): ImportLikelyDuplicates
}

/**
 * The same person under several bank ids (same full name, birth date and phone), reported in the
 * import's result — within the file and against stored clients — and loaded all the same: only
 * the bank can tell a duplicate from namesakes. Clients only; undefined for the other kinds.
 */
export function likelyDuplicates(kind: ImportKind): LikelyDuplicates | undefined {
  if (kind !== 'clients') return undefined
  const seen = new FirstLines()
  const items: ImportLikelyDuplicate[] = []
  let count = 0
  return {
    async check(db, rows) {
      const persons = rows.flatMap((row): PersonRow[] => {
        const [bankId, name, birthDate, phone] = [BANK_ID, FULL_NAME, BIRTH_DATE, PHONE].map((i) => row.values[i])
        return bankId && name && birthDate && phone ? [{ line: row.line, bankId, name: samePersonName(name), birthDate, phone }] : []
      })
      const found = new Map<number, ImportLikelyDuplicate>()
      for (const p of persons) {
        const first = seen.seen(samePersonKey({ fullName: p.name, birthDate: p.birthDate, phone: p.phone }), p.line)
        if (first !== undefined) found.set(p.line, { line: p.line, bankId: p.bankId, sameAs: { line: first } })
      }
      const bankIds = new Map(persons.map((p) => [p.line, p.bankId]))
      for (const match of await findSamePersonClients(db.kysely, persons)) {
        if (!found.has(match.line)) found.set(match.line, { line: match.line, bankId: bankIds.get(match.line)!, sameAs: { bankId: match.bankId } })
      }
      for (const item of [...found.values()].sort((a, b) => a.line - b.line)) {
        count++
        if (items.length < KEPT) items.push(item)
      }
    },
    result: () => ({ count, items: [...items] }),
  }
}
