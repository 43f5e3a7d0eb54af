import type { Readable } from 'node:stream'
import type { ProxySettings } from './proxy-env.js'

/** A body the client can send again on retry or redirect: anything but a one-shot stream. */
export type RequestBody = Buffer | string | Readable | (() => Readable)

export interface RequestInit {
  method?: string
  headers?: Record<string, string> | Headers
  body?: RequestBody
  /** 'follow' (default) follows redirects itself and drops credentials when the origin changes. */
  redirect?: 'follow' | 'manual'
  /** Longest silence allowed while sending the request or reading the body (the headers and whole-body
   * deadlines of the client apply besides). */
  timeoutMs?: number
  /** false forbids retries; true (default) retries when the body can be replayed. */
  retry?: boolean
  signal?: AbortSignal
  /** Read the whole body before returning, retrying (when allowed) if it breaks off. Default: true except
   * for GET and HEAD, whose answers (blobs) may be large. The body is capped at 64 MiB. */
  buffered?: boolean
  /** A large GET body to be read once through chunks(): sent on a connection of its own that reads into
   * one reused buffer (bulk-get.ts). Through a proxy, or for other methods, the usual path is taken. */
  bulk?: boolean
}

export interface HttpResponse {
  status: number
  headers: Headers
  /** The URL that answered, after redirects. */
  url: string
  /** The body as a stream; it can be taken once, and rules out buffer()/json()/text(). */
  body(): Readable
  /** The body as chunks that may be lent: each is valid only until the next is requested (copy what you
   * keep). The fastest way through a large body; like body(), it can be taken once. */
  chunks(): AsyncIterable<Buffer>
  buffer(maxBytes?: number): Promise<Buffer>
  json<T = unknown>(): Promise<T>
  text(): Promise<string>
  /** Reads and throws away the body so the connection can be reused. */
  discard(): void
}

export interface HttpClientOptions {
  userAgent?: string
  /** Default for RequestInit.timeoutMs. */
  timeoutMs?: number
  connectTimeoutMs?: number
  /** Deadline for response headers after the request is sent (default 30 s, or OCI_ATTEST_HEADERS_TIMEOUT_MS). */
  headersTimeoutMs?: number
  /** Deadline for a whole response body (default 60 s, or OCI_ATTEST_BODY_TIMEOUT_MS), plus size / minBytesPerSecond. */
  bodyTimeoutMs?: number
  minBytesPerSecond?: number
  /** How often a request that ran out of time is tried again (default 1). */
  timeoutRetries?: number
  /** Aborts every request of this client and its retry waits (the run's overall timeout). */
  signal?: AbortSignal
  retries?: number
  /** Retries for 429 answers (default 8; a client given `retries` uses that for 429 too). */
  rateLimitRetries?: number
  minDelayMs?: number
  maxDelayMs?: number
  maxRetryAfterMs?: number
  maxRedirects?: number
  /** Debug lines (method, redacted URL, status, attempt); never header values. */
  log?: (line: string) => void
  random?: () => number
  /** Proxies to use; default from HTTPS_PROXY, HTTP_PROXY and NO_PROXY in `env` (Go's semantics). */
  proxy?: ProxySettings
  /** Environment the proxy variables are read from (default process.env). */
  env?: NodeJS.ProcessEnv
}

export interface HttpClient {
  request(url: string | URL, init?: RequestInit): Promise<HttpResponse>
}
