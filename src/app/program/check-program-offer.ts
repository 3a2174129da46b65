import type { Kysely } from 'kysely'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import type { Schema } from '../../db/schema.ts'
import { findLatestOffer } from '../../db/stores/offer-store.ts'

/**
 * The offer a program is to name: it must be in the catalogue and not retired. A draft may be
 * named (the marketer may still be writing it); waves send only an approved newest version
 * (db/stores/offer-store.ts findProgramOffer), and the program page says which it is.
 */
export async function checkProgramOffer(db: Kysely<Schema>, code: string): Promise<void> {
  const latest = await findLatestOffer(db, code)
  if (!latest) throw new DomainError('invalid_input', `offerCode: no offer ${code}`, reason('program.unknown_offer', { field: 'offerCode', offer: code }))
  if (latest.status === 'retired') throw new DomainError('invalid_input', `offerCode: offer ${code} is retired`, reason('program.offer_retired', { field: 'offerCode', offer: code }))
}
