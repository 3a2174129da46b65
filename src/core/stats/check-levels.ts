import { reason } from '../../contract/reason-codes.ts'
import { statsInputError } from './stats-input-error.ts'

/**
 * α is a probability strictly inside (0, 1). Power is too, and at least 0.5: below it z_{power} is
 * negative and a design "detects" uplifts it would miss more often than find. NaN is refused too.
 */
export function checkLevels(levels: { alpha?: number; power?: number }): void {
  for (const [field, value] of Object.entries(levels)) {
    if (value === undefined) continue
    if (!(value > 0 && value < 1)) throw statsInputError(reason('stats.bad_level', { field, value: String(value) }))
  }
  if (levels.power !== undefined && levels.power < 0.5) throw statsInputError(reason('stats.low_power', { value: String(levels.power) }))
}
