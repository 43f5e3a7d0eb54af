export interface RetryPolicy {
  retries: number
  /** Retries for 429: a rate limit passes, and the server says when, so it earns more patience than a 5xx. */
  rateLimitRetries?: number
  minDelayMs: number
  maxDelayMs: number
  /** Retry-After values above this are clamped, so a registry cannot park us for an hour. */
  maxRetryAfterMs: number
  random?: () => number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 4,
  rateLimitRetries: 8,
  minDelayMs: 200,
  maxDelayMs: 8000,
  maxRetryAfterMs: 60000
}

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599 && status !== 501)
}

/** Exponential backoff with full jitter: uniform in [0, min(max, min * 2^attempt)]. */
export function backoffDelay(attempt: number, policy: RetryPolicy): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** attempt)
  return Math.floor((policy.random ?? Math.random)() * ceiling)
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(
  value: string | null | undefined,
  now: number = Date.now()
): number | undefined {
  if (!value) return undefined
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000
  const at = Date.parse(trimmed)
  if (Number.isNaN(at)) return undefined
  return Math.max(0, at - now)
}

/** The wait before the next attempt: the server's Retry-After when given (clamped), else jittered backoff. */
export function retryDelay(attempt: number, policy: RetryPolicy, retryAfter?: string | null): number {
  const fromServer = parseRetryAfter(retryAfter)
  if (fromServer !== undefined) return Math.min(fromServer, policy.maxRetryAfterMs)
  return backoffDelay(attempt, policy)
}
