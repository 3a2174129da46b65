import { z } from 'zod'
import { MAX_RECORD_ID } from './record-id.ts'

// Building blocks for query-string schemas. A query string carries only text, and forms send
// empty fields as `name=`: an empty value means "not given", never a filter on ''.

export function optionalParam<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional())
}

/** Paging of every list (api-contract.md): limit 1–500, default 50; offset from 0. */
export const pageParams = {
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
}

export const booleanParam = z.enum(['true', 'false']).transform((value) => value === 'true')

/** A row id in a JSON body: a positive integer a database id can be (contract/record-id.ts). */
export const recordId = z.number().int().positive().max(MAX_RECORD_ID)

/** A row id in a path or a query string, where it arrives as text: digits only (not `1e3`, ` 1`). */
export const recordIdParam = z
  .string()
  .regex(/^[0-9]{1,10}$/, 'must be a positive whole number')
  .transform(Number)
  .pipe(recordId)

/** A database id in a path: a positive integer, or 400 naming the parameter. */
export const idParams = z.object({ id: recordIdParam })
