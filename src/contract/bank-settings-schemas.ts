import { z } from 'zod'
import { bankLetterheadSchema } from './letter-schemas.ts'

// The bank's settings a head or an admin keeps on screen (issue 8): the letterhead every letter's
// PDF carries, and the hours SMS and calls may reach a client in their own time (minutes from midnight).

export const letterheadBody = bankLetterheadSchema
export const letterheadView = bankLetterheadSchema.extend({ isDefault: z.boolean() })

const minute = z.number().int('a whole number of minutes').min(0, 'from 00:00').max(1440, 'until 24:00 at most')
const dailyWindow = z
  .object({ from: minute, until: minute })
  .strict()
  .refine((w) => w.from < w.until, { path: ['until'], message: 'must be after the start' })

export const contactHoursBody = z.object({ weekdays: dailyWindow, weekends: dailyWindow.nullable() }).strict()
export type ContactHoursBody = z.infer<typeof contactHoursBody>
export const contactHoursView = contactHoursBody.extend({ isDefault: z.boolean() })
