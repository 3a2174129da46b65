// A channel's rate limit as a token bucket: `ratePerSecond` tokens flow in continuously up to
// `burst`; each message takes one. Pure: the caller passes the time and keeps the state.

export type TokenBucket = { tokens: number; at: number }

export type BucketLimits = { ratePerSecond: number; burst: number }

export function fullBucket(limits: BucketLimits, now: number): TokenBucket {
  return { tokens: limits.burst, at: now }
}

/**
 * Takes one token at `now` (ms). Returns the new state, and how long to wait first: 0 when a token
 * was there; otherwise the time until one flows in (the token is then spent in advance, so callers
 * that each wait their turn stay within the rate together).
 */
export function takeToken(bucket: TokenBucket, limits: BucketLimits, now: number): { bucket: TokenBucket; waitMs: number } {
  const elapsed = Math.max(0, now - bucket.at)
  const tokens = Math.min(limits.burst, bucket.tokens + (elapsed / 1000) * limits.ratePerSecond) - 1
  const waitMs = tokens >= 0 ? 0 : Math.ceil((-tokens / limits.ratePerSecond) * 1000)
  return { bucket: { tokens, at: Math.max(now, bucket.at) }, waitMs }
}
