import { countSmsSegments, SMS_MAX_SEGMENTS } from '../../contract/count-sms-segments.ts'
import { reason, type Reason } from '../../contract/reason-codes.ts'
import type { TemplateData } from '../../contract/offer-template-fields.ts'
import { offerTemplateData } from '../../core/offer/offer-template-data.ts'
import type { PreparedTemplates } from '../../core/offer/prepare-offer-templates.ts'
import { signTrackedLinkToken } from '../../core/execution/tracked-link-token.ts'
import { signUnsubscribeToken } from '../../core/execution/unsubscribe-token.ts'
import type { OfferVersion } from '../../db/stores/offer-store.ts'
import type { ContactChannel, OutgoingMessage } from '../channels/contact-channel.ts'
import type { ClaimedContact } from './claim-wave-batch.ts'

export type ComposeInput = {
  candidate: ClaimedContact
  channel: ContactChannel
  offer: OfferVersion
  templates: PreparedTemplates
  /** Signs the unsubscribe link (`${publicUrl}/unsubscribe/<token>`) and the offer's tracked link (`${publicUrl}/r/<token>`). */
  linkSecret: string
  publicUrl: string
}

export const UNSUBSCRIBE_TEXT = 'Чтобы не получать писем банка с предложениями, перейдите по ссылке:'
export const OFFER_LINK_TEXT = 'Подробнее о предложении:'

/**
 * What a member's templates read, unmasked: the message goes to the client. `link` is what
 * `{{ offer.link }}` becomes — the client's tracked link in an e-mail or SMS; the offer's page itself
 * when not given (a printed letter: nobody clicks paper).
 */
export function memberTemplateData(c: ClaimedContact, offer: OfferVersion, link: string | null = offer.link): TemplateData {
  return offerTemplateData({
    client: { fullName: c.fullName, gender: c.gender, segment: c.segment, branchName: c.branchName, phone: c.phone, email: c.email, address: c.postalAddress, birthDate: c.birthDate, clientSince: c.clientSince },
    offer: { code: offer.code, name: offer.name, productName: offer.productName, terms: offer.terms, rate: offer.rate, termMonths: offer.termMonths, amount: offer.amount, validFrom: offer.validFrom, validUntil: offer.validUntil, link },
    viewer: null,
    language: 'ru',
  }).data
}

/** One member's message, rendered for sending (nothing masked), or the reason it cannot be sent. */
export function composeWaveMessage(input: ComposeInput): { ok: true; message: OutgoingMessage } | { ok: false; reason: Reason } {
  const { candidate: c, offer } = input
  const tracked = offer.link === null ? null : `${input.publicUrl}/r/${signTrackedLinkToken({ clientId: c.clientId, contactId: c.id }, input.linkSecret)}`
  const rendered = input.templates.render(memberTemplateData(c, offer, tracked))
  if (!rendered.ok) return rendered
  const base = { contactId: c.id, clientId: c.clientId, address: c.address, reference: c.reference }
  if (input.channel.channel === 'sms') {
    const text = rendered.parts.body_text ?? ''
    const { segments } = countSmsSegments(text)
    if (segments > SMS_MAX_SEGMENTS) return { ok: false, reason: reason('offer.sms_too_long', { segments, max: SMS_MAX_SEGMENTS }) }
    return { ok: true, message: { ...base, text } }
  }
  // Every e-mail carries the opt-out (38-FZ art. 18): in the body, whatever the template says, and
  // in the List-Unsubscribe headers that mail programs show as a button (RFC 2369, RFC 8058).
  const url = `${input.publicUrl}/unsubscribe/${signUnsubscribeToken({ clientId: c.clientId, channel: 'email', contactId: c.id }, input.linkSecret)}`
  // The offer's link too, when the template left it out: the click is the e-mail's response.
  const bodyText = rendered.parts.body_text ?? ''
  const bodyHtml = rendered.parts.body_html
  const linkText = tracked && !bodyText.includes(tracked) ? `\n\n${OFFER_LINK_TEXT}\n${tracked}` : ''
  const linkHtml = tracked && bodyHtml && !bodyHtml.includes(tracked) ? `\n<p>${OFFER_LINK_TEXT} <a href="${tracked}">${tracked}</a></p>` : ''
  const text = `${bodyText}${linkText}\n\n--\n${UNSUBSCRIBE_TEXT}\n${url}\n`
  const html = bodyHtml && `${bodyHtml}${linkHtml}\n<p style="font-size:12px;color:#666">${UNSUBSCRIBE_TEXT} <a href="${url}">${url}</a></p>`
  return { ok: true, message: { ...base, subject: rendered.parts.subject ?? offer.name, text, ...(html && { html }), unsubscribeUrl: url } }
}
