import { z } from 'zod'
import { optionalParam, pageParams } from './query-params.ts'

// The request and answer of GET /api/audit, shared by the route (src/http/routes/audit-routes.ts)
// and the web's audit page (web/src/features/audit/audit-types.ts).

/** A day ('2026-03-01') or a moment with its offset (ISO 8601). */
const bound = z.union([z.iso.date(), z.iso.datetime({ offset: true })])

export const auditQuery = z.object({
  login: optionalParam(z.string().max(100)),
  action: optionalParam(z.string().max(50)),
  from: optionalParam(bound),
  to: optionalParam(bound),
  ...pageParams,
})

export const auditEvent = z.object({
  id: z.number(),
  at: z.string(),
  login: z.string().nullable(),
  action: z.string(),
  entity: z.string().nullable(),
  entityId: z.string().nullable(),
  /** Flat names and values the action records (never the rows it read). */
  details: z.record(z.string(), z.unknown()),
})

export const auditList = z.object({ total: z.number(), items: z.array(auditEvent) })
