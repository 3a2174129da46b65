import { z } from 'zod'

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

/** A database id in a path: a positive integer, or 400 naming the parameter. */
export const idParams = z.object({ id: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER) })
