import { describe, expect, it } from 'vitest'
import { fullBucket, takeToken, type BucketLimits } from './token-bucket.ts'

describe('takeToken', () => {
  const limits: BucketLimits = { ratePerSecond: 10, burst: 5 }

  it('lets a burst through at once, then one message per 100 ms at 10 per second', () => {
    let bucket = fullBucket(limits, 0)
    const waits: number[] = []
    for (let i = 0; i < 8; i++) {
      const taken = takeToken(bucket, limits, 0)
      bucket = taken.bucket
      waits.push(taken.waitMs)
    }
    expect(waits).toEqual([0, 0, 0, 0, 0, 100, 200, 300])
  })

  it('sends at most burst + rate × t messages in any t seconds when each caller waits its turn', () => {
    let bucket = fullBucket(limits, 0)
    const sentAt: number[] = []
    let clock = 0
    for (let i = 0; i < 100; i++) {
      const taken = takeToken(bucket, limits, clock)
      bucket = taken.bucket
      clock += taken.waitMs
      sentAt.push(clock)
    }
    // 100 messages: 5 at once, 95 more at 10/s → the last at 9.5 s.
    expect(sentAt.at(-1)).toBe(9500)
    for (let t = 0; t <= 9500; t += 500) expect(sentAt.filter((s) => s >= t && s < t + 1000).length).toBeLessThanOrEqual(5 + 10)
  })

  it('refills no more than the burst after a pause', () => {
    const { bucket } = takeToken({ tokens: 0, at: 0 }, limits, 60_000)
    expect(bucket.tokens).toBe(4)
  })
})
