import { z } from 'zod'
import { reasonSchema } from './reason-schema.ts'

/**
 * Every error answer of the API. `error` is the DomainError code (it decides the status), `message`
 * English words for logs and curl, `details` the machine-readable reason `{ code, ...params }` that
 * the web translates (contract/reason-codes.ts). Other keys in `details` (e.g. `path`) stay.
 */
export const errorBodySchema = z.object({
  error: z.string(),
  message: z.string(),
  details: reasonSchema.optional(),
})
export type ErrorBody = z.infer<typeof errorBodySchema>
