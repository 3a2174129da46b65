import { CHANNEL_PARTS, OFFER_TEMPLATE_PARTS, type OfferContent, type OfferTemplate, type OfferTemplatePart } from '../../contract/offer-schemas.ts'
import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../domain-error.ts'
import { SMS_MAX_SEGMENTS } from '../../contract/count-sms-segments.ts'
import { checkOfferTemplate } from './check-offer-template.ts'
import { countSmsTemplateSegments } from './count-sms-template-segments.ts'
import type { Template } from './offer-template-engine.ts'

/** The template's text of one part: `body_html` is `bodyHtml`. */
export function templatePartText(template: OfferTemplate, part: OfferTemplatePart): string | null {
  switch (part) {
    case 'subject':
      return template.subject
    case 'body_html':
      return template.bodyHtml
    case 'body_text':
      return template.bodyText
    case 'script':
      return template.script
  }
}

const API_NAMES: Record<OfferTemplatePart, string> = { subject: 'subject', body_html: 'bodyHtml', body_text: 'bodyText', script: 'script' }

/** An SMS template that is over the limit for every client (core/offer/count-sms-template-segments.ts) is refused, naming its field. */
function refuseSmsOverLimit(field: string, templates: Template[]): void {
  const { segments } = countSmsTemplateSegments(templates)
  if (segments <= SMS_MAX_SEGMENTS) return
  throw new DomainError('invalid_input', `${field}: the SMS takes at least ${segments} segments, over ${SMS_MAX_SEGMENTS}`, reason('offer.sms_over_limit', { field, segments, max: SMS_MAX_SEGMENTS }))
}

/** A call's answers to objections are templates like its script: each parses and reads only listed fields. */
function checkObjectionAnswers(template: OfferTemplate, index: number): void {
  ;(template.objections ?? []).forEach(({ answer }, at) => {
    const checked = checkOfferTemplate('script', answer)
    const field = `templates[${index}].objections[${at}].answer`
    if (!checked.ok) throw new DomainError('invalid_input', `${field}: template error`, { ...checked.reason, channel: template.channel, path: field })
  })
}

/**
 * An offer's version as the marketer saves it: dates in order, each channel's template holding only
 * its channel's parts, every template parsing and reading only listed fields, an SMS not surely over
 * SMS_MAX_SEGMENTS. The first problem is
 * refused, naming the field (`templates[1].bodyText`) or the template's line.
 */
export function checkOfferContent(content: OfferContent): void {
  if (content.validFrom && content.validUntil && content.validUntil < content.validFrom) {
    throw new DomainError('invalid_input', 'validUntil is before validFrom', reason('offer.end_before_start', { field: 'validUntil' }))
  }
  ;(content.templates ?? []).forEach((template, index) => {
    if (template.channel !== 'call' && (template.objections ?? []).length > 0) {
      const field = `templates[${index}].objections`
      throw new DomainError('invalid_input', `${field}: a ${template.channel} template has no objections`, reason('request.invalid', { field, issue: `not a part of the ${template.channel} template` }))
    }
    for (const part of OFFER_TEMPLATE_PARTS) {
      const text = templatePartText(template, part)
      if (text == null) continue
      const field = `templates[${index}].${API_NAMES[part]}`
      if (!CHANNEL_PARTS[template.channel].includes(part)) {
        throw new DomainError('invalid_input', `${field}: a ${template.channel} template has no ${part}`, reason('request.invalid', { field, issue: `not a part of the ${template.channel} template` }))
      }
      const checked = checkOfferTemplate(part, text)
      // The channel beside the part, so the editor opens the right tab.
      if (!checked.ok) throw new DomainError('invalid_input', `${field}: template error`, { ...checked.reason, channel: template.channel, path: field })
      if (template.channel === 'sms') refuseSmsOverLimit(field, checked.templates)
    }
    checkObjectionAnswers(template, index)
  })
}
