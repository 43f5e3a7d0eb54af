import { setTimeout as sleep } from 'node:timers/promises'
import { Readable } from 'node:stream'
import { DEFAULT_DEADLINES, deadlinesFromEnv, type Deadlines } from './deadlines.js'
import { debugLog } from './debug.js'
import { HttpError } from './errors.js'
import { proxySettingsFromEnv } from './proxy-env.js'
import { createProxyRouter } from './proxy-route.js'
import { isCredentialHeader, redactUrl } from './redact.js'
import { sendBulkGet } from './bulk-get.js'
import { bufferedResponse, wrapBulkResponse, wrapResponse } from './response.js'
import {
  DEFAULT_RETRY_POLICY,
  isRetryableStatus,
  retryDelay,
  backoffDelay,
  type RetryPolicy
} from './retry-policy.js'
import { sendOnce } from './send-once.js'
import type { HttpClient, HttpClientOptions, HttpResponse, RequestBody, RequestInit } from './types.js'
import { USER_AGENT } from './version.js'

const REDIRECTS = new Set([301, 302, 303, 307, 308])
// Answers that may be large (blobs) stay streams unless the caller asks for buffering.
const STREAMED_METHODS = new Set(['GET', 'HEAD'])

function replayable(body: RequestBody | undefined): boolean {
  return !(body instanceof Readable)
}

/** The one HTTP client of the project: retries, timeouts, redirects without leaking credentials. */
export function createHttpClient(opts: HttpClientOptions = {}): HttpClient {
  const policy: RetryPolicy = {
    retries: opts.retries ?? DEFAULT_RETRY_POLICY.retries,
    // A client given its own retry count keeps it for 429 too, unless told otherwise.
    rateLimitRetries:
      opts.rateLimitRetries ??
      (opts.retries !== undefined ? opts.retries : DEFAULT_RETRY_POLICY.rateLimitRetries!),
    minDelayMs: opts.minDelayMs ?? DEFAULT_RETRY_POLICY.minDelayMs,
    maxDelayMs: opts.maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs,
    maxRetryAfterMs: opts.maxRetryAfterMs ?? DEFAULT_RETRY_POLICY.maxRetryAfterMs,
    ...(opts.random ? { random: opts.random } : {})
  }
  // Without a log of its own, the client reports to the process-wide debug sink (RUNNER_DEBUG on a runner).
  const log = opts.log ?? debugLog
  // The one read of process.env below the edges: proxies and deadlines apply to every client, even one a
  // library default builds without being handed the run's environment.
  const env = opts.env ?? process.env
  const deadlines: Deadlines = {
    ...DEFAULT_DEADLINES,
    ...deadlinesFromEnv(env),
    ...(opts.headersTimeoutMs !== undefined ? { headersMs: opts.headersTimeoutMs } : {}),
    ...(opts.bodyTimeoutMs !== undefined ? { bodyMs: opts.bodyTimeoutMs } : {}),
    ...(opts.minBytesPerSecond !== undefined ? { minBytesPerSecond: opts.minBytesPerSecond } : {})
  }
  // A server that let one deadline pass will likely let the next pass too: one more try, not four.
  const timeoutRetries = opts.timeoutRetries ?? 1
  const clientSignal = opts.signal
  const userAgent = opts.userAgent ?? USER_AGENT
  const maxRedirects = opts.maxRedirects ?? 10
  const connectTimeoutMs = opts.connectTimeoutMs ?? 15000
  const routeFor = createProxyRouter(opts.proxy ?? proxySettingsFromEnv(env), connectTimeoutMs)

  async function followRedirects(start: URL, init: RequestInit, headers: Headers): Promise<HttpResponse> {
    let url = start
    let method = (init.method ?? 'GET').toUpperCase()
    let body = init.body
    for (let hop = 0; ; hop++) {
      // Decided per hop: a redirect to storage may be on the NO_PROXY list when the registry is not.
      const route = routeFor(url)
      if (route) log(`${method} ${redactUrl(url)} via proxy ${redactUrl(route.proxy)}`)
      const timeoutMs = init.timeoutMs ?? opts.timeoutMs ?? 60000
      const signal = init.signal ? { signal: init.signal } : {}
      const timing = { timeoutMs, connectTimeoutMs, deadlines }
      const res =
        init.bulk && method === 'GET' && !route && body === undefined
          ? wrapBulkResponse(await sendBulkGet(url, { headers, ...timing, ...signal }), url)
          : wrapResponse(
              await sendOnce(url, {
                method,
                headers,
                ...timing,
                ...(route ? { route } : {}),
                ...(body !== undefined ? { body } : {}),
                ...signal
              }),
              url
            )
      const location = res.headers.get('location')
      if (init.redirect === 'manual' || !REDIRECTS.has(res.status) || !location) return res
      if (hop >= maxRedirects)
        throw new HttpError('HTTP_REDIRECT', `more than ${maxRedirects} redirects from ${redactUrl(start)}`, {
          url
        })
      const next = new URL(location, url)
      if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
        method = method === 'HEAD' ? 'HEAD' : 'GET'
        body = undefined
        headers.delete('content-type')
      } else if (!replayable(body)) {
        return res // a consumed stream cannot be sent to the new location; the caller sees the 3xx
      }
      if (next.origin !== url.origin) {
        // Blob downloads redirect to storage: registry credentials must not travel there.
        for (const name of [...headers.keys()]) if (isCredentialHeader(name)) headers.delete(name)
      }
      log(`${method} ${redactUrl(url)} -> ${res.status} redirect to ${redactUrl(next)}`)
      res.discard()
      url = next
    }
  }

  async function request(input: string | URL, given: RequestInit = {}): Promise<HttpResponse> {
    const signals = [clientSignal, given.signal].filter((s): s is AbortSignal => s !== undefined)
    const init: RequestInit =
      signals.length === 0
        ? given
        : { ...given, signal: signals.length === 1 ? signals[0]! : AbortSignal.any(signals) }
    const url = new URL(input.toString())
    const method = (init.method ?? 'GET').toUpperCase()
    const mayRetry = init.retry !== false && replayable(init.body)
    let timeouts = 0
    for (let attempt = 0; ; attempt++) {
      const headers = new Headers(init.headers)
      if (!headers.has('user-agent')) headers.set('user-agent', userAgent)
      const last = !mayRetry || attempt >= policy.retries
      try {
        const res = await followRedirects(url, { ...init, method }, headers)
        const limit = res.status === 429 ? policy.rateLimitRetries! : policy.retries
        if (!mayRetry || attempt >= limit || !isRetryableStatus(res.status)) {
          log(`${method} ${redactUrl(url)} -> ${res.status}`)
          // A body that breaks off is a lost answer like any other: read it here, where it can be retried.
          return (init.buffered ?? !STREAMED_METHODS.has(method))
            ? bufferedResponse(res, await res.buffer())
            : res
        }
        const retryAfter = res.headers.get('retry-after')
        const delay = retryDelay(attempt, policy, retryAfter)
        log(
          `${method} ${redactUrl(url)} -> ${res.status} (${statusCause(res.status)}), retry ${attempt + 1}/${limit} ` +
            `in ${delay} ms${retryAfter !== null ? ` (Retry-After: ${retryAfter})` : ''}`
        )
        res.discard()
        await sleep(delay, undefined, init.signal ? { signal: init.signal } : undefined)
      } catch (err) {
        const timedOut = err instanceof HttpError && err.code === 'HTTP_TIMEOUT'
        const retryable = err instanceof HttpError && (err.code === 'HTTP_NETWORK' || timedOut)
        if (timedOut && timeouts++ >= timeoutRetries) throw err
        if (last || !retryable || init.signal?.aborted) throw err
        const delay = backoffDelay(attempt, policy)
        log(
          `${method} ${redactUrl(url)} failed (${err.code}: ${err.message}), retry ${attempt + 1}/${policy.retries} in ${delay} ms`
        )
        await sleep(delay, undefined, init.signal ? { signal: init.signal } : undefined)
      }
    }
  }

  return { request }
}

/** What a retryable status means, in the words a failure message and the debug log use. */
export function statusCause(status: number): string {
  if (status === 429) return 'rate limited'
  if (status === 408) return 'request timeout'
  return status >= 500 ? 'server error' : `HTTP ${status}`
}
