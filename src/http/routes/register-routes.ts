import type { App, ServerDeps } from '../build-server.ts'
import { registerAuditRoutes } from './audit-routes.ts'
import { registerAuthRoutes } from './auth-routes.ts'
import { registerClientRoutes } from './clients-routes.ts'
import { registerHealthRoutes } from './health-routes.ts'
import { registerImportRoutes } from './import-routes.ts'
import { registerJobRoutes } from './job-routes.ts'
import { registerOfferRoutes } from './offer-routes.ts'
import { registerPilotDesignRoutes } from './pilot-design-routes.ts'
import { registerProgramRoutes } from './program-routes.ts'
import { registerReferenceRoutes } from './reference-routes.ts'
import { registerResponseRoutes } from './response-routes.ts'
import { registerRolloutPlanRoutes } from './rollout-plan-routes.ts'
import { registerSelectionRoutes } from './selection-routes.ts'
import { registerUserRoutes } from './user-routes.ts'
import { registerWaveRoutes } from './wave-routes.ts'
import { registerSendingRoutes } from './sending-routes.ts'
import { registerCallCentreRoutes } from './call-centre-routes.ts'
import { registerLeadRoutes } from './lead-routes.ts'
import { registerContactHistoryRoutes } from './contact-history-routes.ts'
import { registerUpliftModelRoutes } from './uplift-model-routes.ts'
import { registerChurnRoutes } from './churn-routes.ts'
import { registerBankSettingsRoutes } from './bank-settings-routes.ts'
import { registerComplaintFileRoutes } from './complaint-file-routes.ts'
import { registerClientRequestRoutes } from './client-request-routes.ts'
import { registerProductIdeaRoutes } from './product-idea-routes.ts'
import { registerItTaskRoutes } from './it-task-routes.ts'
import { registerComplaintRoutes } from './complaint-routes.ts'
import { registerCallLogRoutes } from './call-log-routes.ts'

// Every route module of the API, in one list.
export function registerRoutes(app: App, deps: ServerDeps): void {
  registerHealthRoutes(app)
  registerAuthRoutes(app, deps)
  registerReferenceRoutes(app, deps)
  registerClientRoutes(app, deps)
  registerImportRoutes(app, deps)
  registerJobRoutes(app, deps)
  registerAuditRoutes(app, deps)
  registerUserRoutes(app, deps)
  registerSelectionRoutes(app, deps)
  registerWaveRoutes(app, deps)
  registerSendingRoutes(app, deps)
  registerContactHistoryRoutes(app, deps)
  registerBankSettingsRoutes(app, deps)
  registerProgramRoutes(app, deps)
  registerPilotDesignRoutes(app, deps)
  registerResponseRoutes(app, deps)
  registerRolloutPlanRoutes(app, deps)
  registerOfferRoutes(app, deps)
  registerCallCentreRoutes(app, deps)
  registerLeadRoutes(app, deps)
  registerUpliftModelRoutes(app, deps)
  registerComplaintFileRoutes(app, deps)
  registerClientRequestRoutes(app, deps)
  registerProductIdeaRoutes(app, deps)
  registerItTaskRoutes(app, deps)
  registerComplaintRoutes(app, deps)
  registerChurnRoutes(app, deps)
  registerCallLogRoutes(app, deps)
}
