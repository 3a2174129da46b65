import { z } from 'zod'
import { IMPORT_KINDS } from './import-kinds.ts'
import { reasonSchema } from './reason-schema.ts'

// The requests and answers of /api/imports, shared by the routes (src/http/routes/import-routes.ts)
// and the web (web/src/features/imports/import-types.ts infers its types from them).

export const importKind = z.enum(IMPORT_KINDS)

export const fieldsQuery = z.object({ kind: importKind })
export const fieldsResponse = z.object({
  kind: importKind,
  fields: z.array(z.object({ name: z.string(), required: z.boolean(), requiredForNew: z.boolean(), description: z.string() })),
})

export const previewResponse = z.object({
  kind: importKind,
  encoding: z.string().nullable(),
  delimiter: z.string().nullable(),
  headers: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  suggestedMapping: z.record(z.string(), z.string()),
})

const mappingJson = z.string().max(100_000).transform((text, ctx) => {
  try {
    const parsed = z.record(z.string(), z.string()).safeParse(JSON.parse(text))
    if (parsed.success) return parsed.data
  } catch {
    // reported below
  }
  ctx.addIssue({ code: 'custom', message: 'mapping must be JSON {"field": "header"}' })
  return z.NEVER
})

/** The text fields of POST /api/imports (multipart). */
export const importForm = z.object({
  kind: importKind,
  dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  mapping: mappingJson.optional(),
  encoding: z.string().max(40).optional(),
  /** The program's code: required when kind is responses, refused otherwise. */
  program: z.string().max(64).optional(),
})

/** The text fields of POST /api/imports/preview (multipart). */
export const previewForm = z.object({ kind: importKind.optional(), encoding: z.string().max(40).optional(), program: z.string().max(64).optional() })

export const importRecord = z.object({
  id: z.number(),
  kind: z.string(),
  /** The program an import of responses was for (its code); null for the other kinds. */
  program: z.string().nullable(),
  fileName: z.string(),
  login: z.string().nullable(),
  dryRun: z.boolean(),
  /**
   * queued: an upload waiting for the server's import worker (a job); interrupted: the process
   * running it stopped before it finished (nothing was loaded) — an upload is then started over.
   */
  status: z.enum(['queued', 'running', 'done', 'failed', 'interrupted']),
  /** How many times it was started: more than 1 when a restart took it up again from the beginning. */
  attempts: z.number(),
  rowsRead: z.number(),
  loaded: z.number(),
  rejected: z.number(),
  /** English, for logs; `errorReason` is the same as a code for the reader's language. */
  error: z.string().nullable(),
  errorReason: reasonSchema.nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  /** The share of the file read, 0–1 (null when the size is unknown). */
  progress: z.number().nullable(),
  /** The process that ran it ("pid 4242 on host-1") and when it last reported progress. */
  owner: z.string().nullable(),
  heartbeatAt: z.string().nullable(),
  /** Applies run one at a time: how long this one waited, and rows another import had created meanwhile (updated). */
  apply: z.object({ serialised: z.literal(true), waitedMs: z.number(), updatedInstead: z.number() }).nullable(),
  /** Rows that look like a client under another bank id (same full name, birth date and phone); not rejections. */
  likelyDuplicates: z.object({
    count: z.number(),
    items: z.array(z.object({
      line: z.number(),
      bankId: z.string(),
      sameAs: z.union([z.object({ line: z.number() }), z.object({ bankId: z.string() })]),
    })),
  }).nullable(),
})

/** `reason` is English; `reasons` the same as codes (null for rows stored before codes existed). */
export const importRejection = z.object({ line: z.number(), file: z.string().nullable(), reason: z.string(), reasons: z.array(reasonSchema).nullable() })

export const importDetail = importRecord.extend({ rejections: z.array(importRejection) })

export const importList = z.object({ total: z.number(), items: z.array(importRecord) })

/** POST /api/imports answers 202 at once: the import runs in the background, GET /api/imports/:id follows it. */
export const importStarted = z.object({ id: z.number() })
