import type { Language } from '../../contract/language.ts'
import { CHANNEL_PARTS, type OfferChannel, type OfferTemplate, type OfferTemplatePart } from '../../contract/offer-schemas.ts'
import type { TemplateData } from '../../contract/offer-template-fields.ts'
import type { Reason } from '../../contract/reason-codes.ts'
import { templatePartText } from './check-offer-content.ts'
import { checkOfferTemplate } from './check-offer-template.ts'
import type { Template } from './offer-template-engine.ts'
import { renderParsedPart } from './render-offer-template.ts'

// A channel's template parsed once for a whole wave: each member's message is then only a render,
// not a parse and a field check (renderOfferTemplate does all three, for one preview).

export type RenderedParts = Partial<Record<OfferTemplatePart, string>>

export type PreparedTemplates = { render(data: TemplateData): { ok: true; parts: RenderedParts } | { ok: false; reason: Reason } }

export function prepareOfferTemplates(template: OfferTemplate, channel: OfferChannel, language: Language): { ok: true; prepared: PreparedTemplates } | { ok: false; reason: Reason } {
  const parsed: { part: OfferTemplatePart; templates: Template[] }[] = []
  for (const part of CHANNEL_PARTS[channel]) {
    const text = templatePartText(template, part)
    if (text == null) continue
    const checked = checkOfferTemplate(part, text, language)
    if (!checked.ok) return checked
    parsed.push({ part, templates: checked.templates })
  }
  const render = (data: TemplateData) => {
    const parts: RenderedParts = {}
    for (const { part, templates } of parsed) {
      let rendered = renderParsedPart({ part, templates, data, language })
      // The render limit is wall-clock time: a stall of a loaded machine (a GC pause) can trip it on
      // a template that renders in microseconds. Twice more before a member's message is refused.
      for (let retry = 0; retry < 2 && !rendered.ok && rendered.reason.code === 'template.too_slow'; retry++) {
        rendered = renderParsedPart({ part, templates, data, language })
      }
      if (!rendered.ok) return rendered
      parts[part] = rendered.text
    }
    return { ok: true as const, parts }
  }
  return { ok: true, prepared: { render } }
}
