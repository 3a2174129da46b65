import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { offerContentSchema } from '../../contract/offer-schemas.ts'
import type { Database } from '../open-database.ts'
import { approveOfferVersion, findProgramOffer, insertOfferVersion } from './offer-store.ts'
import { ensureDraftProgram } from './program-store.ts'
import { openTestDatabase } from '../../../test/open-test-database.ts'

let db: Database
beforeAll(async () => {
  db = await openTestDatabase()
})
afterAll(async () => {
  await db.close()
})

const content = (name: string) =>
  offerContentSchema.parse({
    name,
    rate: 0.2,
    templates: [
      { channel: 'sms', bodyText: '{{ client.first_name }}, кредит под {{ offer.rate | percent }}' },
      { channel: 'call', script: 'Здравствуйте!', objections: [{ objection: 'Дорого', answer: 'Ставка {{ offer.rate | percent }}' }] },
    ],
  })
const marketer = { id: null, login: 'marketer' }

describe('findProgramOffer', () => {
  it('is null for a program without an offer and for no program', async () => {
    const program = await ensureDraftProgram(db.kysely, 'NO-OFFER')
    expect(await findProgramOffer(db.kysely, program.id)).toBeNull()
    expect(await findProgramOffer(db.kysely, 999_999)).toBeNull()
  })

  it('returns the newest version with its templates, approved only while that version is', async () => {
    const first = (await insertOfferVersion(db.kysely, { code: 'CL-1', version: 1, content: content('Кредит'), author: marketer }))!
    await approveOfferVersion(db.kysely, { id: first, approver: { id: null, login: 'head' }, at: new Date('2026-12-01T10:00:00Z') })
    const program = await ensureDraftProgram(db.kysely, 'WITH-OFFER')
    await db.kysely.updateTable('programs').set({ offer_code: 'CL-1' }).where('id', '=', program.id).execute()

    const approved = await findProgramOffer(db.kysely, program.id)
    expect(approved).toMatchObject({ code: 'CL-1', version: 1, status: 'approved', approved: true, name: 'Кредит', rate: 0.2, approvedBy: { login: 'head' }, retiredAt: null })
    expect(approved!.templates.map((t) => t.channel)).toEqual(['sms', 'call'])
    expect(approved!.templates[1]!.objections).toEqual([{ objection: 'Дорого', answer: 'Ставка {{ offer.rate | percent }}' }])
    expect(approved!.templates[0]!.objections).toEqual([])

    // An edit appends version 2 as a draft: the program now points at an unapproved offer.
    await insertOfferVersion(db.kysely, { code: 'CL-1', version: 2, content: content('Кредит, новая редакция'), author: marketer })
    expect(await findProgramOffer(db.kysely, program.id)).toMatchObject({ version: 2, status: 'draft', approved: false, approvedAt: null })
  })
})
