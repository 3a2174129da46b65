// Password guessing is slowed, per login and client address and per address, never per login
// alone: counting a login's failures from everywhere would let anyone lock any account out by
// failing on purpose. So an attacker failing from one address is refused there, while the real
// user signs in from their own address; and every refusal ends when its failures leave the window
// (nothing locks an account for good).
export const THROTTLE_WINDOW_MINUTES = 15
export const THROTTLE_LIMITS = {
  /** Guesses at one login from one address. */
  loginFromAddress: 5,
  /** Guesses from one address at any logins (spraying a common password over many logins). */
  fromAddress: 30,
} as const

export type RecentLoginFailures = { loginFromAddress: number; fromAddress: number }

/** Which limit the failures within the window reach, if any. */
export function loginThrottledBy(failures: RecentLoginFailures): keyof typeof THROTTLE_LIMITS | undefined {
  if (failures.loginFromAddress >= THROTTLE_LIMITS.loginFromAddress) return 'loginFromAddress'
  if (failures.fromAddress >= THROTTLE_LIMITS.fromAddress) return 'fromAddress'
  return undefined
}
