import { z } from 'zod'

/** POST /api/programs/:code/verdict/explanation: why the pilot's groups are not the designed split. */
export const srmExplanationBody = z.object({ explanation: z.string().trim().min(1).max(2000) }).strict()
