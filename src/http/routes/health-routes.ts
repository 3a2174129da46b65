import { z } from 'zod'
import type { App } from '../build-server.ts'

export function registerHealthRoutes(app: App): void {
  app.get(
    '/api/health',
    { config: { access: 'public' }, schema: { response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  )
}
