import { z } from 'zod'
import { reason } from '../../contract/reason-codes.ts'
import { featureNames } from './feature-encoder.ts'
import { modelInputError } from './model-input-error.ts'
import type { SavedModel } from './saved-model.ts'

const feature = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('numeric'), column: z.string(), mean: z.number(), std: z.number().positive() }),
  z.object({ kind: z.literal('text'), column: z.string(), reference: z.string(), levels: z.array(z.string()) }),
])

const savedModelSchema = z.object({
  kind: z.literal('logistic_regression'),
  version: z.literal(1),
  label: z.string(),
  positive: z.string(),
  C: z.number().positive(),
  encoder: z.object({ version: z.literal(1), features: z.array(feature) }),
  intercept: z.number(),
  coefficients: z.record(z.string(), z.number()),
})

/** A saved model read back from its JSON (otklik model train --out), or a refusal saying what is wrong. */
export function parseSavedModel(json: unknown, path: string): SavedModel {
  const parsed = savedModelSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw modelInputError(reason('model.bad_model_file', { path, issue: `${issue.path.join('.') || 'the file'}: ${issue.message}` }))
  }
  const model = parsed.data
  const missing = featureNames(model.encoder).find((name) => model.coefficients[name] === undefined)
  if (missing !== undefined) throw modelInputError(reason('model.bad_model_file', { path, issue: `no coefficient for ${missing}` }))
  return model
}
