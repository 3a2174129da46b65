import { describe, expect, it } from 'vitest'
import { attributeResponse, type WaveMembership } from './attribute-response.ts'

// A pilot built on 1 March (the client in control) and a rollout on 1 June (the client in target).
const pilot: WaveMembership = { waveId: 7, builtAt: '2026-03-01T09:00:00Z', group: 'control' }
const rollout: WaveMembership = { waveId: 9, builtAt: '2026-06-01T09:00:00Z', group: 'target' }

describe('attributeResponse', () => {
  it.each([
    ['a response between the waves goes to the pilot', '2026-04-10T12:00:00Z', [pilot, rollout], { ok: true, waveId: 7, group: 'control' }],
    ['a response after the rollout goes to the rollout', '2026-06-02T00:00:00Z', [rollout, pilot], { ok: true, waveId: 9, group: 'target' }],
    ['a response at the very time a wave was built belongs to it', '2026-06-01T12:00:00+03:00', [pilot, rollout], { ok: true, waveId: 9, group: 'target' }],
    ['offsets are compared as instants', '2026-03-01T11:59:00+03:00', [pilot], { ok: false, refusal: 'before_wave', firstBuiltAt: pilot.builtAt }],
    ['a response before the first wave is refused', '2026-02-28T23:00:00Z', [rollout, pilot], { ok: false, refusal: 'before_wave', firstBuiltAt: pilot.builtAt }],
    ['a client of no wave is refused', '2026-04-10T12:00:00Z', [], { ok: false, refusal: 'not_member' }],
    ['two waves built at once: the later id', '2026-04-10T12:00:00Z', [pilot, { ...pilot, waveId: 8, group: 'target' }], { ok: true, waveId: 8, group: 'target' }],
  ] as const)('%s', (_name, respondedAt, memberships, expected) => {
    expect(attributeResponse({ respondedAt, memberships })).toEqual(expected)
  })
})
