import { z } from 'zod'

/** An offer's code, in paths and bodies: what versions share and what a program names its offer by. */
export const offerCode = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_.\-]+$/, 'letters, digits, "_", "-" or "."')
