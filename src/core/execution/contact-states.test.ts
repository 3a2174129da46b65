import { describe, expect, it } from 'vitest'
import { CONTACT_STATES } from '../../contract/contact-states.ts'
import { isFinalContactState, mayMoveContact } from './contact-states.ts'

describe('contact states', () => {
  it('never leaves a final state, so nothing sent is sent again', () => {
    for (const final of ['sent', 'failed', 'skipped'] as const) {
      expect(isFinalContactState(final)).toBe(true)
      for (const to of CONTACT_STATES) expect(mayMoveContact(final, to)).toBe(false)
    }
  })

  it('reaches the provider only through sending, and a crashed send is never queued again without the provider answering', () => {
    const intoSending = CONTACT_STATES.filter((from) => mayMoveContact(from, 'sending'))
    expect(intoSending).toEqual(['queued'])
    expect(mayMoveContact('unknown', 'queued')).toBe(false)
    expect(mayMoveContact('unknown', 'sending')).toBe(false)
    expect(isFinalContactState('sending')).toBe(false)
    expect(isFinalContactState('unknown')).toBe(false)
  })

  it('checks the policy only before the send: a row being sent is not skipped', () => {
    expect(mayMoveContact('queued', 'skipped')).toBe(true)
    expect(mayMoveContact('sending', 'skipped')).toBe(false)
  })
})
