import type { Kysely } from 'kysely'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { readTrackedLinkToken } from '../../core/execution/tracked-link-token.ts'
import type { Schema } from '../../db/schema.ts'
import { readLinkSecret } from '../../db/stores/link-secret-store.ts'
import { findClickedContact, upsertLinkClick, type ClickedContact } from '../../db/stores/link-click-store.ts'
import { recordAppResponse } from './record-app-response.ts'

export type LinkClick = { target: string; first: boolean; clicks: number }

/** The contact a tracked link names and where it leads, or a refusal for a forged or dead link. */
export async function readTrackedLink(db: Kysely<Schema>, token: string): Promise<ClickedContact & { target: string }> {
  const claim = readTrackedLinkToken(token, await readLinkSecret(db))
  const contact = claim && (await findClickedContact(db, claim))
  if (!contact?.target) throw new DomainError('not_found', 'This link is not valid', reason('link.bad_link'))
  return { ...contact, target: contact.target }
}

/**
 * A client's click on the offer's link in a wave's message (issue 9, item 1): counted on the
 * contact; the first one is the wave's response (a visit) and a lead for the client's manager.
 * A second click only counts. Mail scanners that open links count too — the bank reads a visit
 * as interest to follow up, not as money.
 */
export async function recordLinkClick(db: Kysely<Schema>, input: { token: string; at: Date }): Promise<LinkClick> {
  const contact = await readTrackedLink(db, input.token)
  return db.transaction().execute(async (tx) => {
    const click = await upsertLinkClick(tx, { clientId: contact.clientId, contactId: contact.contactId, at: input.at })
    if (click.first && contact.programId !== null) {
      await recordAppResponse(tx, {
        clientId: contact.clientId, programId: contact.programId, waveId: contact.waveId, offerId: contact.offerId,
        source: 'click', outcome: 'click', eventRef: `contact:${contact.contactId}`, at: click.firstAt, operatorLogin: null, detail: null,
      })
    }
    return { target: contact.target, first: click.first, clicks: click.clicks }
  })
}
