import type { Kysely } from 'kysely'
import { CHANNEL_PARTS, type CallScript, type OfferPreview, type OfferTemplate } from '../../contract/offer-schemas.ts'
import type { TemplateData } from '../../contract/offer-template-fields.ts'
import type { Language } from '../../contract/language.ts'
import type { OfferChannel } from '../../contract/offer-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../../core/domain-error.ts'
import { templatePartText } from '../../core/offer/check-offer-content.ts'
import { countSmsSegments, SMS_MAX_SEGMENTS } from '../../contract/count-sms-segments.ts'
import { offerTemplateData } from '../../core/offer/offer-template-data.ts'
import { renderCallScript } from '../../core/offer/render-call-script.ts'
import { renderOfferTemplate } from '../../core/offer/render-offer-template.ts'
import type { Schema } from '../../db/schema.ts'
import { appendAuditEvent } from '../../db/stores/audit-store.ts'
import { findClientDetails } from '../../db/stores/client-card-store.ts'
import { findLatestOffer, type OfferVersion } from '../../db/stores/offer-store.ts'
import type { SessionUser } from '../../db/stores/user-store.ts'
import { requireClientInScope } from '../clients/client-access-of.ts'

export type PreviewOfferInput = { code: string; channel: OfferChannel; clientId: number; language: Language; viewer: SessionUser }

export type OpenedPreview = { offer: OfferVersion; template: OfferTemplate; data: TemplateData; masked: string[] }

/**
 * The newest version's template for one channel and a real client's fields, the personal ones the
 * viewer may not see masked (core/clearance.ts). It reads a client, so it is audited as a card view
 * is — before anything about the client is read; `format` says which preview (JSON or the PDF).
 */
export async function openOfferPreview(db: Kysely<Schema>, input: PreviewOfferInput & { format: 'json' | 'pdf' }): Promise<OpenedPreview> {
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
    details: { offer: offer.code, version: offer.version, channel, ...(input.format === 'pdf' && { format: 'pdf' }) },
  })
  const { data, masked } = offerTemplateData({ client, offer, viewer: viewer.role, language: input.language })
  return { offer, template, data, masked }
}

/** The preview of one channel for one client (openOfferPreview); an SMS carries its segment count and is refused over SMS_MAX_SEGMENTS. */
export async function previewOffer(db: Kysely<Schema>, input: PreviewOfferInput): Promise<OfferPreview> {
  const { channel, clientId } = input
  const { offer, template, data, masked } = await openOfferPreview(db, { ...input, format: 'json' })
  const parts = CHANNEL_PARTS[channel].flatMap((part) => {
    const text = templatePartText(template, part)
    if (text == null) return []
    const rendered = renderOfferTemplate({ part, text, data, language: input.language })
    if (!rendered.ok) throw new DomainError('invalid_input', `The ${channel} template does not render`, { ...rendered.reason, channel })
    return [{ part, text: rendered.text }]
  })
  const preview: OfferPreview = { code: offer.code, version: offer.version, channel, clientId, parts, masked }
  if (channel === 'call') return { ...preview, callScript: callScriptOf(template, data, input.language) }
  if (channel !== 'sms') return preview
  const sms = countSmsSegments(parts.find((p) => p.part === 'body_text')?.text ?? '')
  if (sms.segments > SMS_MAX_SEGMENTS) {
    throw new DomainError('invalid_input', `The SMS takes ${sms.segments} segments, over ${SMS_MAX_SEGMENTS}`, reason('offer.sms_too_long', { segments: sms.segments, max: SMS_MAX_SEGMENTS }))
  }
  return { ...preview, sms }
}

function callScriptOf(template: OfferTemplate, data: TemplateData, language: Language): CallScript {
  const rendered = renderCallScript({ template, data, language })
  if (!rendered.ok) throw new DomainError('invalid_input', 'The call template does not render', { ...rendered.reason, channel: 'call' })
  return rendered.callScript
}
