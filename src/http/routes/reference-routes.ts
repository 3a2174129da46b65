import { z } from 'zod'
import { listBranches, listProducts, listRegions } from '../../db/stores/reference-store.ts'
import type { App, ServerDeps } from '../build-server.ts'
import { ROUTE_ACCESS } from '../route-access.ts'

// The bank's catalogues for filters and forms. Plain reads with no rules: the handlers call the
// store directly rather than through a use case that would only pass the call on.
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
    async () => ({ items: await listProducts(deps.db.kysely) }),
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
  ftpRate: z.number().nullable(),
  clientRate: z.number().nullable(),
  feeRate: z.number().nullable(),
  probabilityOfDefault: z.number().nullable(),
  lossGivenDefault: z.number().nullable(),
  lifetimeMonths: z.number().nullable(),
  active: z.boolean(),
})
