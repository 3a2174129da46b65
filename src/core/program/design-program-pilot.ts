import { reason, type Reason } from '../../contract/reason-codes.ts'
import { designPilot } from '../stats/design-pilot.ts'
import type { PilotSizeInput } from '../stats/pilot-size.ts'
import { computeBusinessCase, type BusinessCaseInput } from './compute-business-case.ts'
import type { Kopecks } from './kopecks.ts'

export type DesignProgramPilotInput = {
  /** Baseline (the control's rate), the uplift worth detecting, α, power and the control share. */
  sizing: PilotSizeInput
  /** Clients in the program's selection after the contact policy; undefined when nothing gives it yet. */
  audience: number | undefined
  /** The plan's pilot size (target and control together), if set. */
  plannedPilotSize: number | null
  /** The program's business case, complete; undefined when it cannot be computed yet (no money then). */
  businessCase: BusinessCaseInput | undefined
}

export type PilotWarning = Reason<'pilot.selection_too_small'> | Reason<'pilot.over_planned_size'>

export type ProgramPilotDesign = {
  required: { target: number; control: number; total: number }
  /** What the whole selection, split at the control share, detects and what that uplift earns; null without an audience. */
  selection: { audience: number; target: number; control: number; detectableUplift: number | null; npvAtDetectable: Kopecks | null } | null
  /** The incremental NPV of the program over the selection if the true uplift were the one worth detecting. */
  npvAtUplift: Kopecks | null
  warnings: PilotWarning[]
}

/**
 * The pilot design of a program (issue 7, item 5): the sizes that detect the uplift worth detecting
 * (core/stats/pilot-size.ts), what the selection could detect instead (core/stats/design-pilot.ts),
 * and both uplifts priced by the business case itself (computeBusinessCase with the target's rate
 * set to baseline + uplift and the control's to the baseline, over the selection at the design's
 * split) — so "the pilot detects 0.8 pp" reads as "…which would be worth 1 234 567,89 ₽".
 */
export function designProgramPilot(input: DesignProgramPilotInput): ProgramPilotDesign {
  const { sizing, audience, plannedPilotSize } = input
  const design = designPilot({ ...sizing, audience: audience ?? 0 })
  const { target, control } = design.required
  const total = target + control
  const npvAt = (uplift: number | null, clients: number | undefined): Kopecks | null => {
    if (uplift === null || !input.businessCase || clients === undefined) return null
    const rates = { responseRateControl: sizing.baseline, responseRateTarget: sizing.baseline + uplift }
    return computeBusinessCase({ ...input.businessCase, ...rates, audience: clients, controlShare: sizing.controlShare }).npv
  }
  const warnings: PilotWarning[] = []
  if (audience !== undefined && !design.enough) {
    warnings.push(reason('pilot.selection_too_small', { requiredTarget: target, requiredControl: control, availableTarget: design.available.target, availableControl: design.available.control }))
  }
  if (plannedPilotSize !== null && total > plannedPilotSize) warnings.push(reason('pilot.over_planned_size', { required: total, planned: plannedPilotSize }))
  return {
    required: { target, control, total },
    selection: audience === undefined ? null : { audience, ...design.available, detectableUplift: design.detectableUplift, npvAtDetectable: npvAt(design.detectableUplift, audience) },
    npvAtUplift: npvAt(sizing.uplift, audience ?? input.businessCase?.audience),
    warnings,
  }
}
