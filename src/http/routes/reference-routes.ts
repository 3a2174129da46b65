import { z } from 'zod'
import { listBranches } from '../../app/reference/list-branches.ts'
import { listProducts } from '../../app/reference/list-products.ts'
import { listRegions } from '../../app/reference/list-regions.ts'
import type { App, ServerDeps } from '../build-server.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'
import { signedInUser } from '../signed-in-user.ts'

// The bank's catalogues for filters and forms; products lose their economics for the roles not
// cleared for them (core/product-economics.ts).
export function registerReferenceRoutes(app: App, deps: ServerDeps): void {
  app.get(
    '/api/branches',
    { config: { access: ROUTE_ACCESS['GET /api/branches'] }, schema: { response: { 200: z.object({ items: z.array(branch) }) } } },
    async () => ({ items: await listBranches(deps.db.kysely) }),
  )

  app.get(
    '/api/regions',
    { config: { access: ROUTE_ACCESS['GET /api/regions'] }, schema: { response: { 200: z.object({ items: z.array(region) }) } } },
    async () => ({ items: await listRegions(deps.db.kysely) }),
  )

  app.get(
    '/api/products',
    { config: { access: ROUTE_ACCESS['GET /api/products'] }, schema: { response: { 200: z.object({ items: z.array(product) }) } } },
    async (request) => ({ items: await listProducts(deps.db.kysely, { role: signedInUser(request).role }) }),
  )
}

const region = z.object({ code: z.string(), name: z.string() })

const branch = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  city: z.string().nullable(),
})

const product = z.object({
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
