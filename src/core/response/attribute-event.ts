import type { ProductType } from '../../contract/product-types.ts'
import type { ResponseRule } from '../../contract/response-definition.ts'
import type { ResponseSource, ResponseType } from '../../contract/response-types.ts'
import { attributionWindow } from '../program/attribution-window.ts'

// Attribution of a client's event (a product opened, a deposit placed, a call agreed) to at most
// one program (issue 9, item 2). The SQL twin is db/stores/response-attribution-sql.ts, held equal
// to this by a test on random data.
//
// The rule, stated once:
// 1. A wave of a program is a candidate when the client is its member — in target or in control
//    alike, since the control's own responses are what would have happened anyway — and the event
//    falls in the program's attribution window, [built, built + days) — the window its verdict
//    reads (core/program/attribution-window.ts).
// 2. The event must match one of the program's rules: its type, and where the rule says so the
//    product's type, the source, and a value of at least the rule's minimum.
// 3. Of the candidates, the latest wave wins (the last contact within the window); waves built at
//    the same instant go to the program of the smaller priority number, then to the larger wave id.
// 4. An event no candidate takes is kept, unattributed.

export type AttributionEvent = {
  /** ISO 8601 with an offset. */
  respondedAt: string
  type: ResponseType
  productType: ProductType | null
  source: ResponseSource
  /** Roubles, exact decimal string, or null. */
  value: string | null
}

export type CandidateWave = {
  programId: number
  priority: number
  /** The program's attribution window in days (its business case, or the bank's default). */
  windowDays: number
  rules: readonly ResponseRule[]
  waveId: number
  group: 'target' | 'control'
  /** ISO 8601. */
  builtAt: string
}

export type EventAttribution = { programId: number; waveId: number; group: 'target' | 'control' }

/**
 * Exact kopecks of a decimal rouble string ('1234.5' → 123450n). Not kopecksFromRoubles (a
 * double): values run to 14 integer digits, past 2^53 kopecks, where a double compares inexactly.
 */
function kopecks(roubles: string): bigint {
  const negative = roubles.startsWith('-')
  const [whole, fraction = ''] = (negative ? roubles.slice(1) : roubles).split('.')
  const k = BigInt(whole || '0') * 100n + BigInt((fraction + '00').slice(0, 2))
  return negative ? -k : k
}

/** Whether an event matches one rule of a program's definition. */
export function matchesRule(event: AttributionEvent, rule: ResponseRule): boolean {
  if (rule.type !== event.type) return false
  if (rule.productType !== undefined && rule.productType !== event.productType) return false
  if (rule.source !== undefined && rule.source !== event.source) return false
  if (rule.minValue !== undefined && (event.value === null || kopecks(event.value) < kopecks(rule.minValue))) return false
  return true
}

/** Whether the event falls in the wave's attribution window, [built, built + days). */
export function inWindow({ respondedAt, builtAt, windowDays }: { respondedAt: string; builtAt: string; windowDays: number }): boolean {
  const at = Date.parse(respondedAt)
  const window = attributionWindow({ builtAt, days: windowDays, now: new Date(at) })
  return at >= Date.parse(window.from) && at < Date.parse(window.until)
}

export function attributeEvent(event: AttributionEvent, candidates: readonly CandidateWave[]): EventAttribution | null {
  let best: CandidateWave | undefined
  for (const c of candidates) {
    if (!inWindow({ respondedAt: event.respondedAt, builtAt: c.builtAt, windowDays: c.windowDays })) continue
    if (!c.rules.some((rule) => matchesRule(event, rule))) continue
    if (!best || beats(c, best)) best = c
  }
  return best ? { programId: best.programId, waveId: best.waveId, group: best.group } : null
}

function beats(a: CandidateWave, b: CandidateWave): boolean {
  const at = Date.parse(a.builtAt)
  const bt = Date.parse(b.builtAt)
  if (at !== bt) return at > bt
  if (a.priority !== b.priority) return a.priority < b.priority
  return a.waveId > b.waveId
}
