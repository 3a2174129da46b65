import type { AnyReason } from '../../contract/reason-codes.ts'
import { canSee } from '../clearance.ts'
import type { PersonalField } from '../../contract/personal-fields.ts'
import { maskPersonalValue } from '../mask-personal-data.ts'
import { normalizePhone } from '../normalize-phone.ts'
import type { Role } from '../../contract/roles.ts'
import { isImportKind } from './import-kinds.ts'
import { suggestMapping } from './suggest-mapping.ts'

// A rejected row keeps the file's cells as read, and its reason quotes the bad cell: both carry
// phones, e-mails, birth dates and addresses. Whoever reads them (the rejections CSV, the import
// detail) sees them masked as the client list would show them to their role (core/clearance.ts).

/** `reasons`: the reason codes, whose `value` quotes the bad cell as the English `reason` does. */
export type RejectedRowText = { cells: readonly string[]; reason: string; reasons?: AnyReason[] | null }

const PERSONAL_IMPORT_FIELDS: Record<string, PersonalField> = { phone: 'phone', email: 'email', birth_date: 'birthDate', address: 'address' }

const EMAIL = /[^\s@"'«»;,<>()]+@[^\s@"'«»;,<>()]+/g
const PHONE_LIKE = /\+?\d[\d\s()\-.]{8,}\d/g

/**
 * Builds the masking of one file's rejected rows for a reader. Columns are recognised by their
 * header (the suggested mapping); an e-mail or a phone number anywhere else — a column mapped by
 * hand, a value in the wrong column, the quote in a reason — is recognised by its shape.
 */
export function rejectedRowMasker(input: { role: Role; kind: string; headers: readonly string[] }): (row: RejectedRowText) => RejectedRowText {
  const { role } = input
  const hidden = (field: PersonalField) => !canSee(role, field)
  if (!(['phone', 'email', 'birthDate', 'address'] as const).some(hidden)) return (row) => row
  const mapping = isImportKind(input.kind) ? suggestMapping(input.kind, input.headers) : {}
  const columns = new Map<number, PersonalField>()
  for (const [name, header] of Object.entries(mapping)) {
    const field = PERSONAL_IMPORT_FIELDS[name]
    if (field && hidden(field)) columns.set(input.headers.indexOf(header), field)
  }
  const maskShapes = (text: string) => {
    let masked = hidden('email') ? text.replace(EMAIL, (m) => maskPersonalValue('email', m)) : text
    if (hidden('phone')) masked = masked.replace(PHONE_LIKE, (m) => (normalizePhone(m) ? maskPersonalValue('phone', m.trim()) : m))
    return masked
  }
  const maskReason = (reason: AnyReason): AnyReason => {
    const field = PERSONAL_IMPORT_FIELDS[String(reason.field)]
    const entries = Object.entries(reason).map(([name, value]) => {
      if (name === 'code' || typeof value !== 'string') return [name, value]
      if (name === 'value' && field && hidden(field)) return [name, maskPersonalValue(field, value)]
      return [name, maskShapes(value)]
    })
    return Object.fromEntries(entries) as AnyReason
  }
  return ({ cells, reason, reasons }) => {
    let maskedReason = reason
    const maskedCells = cells.map((cell, index) => {
      const field = columns.get(index)
      const value = cell.trim()
      if (!field || value === '') return maskShapes(cell)
      const mask = maskPersonalValue(field, value)
      // The reason quotes the cell trimmed and cut at 40 characters (compile-row-validator.ts).
      for (const quoted of [value, value.length > 40 ? `${value.slice(0, 40)}…` : value]) {
        maskedReason = maskedReason.replaceAll(JSON.stringify(quoted), JSON.stringify(mask))
      }
      return mask
    })
    return { cells: maskedCells, reason: maskShapes(maskedReason), reasons: reasons?.map(maskReason) }
  }
}
