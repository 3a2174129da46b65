/** One wave of the program that a client is a member of. */
export type WaveMembership = { waveId: number; builtAt: string; group: 'target' | 'control' }

export type Attribution =
  | { ok: true; waveId: number; group: 'target' | 'control' }
  | { ok: false; refusal: 'not_member' }
  | { ok: false; refusal: 'before_wave'; firstBuiltAt: string }

export type AttributeResponseInput = {
  /** ISO 8601 with an offset. */
  respondedAt: string
  /** The waves of the response's program that the client is a member of (target or control). */
  memberships: readonly WaveMembership[]
}

/**
 * A response belongs to the latest wave of its program, built at or before the response, that the
 * client is a member of — in target or in control, since the verdict compares the two. A client in
 * no wave of the program cannot be judged, nor can a response from before the client's first wave.
 */
export function attributeResponse({ respondedAt, memberships }: AttributeResponseInput): Attribution {
  if (memberships.length === 0) return { ok: false, refusal: 'not_member' }
  const at = Date.parse(respondedAt)
  let best: WaveMembership | undefined
  let first: WaveMembership | undefined
  for (const m of memberships) {
    const built = Date.parse(m.builtAt)
    if (!first || built < Date.parse(first.builtAt)) first = m
    if (built > at) continue
    if (!best || built > Date.parse(best.builtAt) || (built === Date.parse(best.builtAt) && m.waveId > best.waveId)) best = m
  }
  if (!best) return { ok: false, refusal: 'before_wave', firstBuiltAt: first!.builtAt }
  return { ok: true, waveId: best.waveId, group: best.group }
}
