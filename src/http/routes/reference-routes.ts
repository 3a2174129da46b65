import { listBranches } from '../../app/reference/list-branches.ts'
import { listProducts } from '../../app/reference/list-products.ts'
import { changeProductTerms } from '../../app/reference/change-product-terms.ts'
import { listRegions } from '../../app/reference/list-regions.ts'
import { branchList, productChange, productChangesBody, productCodeParams, productList, regionList } from '../../contract/reference-schemas.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'
import type { App, ServerDeps } from '../build-server.ts'
import { signedInUser } from '../signed-in-user.ts'

// The bank's catalogues for filters and forms; products lose their economics for the roles not
// cleared for them (core/product-economics.ts).
export function registerReferenceRoutes(app: App, deps: ServerDeps): void {
  app.get(
    '/api/branches',
    { config: { access: ROUTE_ACCESS['GET /api/branches'] }, schema: { response: { 200: branchList } } },
    async () => ({ items: await listBranches(deps.db.kysely) }),
  )

  app.get(
    '/api/regions',
    { config: { access: ROUTE_ACCESS['GET /api/regions'] }, schema: { response: { 200: regionList } } },
    async () => ({ items: await listRegions(deps.db.kysely) }),
  )

  app.get(
    '/api/products',
    { config: { access: ROUTE_ACCESS['GET /api/products'] }, schema: { response: { 200: productList } } },
    async (request) => ({ items: await listProducts(deps.db.kysely, { role: signedInUser(request).role }) }),
  )

  app.patch(
    '/api/products/:code',
    {
      config: { access: ROUTE_ACCESS['PATCH /api/products/:code'] },
      schema: { params: productCodeParams, body: productChangesBody, response: { 200: productChange } },
    },
    async (request) => changeProductTerms(deps.db.kysely, { code: request.params.code, changes: request.body, actor: signedInUser(request), now: deps.now() }),
  )
}
