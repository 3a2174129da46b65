import { describe, expect, it } from 'vitest'
import { loginThrottledBy } from './login-throttle.ts'

describe('loginThrottledBy', () => {
  it.each([
    [{ loginFromAddress: 0, fromAddress: 0 }, undefined],
    [{ loginFromAddress: 4, fromAddress: 29 }, undefined],
    [{ loginFromAddress: 5, fromAddress: 5 }, 'loginFromAddress'],
    [{ loginFromAddress: 1, fromAddress: 30 }, 'fromAddress'],
    [{ loginFromAddress: 9, fromAddress: 90 }, 'loginFromAddress'],
  ] as const)('%j → %s', (failures, limit) => {
    expect(loginThrottledBy(failures)).toBe(limit)
  })
})
