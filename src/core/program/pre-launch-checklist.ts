// What must be in place before a pilot starts (approved → pilot), each item named when it is not.
export const PRE_LAUNCH_ITEMS = ['wave_previewed', 'control_share', 'pilot_size', 'channel', 'dates'] as const
export type PreLaunchItem = (typeof PRE_LAUNCH_ITEMS)[number]

export type PreLaunchFacts = {
  /** A pilot wave of the program is built: its members frozen and its policy funnel shown (the web builds only after a preview). */
  pilotWaveBuilt: boolean
  controlShare: number | null
  pilotSize: number | null
  channels: readonly string[]
  plannedStart: string | null
  plannedEnd: string | null
}

export type ChecklistEntry = { item: PreLaunchItem; met: boolean }

export function preLaunchChecklist(facts: PreLaunchFacts): ChecklistEntry[] {
  const met: Record<PreLaunchItem, boolean> = {
    wave_previewed: facts.pilotWaveBuilt,
    control_share: facts.controlShare !== null && facts.controlShare > 0 && facts.controlShare < 1,
    pilot_size: facts.pilotSize !== null && facts.pilotSize > 0,
    channel: facts.channels.length > 0,
    dates: facts.plannedStart !== null && facts.plannedEnd !== null && facts.plannedStart <= facts.plannedEnd,
  }
  return PRE_LAUNCH_ITEMS.map((item) => ({ item, met: met[item] }))
}
