import type { Language } from '../../contract/language.ts'
import type { OfferTemplatePart } from '../../contract/offer-schemas.ts'
import type { TemplateData } from '../../contract/offer-template-fields.ts'
import { reason, type Reason } from '../../contract/reason-codes.ts'
import { checkOfferTemplate } from './check-offer-template.ts'
import { offerTemplateEngine, OUTPUT_LIMIT, type Template } from './offer-template-engine.ts'
import { templateErrorReason } from './template-error-reason.ts'

export type RenderOfferTemplateInput = {
  part: OfferTemplatePart
  text: string
  data: TemplateData
  language: Language
}

export type RenderedTemplate = { ok: true; text: string } | { ok: false; reason: Reason }

/** Renders one part of an offer's template for one client; an error is a reason naming its line. */
export function renderOfferTemplate({ part, text, data, language }: RenderOfferTemplateInput): RenderedTemplate {
  const checked = checkOfferTemplate(part, text, language)
  if (!checked.ok) return checked
  return renderParsedPart({ part, templates: checked.templates, data, language })
}

export type RenderParsedPartInput = { part: OfferTemplatePart; templates: Template[]; data: TemplateData; language: Language }

/** Renders a part already parsed and checked (prepare-offer-templates.ts parses once per wave). */
export function renderParsedPart({ part, templates, data, language }: RenderParsedPartInput): RenderedTemplate {
  let output: string
  try {
    output = String(offerTemplateEngine(language, part === 'body_html').renderSync(templates, data))
  } catch (error) {
    return { ok: false, reason: templateErrorReason(part, error) }
  }
  if (output.length > OUTPUT_LIMIT) return { ok: false, reason: reason('template.too_large', { part, limit: OUTPUT_LIMIT }) }
  return { ok: true, text: output }
}
