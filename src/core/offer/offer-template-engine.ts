import { Liquid, type Template } from 'liquidjs'
import type { Language } from '../../contract/language.ts'
import { TEMPLATE_MAX_LENGTH } from '../../contract/offer-schemas.ts'
import { formatOfferDate, formatOfferMoney, formatOfferPercent } from './format-offer-values.ts'
import { formOfAddress } from './split-full-name.ts'

// LiquidJS set up as a sandbox for templates the marketer writes: an unknown variable or filter is
// an error (strictVariables, strictFilters), only a scope object's own properties are visible
// (ownPropertyOnly, so no `constructor` or prototype walks), and nothing is read from disk: the
// file-system tags are removed and the engine's file system is an empty in-memory map. The limits
// are LiquidJS's own DoS guards (liquidjs.com/tutorials/dos): parseLimit on the template's length,
// renderLimit on the time one render takes (checked between template nodes), memoryLimit on the
// objects its ranges and array filters allocate. They are cooperative, not a process sandbox.

/** Milliseconds one render may take; a real offer renders in well under one. */
export const RENDER_LIMIT_MS = 200
/** Objects the array filters and ranges of one render may allocate. */
export const MEMORY_LIMIT = 1_000_000
/** Characters a rendered part may have: a letter is a few pages, an e-mail a few screens. */
export const OUTPUT_LIMIT = 100_000

/** Tags that read other templates (from disk, in LiquidJS's default file system). */
export const FORBIDDEN_TAGS = ['include', 'render', 'layout', 'block'] as const

const engines = new Map<string, Liquid>()

/** One engine per language and escaping (HTML parts escape every output; `| raw` opts out). */
export function offerTemplateEngine(language: Language, escapeHtml: boolean): Liquid {
  const key = `${language}:${escapeHtml}`
  const known = engines.get(key)
  if (known) return known
  const liquid = new Liquid({
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    templates: {},
    relativeReference: false,
    dynamicPartials: false,
    parseLimit: TEMPLATE_MAX_LENGTH,
    renderLimit: RENDER_LIMIT_MS,
    memoryLimit: MEMORY_LIMIT,
    ...(escapeHtml ? { outputEscape: 'escape' as const } : {}),
  })
  for (const tag of FORBIDDEN_TAGS) delete (liquid.tags as Record<string, unknown>)[tag]
  liquid.registerFilter('money', (value: unknown) => formatOfferMoney(value, language))
  liquid.registerFilter('percent', (value: unknown) => formatOfferPercent(value, language))
  liquid.registerFilter('date', (value: unknown) => formatOfferDate(value))
  liquid.registerFilter('address_name', (value: unknown) => (value == null ? '' : formOfAddress(String(value))))
  engines.set(key, liquid)
  return liquid
}

export type { Template }
