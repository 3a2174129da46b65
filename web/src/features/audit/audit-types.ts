import type { z } from 'zod'
import type { auditList } from '../../../../src/contract/audit-schemas.ts'

// The shape of GET /api/audit comes from the contract the route validates with.
export type AuditList = z.infer<typeof auditList>
export type AuditEvent = AuditList['items'][number]
