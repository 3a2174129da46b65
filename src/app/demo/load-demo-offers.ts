import type { Kysely } from 'kysely'
import { DEMO_OFFERS } from '../../core/demo/demo-offers.ts'
import type { Schema } from '../../db/schema.ts'
import { findUserByLogin } from '../../db/stores/user-store.ts'
import { approveOffer } from '../offer/approve-offer.ts'
import { createOffer } from '../offer/create-offer.ts'

const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/**
 * The demo bank's offers (core/demo/demo-offers.ts), through the same use cases as the API: the
 * marketer writes each one, the head approves it (four eyes), each an audit event. Returns how many
 * were loaded; none when the demo users are missing.
 */
export async function loadDemoOffers(db: Kysely<Schema>, today: string): Promise<number> {
  const marketer = await findUserByLogin(db, 'marketer')
  const head = await findUserByLogin(db, 'head')
  if (!marketer || !head) return 0
  for (const { fromInDays, untilInDays, programs: _programs, ...offer } of DEMO_OFFERS) {
    const body = { ...offer, validFrom: addDays(today, fromInDays), validUntil: addDays(today, untilInDays) }
    await createOffer(db, { body, actor: marketer })
    await approveOffer(db, { code: offer.code, actor: head, now: new Date(`${today}T10:00:00Z`) })
  }
  return DEMO_OFFERS.length
}
