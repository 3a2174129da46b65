import type { Language } from '../../contract/language.ts'
import type { CallScript, OfferTemplate } from '../../contract/offer-schemas.ts'
import type { TemplateData } from '../../contract/offer-template-fields.ts'
import type { Reason } from '../../contract/reason-codes.ts'
import { renderOfferTemplate } from './render-offer-template.ts'

export type RenderCallScriptInput = { template: Pick<OfferTemplate, 'script' | 'objections'>; data: TemplateData; language: Language }

export type RenderedCallScript = { ok: true; callScript: CallScript } | { ok: false; reason: Reason & { path: string } }

/**
 * A call template rendered for one client, as the operator reads it: the opening and pitch, then
 * each objection (plain text, as the client says it) with its answer (a template like the script,
 * so it can quote the client's name or the offer's rate). The first template error names its path.
 */
export function renderCallScript({ template, data, language }: RenderCallScriptInput): RenderedCallScript {
  let script: string | null = null
  if (template.script != null) {
    const rendered = renderOfferTemplate({ part: 'script', text: template.script, data, language })
    if (!rendered.ok) return { ok: false, reason: { ...rendered.reason, path: 'script' } }
    script = rendered.text
  }
  const objections: CallScript['objections'] = []
  for (const [index, { objection, answer }] of (template.objections ?? []).entries()) {
    const rendered = renderOfferTemplate({ part: 'script', text: answer, data, language })
    if (!rendered.ok) return { ok: false, reason: { ...rendered.reason, path: `objections[${index}].answer` } }
    objections.push({ objection, answer: rendered.text })
  }
  return { ok: true, callScript: { script, objections } }
}
