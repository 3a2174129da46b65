import { z } from 'zod'
import { IT_TASK_KINDS, IT_TASK_STATUSES } from './it-task-statuses.ts'
import { isoDate } from './program-schemas.ts'
import { optionalParam, recordId } from './query-params.ts'

// The requests and answers of /api/it-tasks (src/http/routes/it-task-routes.ts), shared with the web.

const fieldName = z.string().trim().min(1).max(80)

const itTaskFields = {
  title: z.string().trim().min(1).max(200),
  description: z.string().trim().max(4000),
  kind: z.enum(IT_TASK_KINDS),
  /** How many clients it concerns, when not a saved selection. */
  clientCount: z.number().int().positive().max(100_000_000).nullable(),
  /** The saved selection whose clients it concerns. */
  selectionId: recordId.nullable(),
  /** The client fields concerned: existing ones to fix or extract, new ones to add. */
  fields: z.array(fieldName).max(50),
  /** Who in IT works it (IT has no accounts in Otklik: a name or a team). */
  owner: z.string().trim().min(1).max(200).nullable(),
  dueDate: isoDate.nullable(),
}

const oneClientSet = (body: { clientCount?: number | null; selectionId?: number | null }, ctx: z.RefinementCtx) => {
  if (body.clientCount != null && body.selectionId != null) ctx.addIssue({ code: 'custom', path: ['selectionId'], message: 'give a client count or a selection, not both' })
}

export const itTaskBody = z.object({
  ...itTaskFields,
  description: itTaskFields.description.default(''),
  clientCount: itTaskFields.clientCount.default(null),
  selectionId: itTaskFields.selectionId.default(null),
  fields: itTaskFields.fields.default([]),
  owner: itTaskFields.owner.default(null),
  dueDate: itTaskFields.dueDate.default(null),
}).strict().superRefine(oneClientSet)
export type ItTaskBody = z.infer<typeof itTaskBody>

/** PATCH /api/it-tasks/:id: any of the fields, and/or a status move (contract/it-task-statuses.ts). */
export const itTaskPatch = z.object({
  title: itTaskFields.title.optional(),
  description: itTaskFields.description.optional(),
  kind: itTaskFields.kind.optional(),
  clientCount: itTaskFields.clientCount.optional(),
  selectionId: itTaskFields.selectionId.optional(),
  fields: itTaskFields.fields.optional(),
  owner: itTaskFields.owner.optional(),
  dueDate: itTaskFields.dueDate.optional(),
  status: z.enum(IT_TASK_STATUSES).optional(),
}).strict().superRefine((body, ctx) => {
  if (Object.keys(body).length === 0) ctx.addIssue({ code: 'custom', path: ['title'], message: 'give a field to change or a status' })
  oneClientSet(body, ctx)
})
export type ItTaskPatch = z.infer<typeof itTaskPatch>

export const itTaskCommentBody = z.object({ text: z.string().trim().min(1).max(2000) }).strict()

export const itTaskListQuery = z.object({
  status: optionalParam(z.enum(IT_TASK_STATUSES)),
  kind: optionalParam(z.enum(IT_TASK_KINDS)),
  owner: optionalParam(z.string().trim().min(1).max(200)),
  overdue: optionalParam(z.enum(['true', 'false']).transform((v) => v === 'true')),
}).strict()
export type ItTaskListQuery = z.infer<typeof itTaskListQuery>

export const itTaskItem = z.object({
  id: z.number(),
  title: z.string(),
  description: z.string(),
  kind: z.enum(IT_TASK_KINDS),
  clientCount: z.number().nullable(),
  selection: z.object({ id: z.number(), name: z.string() }).nullable(),
  fields: z.array(z.string()),
  owner: z.string().nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(IT_TASK_STATUSES),
  allowedMoves: z.array(z.enum(IT_TASK_STATUSES)),
  /** An open task whose due date is before the bank's today. */
  overdue: z.boolean(),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  comments: z.array(z.object({ at: z.string(), author: z.string(), text: z.string() })),
})
export type ItTaskItem = z.infer<typeof itTaskItem>

export const itTaskList = z.array(itTaskItem)
