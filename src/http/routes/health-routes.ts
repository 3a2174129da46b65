import { z } from 'zod'
import type { App } from '../build-server.ts'
import { ROUTE_ACCESS } from '../../contract/route-access.ts'

export function registerHealthRoutes(app: App): void {
  app.get(
    '/api/health',
    { config: { access: ROUTE_ACCESS['GET /api/health'] }, schema: { response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  )
}
