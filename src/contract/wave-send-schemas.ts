import { z } from 'zod'
import { WAVE_SEND_STATUSES } from './contact-states.ts'

// A wave's sending, as the program page polls it (GET /api/waves/:id/sending) and as
// `otklik wave send --json` prints it (snake_case: the contract).
export const waveSending = z.object({
  wave: z.number(),
  status: z.enum(WAVE_SEND_STATUSES),
  queued: z.number(),
  sent: z.number(),
  failed: z.number(),
  skipped_by_policy: z.number(),
  unknown: z.number(),
  waiting: z.number(),
  skipped: z.record(z.string(), z.number()),
  next_attempt_at: z.string().nullable(),
  /** Who is sending it now (pid, host, command), null when no one is. */
  owner: z.record(z.string(), z.unknown()).nullable(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
  offer: z.object({ code: z.string(), version: z.number() }).nullable(),
})
export type WaveSending = z.infer<typeof waveSending>

/** POST /api/waves/:id/send: accepted, the work runs as a job. */
export const waveSendAccepted = z.object({ wave: z.number(), job: z.string().nullable() })

/** The SMS gateway's callbacks (docs/sms-gateway.md). */
export const smsDeliveryReportBody = z.object({
  reference: z.string().min(1).max(200),
  id: z.string().max(200).nullable().optional(),
  status: z.enum(['delivered', 'failed', 'expired', 'rejected']),
  at: z.iso.datetime({ offset: true }),
})
export const smsInboundBody = z.object({
  from: z.string().min(1).max(40),
  text: z.string().max(2000),
  at: z.iso.datetime({ offset: true }),
})
