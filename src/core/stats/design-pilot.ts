import { reason } from '../../contract/reason-codes.ts'
import { DomainError } from '../domain-error.ts'
import { detectableUplift } from './detectable-uplift.ts'
import { pilotSize, type PilotSize, type PilotSizeInput } from './pilot-size.ts'
import { statsInputError } from './stats-input-error.ts'

export type DesignPilotInput = PilotSizeInput & {
  /** Clients in the selection after the contact policy: the most a pilot can take. */
  audience: number
}

export type PilotDesign = {
  /** The sizes that detect `uplift` (pilotSize). */
  required: PilotSize
  /** The whole selection split at the control share (control rounded to the nearest member). */
  available: { target: number; control: number }
  /** Both groups fit in the selection; false is the "selection too small" warning. */
  enough: boolean
  /** The share of the selection a random-sample pilot takes (above 1 when it is too small). */
  sampleShare: number
  /** The smallest uplift the whole selection detects (detectableUplift); null when it detects none. */
  detectableUplift: number | null
}

/**
 * Pilot design against a selection: the sizes needed to detect the uplift worth detecting (by
 * default the business case's break-even uplift), whether the selection holds them, and the
 * smallest uplift the whole selection could detect — the numbers issue 7's pilot design shows,
 * before the business case prices the detectable uplift.
 */
export function designPilot(input: DesignPilotInput): PilotDesign {
  const { audience, ...sizing } = input
  if (!Number.isSafeInteger(audience) || audience < 0) throw statsInputError(reason('stats.bad_count', { field: 'audience', value: String(audience) }))
  const required = pilotSize(sizing)
  const control = Math.round(audience * sizing.controlShare)
  const available = { target: audience - control, control }
  return {
    required,
    available,
    enough: required.target <= available.target && required.control <= available.control,
    sampleShare: audience === 0 ? Infinity : (required.target + required.control) / audience,
    detectableUplift: wholeSelectionUplift(available, sizing),
  }
}

function wholeSelectionUplift(available: { target: number; control: number }, sizing: PilotSizeInput): number | null {
  if (available.target < 1 || available.control < 1) return null
  try {
    return detectableUplift({ baseline: sizing.baseline, target: available.target, control: available.control, alpha: sizing.alpha, power: sizing.power })
  } catch (error) {
    if (error instanceof DomainError && (error.details as { code?: string }).code === 'stats.undetectable') return null
    throw error
  }
}
