import { z } from 'zod'
import { PRODUCT_TYPES } from './product-types.ts'
import { RESPONSE_SOURCES, RESPONSE_TYPES } from './response-types.ts'

// What counts as a response for a program (issue 9, item 2), stated once per program and applied
// alike to its target and control: a list of rules, any of which makes a response count. The
// window is the program's attribution window (business case `attributionDays`,
// core/program/attribution-window.ts), the same one its verdict reads. "Opened a credit card" is
// {type: 'conversion', productType: 'credit_card'}; "a deposit of at least 50,000 ₽" is
// {type: 'balance', productType: 'term_deposit', minValue: '50000'}; "any call outcome 'agreed'"
// is {type: 'application', source: 'call'}. The rule is core/response/attribute-event.ts.

/** Roubles as a decimal string with at most two decimals ('50000', '1234.50'). */
const roubles = z.string().trim().regex(/^\d{1,14}(\.\d{1,2})?$/, 'roubles with at most two decimals, e.g. 50000 or 1234.50')

export const responseRule = z
  .object({
    type: z.enum(RESPONSE_TYPES),
    productType: z.enum(PRODUCT_TYPES).optional(),
    source: z.enum(RESPONSE_SOURCES).optional(),
    /** The least value (roubles) that counts, inclusive. */
    minValue: roubles.optional(),
  })
  .strict()
export type ResponseRule = z.infer<typeof responseRule>

export const responseDefinition = z
  .object({
    rules: z.array(responseRule).min(1).max(20),
    /** Where two programs' windows overlap and their waves share a day: the smaller number wins. */
    priority: z.number().int().min(1).max(1000).default(100),
  })
  .strict()
export type ResponseDefinition = z.infer<typeof responseDefinition>

/** PUT /api/programs/:code/response-definition: the definition, or null to withdraw it. */
export const responseDefinitionBody = z.object({ definition: z.record(z.string(), z.unknown()).nullable() }).strict()

export const responseDefinitionView = z.object({
  program: z.string(),
  definition: responseDefinition.nullable(),
  /** The attribution window the rules count in: the business case's attributionDays, or the bank's 30. */
  windowDays: z.number(),
})

export const attributionResult = z.object({
  /** all: the whole bank; import: only the clients an import touched, nothing else having changed since the last whole run. */
  scope: z.enum(['all', 'import']),
  events: z.number(),
  attributed: z.number(),
  unattributed: z.number(),
  byProgram: z.record(z.string(), z.number()),
})
