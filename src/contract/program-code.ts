import { z } from 'zod'

/** A program's code, in paths and bodies: what waves, reports and the CLI name the program by. */
export const programCode = z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9_.\-]+$/, 'letters, digits, "_", "-" or "."')
