import type { Kysely } from 'kysely'
import { CHANNEL_PARTS, type OfferPreview } from '../../contract/offer-schemas.ts'
import type { Language } from '../../contract/language.ts'
import type { OfferChannel } from '../../contract/offer-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { templatePartText } from '../../core/offer/check-offer-content.ts'
import { countSmsSegments, SMS_MAX_SEGMENTS } from '../../contract/count-sms-segments.ts'
import { offerTemplateData } from '../../core/offer/offer-template-data.ts'
import { renderOfferTemplate } from '../../core/offer/render-offer-template.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { findClientDetails } from '../../db/stores/client-card-store.ts'
import { findLatestOffer } from '../../db/stores/offer-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { requireClientInScope } from '../clients/client-access-of.ts'

export type PreviewOfferInput = { code: string; channel: OfferChannel; clientId: number; language: Language; viewer: SessionUser }

/**
 * The newest version's template for one channel, rendered for a real client with the personal
 * fields the viewer may not see masked (core/clearance.ts). It reads a client, so it is audited as
 * a card view is — before anything about the client is read. An SMS carries its segment count and
 * is refused over SMS_MAX_SEGMENTS.
 */
export async function previewOffer(db: Kysely<Schema>, input: PreviewOfferInput): Promise<OfferPreview> {
  const { viewer, channel, clientId } = input
  const offer = await findLatestOffer(db, input.code)
  if (!offer) throw new DomainError('not_found', `No offer ${input.code}`, reason('offer.not_found', { offer: input.code }))
  const template = offer.templates.find((t) => t.channel === channel)
  if (!template) throw new DomainError('invalid_input', `Offer ${offer.code} has no ${channel} template`, reason('offer.no_template', { channel }))
  await requireClientInScope(db, viewer, clientId)
  const client = await findClientDetails(db, clientId)
  if (!client) throw new DomainError('not_found', `No client ${clientId}`, reason('client.not_found', { id: clientId }))
  await appendAuditEvent(db, {
    userId: viewer.id,
    login: viewer.login,
    action: 'offer.preview',
    entity: 'client',
    entityId: String(clientId),
    details: { offer: offer.code, version: offer.version, channel },
  })
  const { data, masked } = offerTemplateData({ client, offer, viewer: viewer.role, language: input.language })
  const parts = CHANNEL_PARTS[channel].flatMap((part) => {
    const text = templatePartText(template, part)
    if (text == null) return []
    const rendered = renderOfferTemplate({ part, text, data, language: input.language })
    if (!rendered.ok) throw new DomainError('invalid_input', `The ${channel} template does not render`, { ...rendered.reason, channel })
    return [{ part, text: rendered.text }]
  })
  const preview: OfferPreview = { code: offer.code, version: offer.version, channel, clientId, parts, masked }
  if (channel !== 'sms') return preview
  const sms = countSmsSegments(parts.find((p) => p.part === 'body_text')?.text ?? '')
  if (sms.segments > SMS_MAX_SEGMENTS) {
    throw new DomainError('invalid_input', `The SMS takes ${sms.segments} segments, over ${SMS_MAX_SEGMENTS}`, reason('offer.sms_too_long', { segments: sms.segments, max: SMS_MAX_SEGMENTS }))
  }
  return { ...preview, sms }
}
