import { z } from 'zod'

/** A reason on the wire: a dotted code with flat parameters (contract/reason-codes.ts). */
export const reasonSchema = z.looseObject({ code: z.string() })
