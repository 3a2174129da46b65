import { z } from 'zod'
import { UPLIFT_APPROACHES } from './uplift-approaches.ts'

const point = z.object({ x: z.number(), y: z.number() })

/** GET /api/waves/:id/uplift-model: the newest uplift model trained on the wave, measured on its held-out members. */
export const waveUpliftModel = z.object({
  model: z
    .object({
      id: z.number().int(),
      version: z.number().int(),
      program: z.string(),
      approach: z.enum(UPLIFT_APPROACHES),
      response: z.string(),
      trainedAt: z.string(),
      trainedBy: z.string().nullable(),
      scored: z.number().int().nullable(),
      nTrain: z.number().int(),
      nTest: z.number().int(),
      /** Normalised as scikit-uplift 0.5 does (1 is a perfect model, 0 random). */
      qiniAucScore: z.number(),
      upliftAucScore: z.number(),
      /** In incremental responders. */
      qiniRaw: z.number(),
      upliftAtK: z.array(z.object({ k: z.number(), uplift: z.number().nullable() })),
      /** The Qini curve of the held-out members (x members targeted, y incremental responders), thinned for the chart. */
      qini: z.object({ model: z.array(point), perfect: z.array(point), random: z.array(point) }),
    })
    .nullable(),
})
export type WaveUpliftModel = z.infer<typeof waveUpliftModel>
