// What happens to a contact after a failed try (issue 8, item 4). A temporary failure — an SMTP 4xx,
// a gateway's 429 or 5xx, throttling — is tried again after a delay that doubles each time, up to
// a ceiling; after the last try the contact is `failed`. A permanent failure (SMTP 5xx, a gateway's
// 4xx: a bad address, a refused text) is `failed` at once: trying again would only annoy the relay.

export type RetryPolicy = {
  /** Tries in all, the first included. */
  maxAttempts: number
  firstDelayMs: number
  maxDelayMs: number
}

/** Four tries over about 3.5 minutes, then 15 minutes apart at most: a relay's throttling usually clears. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 4, firstDelayMs: 30_000, maxDelayMs: 15 * 60_000 }

export type SendFailureKind = 'temporary' | 'permanent'

export type NextSendAttemptInput = {
  kind: SendFailureKind
  /** Tries made so far, this one included. */
  attempts: number
  /** When this try failed, ms since the epoch. */
  at: number
  policy: RetryPolicy
}

export type NextSendAttempt = { state: 'queued'; nextAttemptAt: number } | { state: 'failed' }

export function nextSendAttempt({ kind, attempts, at, policy }: NextSendAttemptInput): NextSendAttempt {
  if (kind === 'permanent' || attempts >= policy.maxAttempts) return { state: 'failed' }
  const delay = Math.min(policy.firstDelayMs * 2 ** Math.max(attempts - 1, 0), policy.maxDelayMs)
  return { state: 'queued', nextAttemptAt: at + delay }
}
