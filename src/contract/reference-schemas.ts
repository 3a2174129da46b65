import { z } from 'zod'

// The answers of the bank's catalogues (GET /api/regions, /api/branches, /api/products), shared by
// the routes (src/http/routes/reference-routes.ts) and the web's filters and forms.

export const region = z.object({ code: z.string(), name: z.string() })
export const regionList = z.object({ items: z.array(region) })

export const branch = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  city: z.string().nullable(),
})
export const branchList = z.object({ items: z.array(branch) })

export const product = z.object({
  code: z.string(),
  type: z.string(),
  name: z.string(),
  /** Absent for the roles that do not see product economics. */
  ftpRate: z.number().nullable().optional(),
  clientRate: z.number().nullable(),
  feeRate: z.number().nullable(),
  probabilityOfDefault: z.number().nullable().optional(),
  lossGivenDefault: z.number().nullable().optional(),
  lifetimeMonths: z.number().nullable().optional(),
  active: z.boolean(),
  /** When the catalogue's terms were last changed (PATCH /api/products/:code), and by whom; null before that. */
  updatedAt: z.string().nullable().optional(),
  updatedBy: z.string().nullable().optional(),
})
export const productList = z.object({ items: z.array(product) })

export const productCodeParams = z.object({ code: z.string().min(1).max(64) })

const rate = z.number().nullable()

/**
 * PATCH /api/products/:code: the terms to change, null to clear one. The types are checked here;
 * the ranges and which fields a product may carry in core/check-product-terms.ts, naming the field.
 */
export const productChangesBody = z
  .strictObject({
    ftpRate: rate,
    clientRate: rate,
    feeRate: rate,
    probabilityOfDefault: rate,
    lossGivenDefault: rate,
    lifetimeMonths: z.number().nullable(),
    active: z.boolean(),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'name at least one field')
export type ProductChanges = z.infer<typeof productChangesBody>

/** The answer of PATCH /api/products/:code: the product as now kept, and the open programs whose cases now count on it. */
export const productChange = z.object({
  product,
  programs: z.array(z.object({ code: z.string(), status: z.string() })),
})
