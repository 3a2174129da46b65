import { reason, type Reason } from '../../contract/reason-codes.ts'
import type { Attribution } from '../../core/response/attribute-response.ts'

export type AttributionRefusalInput = {
  attribution: Exclude<Attribution, { ok: true }>
  program: string
  /** The client as the file's column (or the request's field) names it; `label` introduces it in English. */
  client: { column: string; label: string; value: string }
  /** The time as given, and as read (ISO). */
  time: { column: string; label: string; value: string; iso: string }
}

/** Why a response cannot be attributed, in English and as a reason code: the import and the API say the same. */
export function attributionRefusal({ attribution, program, client, time }: AttributionRefusalInput): { message: string; reason: Reason } {
  if (attribution.refusal === 'not_member') {
    return {
      message: `${client.label} ${JSON.stringify(client.value)}: the client is in no wave of program ${program} (neither target nor control), so the response cannot be judged`,
      reason: reason('response.not_member', { column: client.column, value: client.value, program }),
    }
  }
  return {
    message: `${time.label} ${JSON.stringify(time.value)}: the response is earlier than the first wave of program ${program} the client is in (built ${attribution.firstBuiltAt})`,
    reason: reason('response.before_wave', { column: time.column, value: time.value, program, respondedAt: time.iso, builtAt: attribution.firstBuiltAt }),
  }
}
