// Per-request time limits: one for the response headers, one for the whole body (scaled by its size),
// so a server that trickles a byte every few seconds, or never answers, costs a bounded time.

export interface Deadlines {
  /** From the moment the request is fully sent until the response headers have arrived. */
  headersMs: number
  /** For the whole response body, plus `bytes / minBytesPerSecond` for a body of known size. */
  bodyMs: number
  /** The slowest transfer rate a large body (a layer blob) is allowed before its deadline passes. */
  minBytesPerSecond: number
}

export const DEFAULT_DEADLINES: Deadlines = {
  headersMs: 30_000,
  bodyMs: 60_000,
  minBytesPerSecond: 256 * 1024
}

/** Environment variables that override the defaults (milliseconds), e.g. for tests or slow networks. */
export const HEADERS_TIMEOUT_ENV = 'OCI_ATTEST_HEADERS_TIMEOUT_MS'
export const BODY_TIMEOUT_ENV = 'OCI_ATTEST_BODY_TIMEOUT_MS'

function positiveMs(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name]?.trim()
  if (!raw) return undefined
  const value = Number(raw)
  // A bad override must not silently become "no limit": the default holds instead.
  return Number.isFinite(value) && value > 0 ? value : undefined
}

export function deadlinesFromEnv(env: NodeJS.ProcessEnv): Partial<Deadlines> {
  const headersMs = positiveMs(env, HEADERS_TIMEOUT_ENV)
  const bodyMs = positiveMs(env, BODY_TIMEOUT_ENV)
  return {
    ...(headersMs !== undefined ? { headersMs } : {}),
    ...(bodyMs !== undefined ? { bodyMs } : {})
  }
}

/** The whole-body deadline for a body of `bytes` (unknown: the base limit alone). */
export function bodyDeadlineMs(d: Deadlines, bytes: number | undefined): number {
  const extra = bytes && bytes > 0 ? Math.ceil((bytes / d.minBytesPerSecond) * 1000) : 0
  return d.bodyMs + extra
}

/** "30 s" or "250 ms": limits read as people set them. */
export function formatMs(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`
}
