import { z } from 'zod'
import { PRODUCT_TYPES } from './product-types.ts'
import { isoDate } from './program-schemas.ts'
import { optionalParam, pageParams, recordIdParam } from './query-params.ts'
import { REQUEST_CATEGORIES, REQUEST_MAX_LENGTH } from './request-categories.ts'
import { SEGMENTS } from './segments.ts'

// The requests and answers of /api/requests and POST /api/clients/:id/requests
// (src/http/routes/client-request-routes.ts), shared with the web.

/** POST /api/clients/:id/requests: what the client asked for, in the branch's words. */
export const clientRequestBody = z.object({
  body: z.string().trim().min(1).max(REQUEST_MAX_LENGTH),
  /** The kind of product it is about, when it is about one. */
  productType: z.enum(PRODUCT_TYPES).nullable().default(null),
  category: z.enum(REQUEST_CATEGORIES),
}).strict()
export type ClientRequestBody = z.infer<typeof clientRequestBody>

/** PATCH /api/requests/:id: the client economist's category (and product type) for a request. */
export const clientRequestPatch = z.object({
  category: z.enum(REQUEST_CATEGORIES),
  productType: z.enum(PRODUCT_TYPES).nullable().optional(),
}).strict()
export type ClientRequestPatch = z.infer<typeof clientRequestPatch>

/** The filters the list and the counts share. Dates are bank days, `to` included. */
const requestFilters = {
  from: optionalParam(isoDate),
  to: optionalParam(isoDate),
  category: optionalParam(z.enum(REQUEST_CATEGORIES)),
  segment: optionalParam(z.enum(SEGMENTS)),
  branch: optionalParam(recordIdParam),
}

export const clientRequestListQuery = z.object({
  ...requestFilters,
  client: optionalParam(recordIdParam),
  /** Only the requests no client economist has categorised yet. */
  uncategorised: optionalParam(z.enum(['true', 'false']).transform((v) => v === 'true')),
  /** Only the requests on this idea's board card; `none` for those on no idea. */
  idea: optionalParam(z.union([z.literal('none'), recordIdParam])),
  ...pageParams,
}).strict()
export type ClientRequestListQuery = z.infer<typeof clientRequestListQuery>

export const REQUEST_COUNT_DIMENSIONS = ['segment', 'branch', 'category'] as const
export type RequestCountDimension = (typeof REQUEST_COUNT_DIMENSIONS)[number]

export const clientRequestCountQuery = z.object({ ...requestFilters, by: z.enum(REQUEST_COUNT_DIMENSIONS).default('segment') }).strict()
export type ClientRequestCountQuery = z.infer<typeof clientRequestCountQuery>

export const clientRequestItem = z.object({
  id: z.number(),
  clientId: z.number(),
  bankId: z.string(),
  fullName: z.string(),
  /** The client's segment when the request was heard. */
  segment: z.enum(SEGMENTS),
  branchId: z.number().nullable(),
  branchName: z.string().nullable(),
  body: z.string(),
  productType: z.enum(PRODUCT_TYPES).nullable(),
  category: z.enum(REQUEST_CATEGORIES),
  authorLogin: z.string(),
  createdAt: z.string(),
  /** Who set the category last, when a client economist has. */
  categorisedBy: z.string().nullable(),
  categorisedAt: z.string().nullable(),
  /** The ideas this request is evidence for. */
  ideaIds: z.array(z.number()),
})
export type ClientRequestItem = z.infer<typeof clientRequestItem>

export const clientRequestList = z.object({ items: z.array(clientRequestItem), total: z.number() })
export type ClientRequestList = z.infer<typeof clientRequestList>

/** GET /api/requests/counts: requests per bank month and group, oldest month first, every month in the range present. */
export const clientRequestCounts = z.object({
  by: z.enum(REQUEST_COUNT_DIMENSIONS),
  months: z.array(z.string()),
  /** One series per group (a segment, a branch or a category); `key` is its code or id, `label` a branch's name. */
  series: z.array(z.object({ key: z.string(), label: z.string().nullable(), counts: z.array(z.number()), total: z.number() })),
  total: z.number(),
})
export type ClientRequestCounts = z.infer<typeof clientRequestCounts>
