import { describe, expect, it } from 'vitest'
import { DEFAULT_RETRY_POLICY, nextSendAttempt } from './next-send-attempt.ts'

const at = Date.UTC(2026, 11, 3, 10, 0, 0)

describe('the next try after a failed send', () => {
  // Hand-worked: 30 s, then 60 s, then 120 s; the fourth failure is the last try.
  it.each([
    { attempts: 1, delayMs: 30_000 },
    { attempts: 2, delayMs: 60_000 },
    { attempts: 3, delayMs: 120_000 },
  ])('retries a temporary failure after try $attempts in $delayMs ms', ({ attempts, delayMs }) => {
    expect(nextSendAttempt({ kind: 'temporary', attempts, at, policy: DEFAULT_RETRY_POLICY })).toEqual({ state: 'queued', nextAttemptAt: at + delayMs })
  })

  it('fails after the last try, and at once on a permanent failure', () => {
    expect(nextSendAttempt({ kind: 'temporary', attempts: 4, at, policy: DEFAULT_RETRY_POLICY })).toEqual({ state: 'failed' })
    expect(nextSendAttempt({ kind: 'permanent', attempts: 1, at, policy: DEFAULT_RETRY_POLICY })).toEqual({ state: 'failed' })
  })

  it('never waits longer than the ceiling', () => {
    const policy = { maxAttempts: 20, firstDelayMs: 30_000, maxDelayMs: 15 * 60_000 }
    expect(nextSendAttempt({ kind: 'temporary', attempts: 10, at, policy })).toEqual({ state: 'queued', nextAttemptAt: at + 15 * 60_000 })
  })
})
