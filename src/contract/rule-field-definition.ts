import { z } from 'zod'

// A field of the selection rule catalogue as the server describes it (GET /api/selections/catalogue):
// the parser validates rules against these, the web rule builder offers them. The catalogue
// itself is core/selection/rule-catalogue.ts.

export const FIELD_KINDS = ['number', 'enum', 'code', 'boolean', 'holds', 'channel', 'recency', 'membership'] as const
export type FieldKind = (typeof FIELD_KINDS)[number]

export const FIELD_GROUPS = ['client', 'holdings', 'activity', 'consents', 'contacts', 'responses', 'complaints', 'scores', 'selections'] as const
export type FieldGroup = (typeof FIELD_GROUPS)[number]

export const fieldDefinitionSchema = z.object({
  name: z.string(),
  group: z.enum(FIELD_GROUPS),
  kind: z.enum(FIELD_KINDS),
  ops: z.array(z.string()).readonly(),
  /** Allowed values of an enum field (or of the value of holds / has). */
  values: z.array(z.string()).readonly().optional(),
  /** Lowest and highest meaningful number, so that absurd values are rejected with a reason. */
  range: z.tuple([z.number(), z.number()]).readonly().optional(),
  /** Optional qualifiers of a recency condition: `channel`, `program`. */
  qualifiers: z.array(z.enum(['channel', 'program'])).readonly().optional(),
  label: z.object({ ru: z.string(), en: z.string() }),
})
export type FieldDefinition = z.infer<typeof fieldDefinitionSchema>
