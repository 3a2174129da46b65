// Password guessing is slowed per login: after this many failures within the window, further
// attempts are refused until the oldest failure leaves the window.
export const THROTTLE_MAX_FAILURES = 5
export const THROTTLE_WINDOW_MINUTES = 15

export function isThrottled(recentFailures: number): boolean {
  return recentFailures >= THROTTLE_MAX_FAILURES
}
