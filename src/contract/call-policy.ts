import { z } from 'zod'

// A program's attempt policy for its call lists (issue 8, item 5): how many times an unreached
// client is dialled, and after how many minutes each kind of miss is redialled. The client's local
// calling window is the bank's contact hours (bank_settings 'contact_hours'); the program's end
// date closes what is left.
const minutes = z.number().int().min(1).max(14 * 24 * 60)

export const callPolicySchema = z
  .object({
    maxAttempts: z.number().int().min(1).max(20),
    redialMinutes: z.object({ no_answer: minutes, busy: minutes, answering_machine: minutes }).strict(),
  })
  .strict()
export type CallPolicy = z.infer<typeof callPolicySchema>

/** The bank's default until a program sets its own: a busy line is tried again soon, a silent one after hours. */
export const DEFAULT_CALL_POLICY: CallPolicy = Object.freeze({
  maxAttempts: 5,
  redialMinutes: Object.freeze({ no_answer: 180, busy: 20, answering_machine: 240 }),
})
