export { createHttpClient, statusCause } from './client.js'
export { defaultHttp } from './shared.js'
export type { Http } from './shared.js'
export { setDebugSink, debugLog } from './debug.js'
export {
  DEFAULT_DEADLINES,
  HEADERS_TIMEOUT_ENV,
  BODY_TIMEOUT_ENV,
  bodyDeadlineMs,
  deadlinesFromEnv,
  formatMs
} from './deadlines.js'
export type { Deadlines } from './deadlines.js'
export { HttpError } from './errors.js'
export type { HttpErrorCode } from './errors.js'
export { redactUrl, maskHeaders, isCredentialHeader } from './redact.js'
export {
  DEFAULT_RETRY_POLICY,
  backoffDelay,
  isRetryableStatus,
  parseRetryAfter,
  retryDelay
} from './retry-policy.js'
export type { RetryPolicy } from './retry-policy.js'
export type { HttpClient, HttpClientOptions, HttpResponse, RequestBody, RequestInit } from './types.js'
export { USER_AGENT, VERSION } from './version.js'
export { ProxyResolver, parseProxyUrl, proxySettingsFromEnv } from './proxy-env.js'
export type { ProxySettings } from './proxy-env.js'
