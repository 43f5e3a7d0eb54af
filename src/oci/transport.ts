import { Readable } from 'node:stream'
import { isRetryableStatus, parseRetryAfter, statusCause } from '../http/index.js'
import type { HttpClient, HttpResponse, RequestInit } from '../http/index.js'
import { Authenticator } from './auth/authenticator.js'
import type { CredentialProvider } from './auth/credentials.js'
import type { Operation } from '../errors/index.js'
import { RegistryError, type RegistryErrorCode } from './errors.js'
import { registryBaseUrl } from './reference.js'

export interface RegistryRequest extends RequestInit {
  /** Token scopes this request needs, e.g. repository:org/app:pull. */
  scopes: string[]
  /** false: no retry inside the HTTP client (a tag write whose caller re-reads before writing again). */
  retry?: boolean
}

/** Authenticated requests to one or more registries' /v2/ API. */
export class RegistryTransport {
  readonly auth: Authenticator

  constructor(
    readonly http: HttpClient,
    credentials: CredentialProvider,
    private readonly insecureRegistries: readonly string[] = []
  ) {
    this.auth = new Authenticator(http, credentials)
  }

  baseUrl(registry: string): string {
    return registryBaseUrl(registry, this.insecureRegistries)
  }

  /** `path` is /v2/... or an absolute URL (upload Locations); credentials go only to the registry's origin. */
  async request(registry: string, path: string | URL, init: RegistryRequest): Promise<HttpResponse> {
    const base = this.baseUrl(registry)
    const url = new URL(path.toString(), base)
    const ours = url.origin === new URL(base).origin
    const send = async (authorization: string | undefined) => {
      const headers = new Headers(init.headers)
      if (authorization) headers.set('authorization', authorization)
      const { scopes: _scopes, ...rest } = init
      return this.http.request(url, { ...rest, headers })
    }
    const first = ours ? await this.auth.authorization(registry, init.scopes) : undefined
    const res = await send(first)
    if (res.status !== 401 || !ours) return res
    const challenge = res.headers.get('www-authenticate')
    res.discard()
    if (init.body instanceof Readable)
      throw new RegistryError(
        'REGISTRY_UNAUTHORIZED',
        `${registry} asked for credentials in the middle of a streamed upload`
      )
    const again = await send(await this.auth.onUnauthorized(registry, init.scopes, challenge, first))
    if (again.status !== 401) return again
    again.discard()
    throw await this.auth.refused(registry, init.scopes)
  }
}

/** Reads the OCI error body (if any) and throws a RegistryError whose message says what failed where. */
function retryAfter(res: HttpResponse): { retryAfterMs?: number } {
  const ms = parseRetryAfter(res.headers.get('retry-after'))
  return ms === undefined ? {} : { retryAfterMs: ms }
}

/** What the failed call was: its operation, and the tag when it named one. */
export interface FailedCall {
  operation: Operation
  tag?: string | undefined
}

export async function registryFailure(res: HttpResponse, what: string, call: FailedCall): Promise<never> {
  let detail = ''
  const registryCodes: string[] = []
  try {
    const text = (await res.text()).slice(0, 2000)
    try {
      const body = JSON.parse(text) as { errors?: { code?: string; message?: string }[] }
      for (const e of body.errors ?? []) if (typeof e.code === 'string') registryCodes.push(e.code)
      detail = (body.errors ?? []).map(e => [e.code, e.message].filter(Boolean).join(': ')).join('; ')
    } catch {
      detail = text.trim().slice(0, 300)
    }
  } catch {
    // the status says enough
  }
  const code: RegistryErrorCode =
    res.status === 404
      ? 'REGISTRY_NOT_FOUND'
      : res.status === 401
        ? 'REGISTRY_UNAUTHORIZED'
        : res.status === 403
          ? 'REGISTRY_DENIED'
          : res.status === 409 || res.status === 412
            ? 'REGISTRY_CONFLICT'
            : 'REGISTRY_ERROR'
  // Answers the client retries (429, 5xx) reach here only once retries ran out: say so, and what it means.
  const retried = isRetryableStatus(res.status)
    ? ` (${statusCause(res.status)}, still failing after every retry: the registry is overloaded or failing; re-run the job later)`
    : ''
  throw new RegistryError(
    code,
    `${what}: registry answered ${res.status}${detail ? ` (${detail})` : ''}${retried}`,
    { status: res.status, ...retryAfter(res), ...call, registryCodes }
  )
}
