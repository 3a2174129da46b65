import type { Language } from '../../contract/language.ts'
import type { OfferTemplatePart } from '../../contract/offer-schemas.ts'
import { TEMPLATE_MAX_LENGTH } from '../../contract/offer-schemas.ts'
import { isTemplateField } from '../../contract/offer-template-fields.ts'
import { reason, type Reason } from '../../contract/reason-codes.ts'
import { offerTemplateEngine, type Template } from './offer-template-engine.ts'
import { templateErrorReason } from './template-error-reason.ts'

export type CheckedTemplate = { ok: true; templates: Template[] } | { ok: false; reason: Reason }

/**
 * Parses a template and checks every variable it reads against the closed list of fields
 * (contract/offer-template-fields.ts), in branches a given client would never take too: the
 * marketer learns of `{{ client.frist_name }}` when saving, not when the wave is sent.
 */
export function checkOfferTemplate(part: OfferTemplatePart, text: string, language: Language = 'ru'): CheckedTemplate {
  if (text.length > TEMPLATE_MAX_LENGTH) return { ok: false, reason: reason('template.too_long', { part, limit: TEMPLATE_MAX_LENGTH }) }
  const liquid = offerTemplateEngine(language, part === 'body_html')
  let templates: Template[]
  try {
    templates = liquid.parse(text)
  } catch (error) {
    return { ok: false, reason: templateErrorReason(part, error) }
  }
  const analysis = liquid.analyzeSync(templates, { partials: false })
  const unknown = Object.values(analysis.globals)
    .flat()
    .filter((variable) => {
      const [object, field, ...deeper] = variable.segments
      return !(typeof object === 'string' && typeof field === 'string' && deeper.length === 0 && isTemplateField(object, field))
    })
    .sort((a, b) => a.location.row - b.location.row || a.location.col - b.location.col)
  const first = unknown[0]
  if (first) return { ok: false, reason: reason('template.unknown_field', { part, line: first.location.row, column: first.location.col, field: first.toString() }) }
  return { ok: true, templates }
}
