import type { App, ServerDeps } from '../build-server.ts'
import { registerAuthRoutes } from './auth-routes.ts'
import { registerHealthRoutes } from './health-routes.ts'

// Every route module of the API, in one list.
export function registerRoutes(app: App, deps: ServerDeps): void {
  registerHealthRoutes(app)
  registerAuthRoutes(app, deps)
}
