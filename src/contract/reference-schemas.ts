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
})
export const productList = z.object({ items: z.array(product) })
