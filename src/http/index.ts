export { createHttpClient } from './client.js'
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
