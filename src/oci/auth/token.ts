import type { HttpClient } from '../../http/index.js'
import { RegistryError } from '../errors.js'
import type { Challenge } from './challenge.js'
import { describeCredential, type Credential } from './credentials.js'

export interface Token {
  token: string
  expiresAt: number
}

interface TokenResponse {
  token?: string
  access_token?: string
  expires_in?: number
  issued_at?: string
}

const CLIENT_ID = 'oci-attest'
// Refresh a little early so a token does not expire between our check and the registry's.
const EXPIRY_MARGIN_MS = 10000

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i

/** Credentials go to a realm only over HTTPS, or to the registry's own host, or on loopback; never in the
 * clear to another host, where anyone on the path reads them. */
function assertRealmSafe(registry: string, realm: URL): void {
  if (realm.protocol === 'https:') return
  const registryHost = registry.replace(/:\d+$/, '').toLowerCase()
  if (realm.hostname.toLowerCase() === registryHost || LOOPBACK.test(realm.hostname)) return
  throw new RegistryError(
    'INSECURE_TOKEN_REALM',
    `${registry} sends us to the token realm ${realm.origin}${realm.pathname} over plain HTTP on another host; ` +
      `registry credentials are not sent there. Configure the registry's token realm as https://, or use a registry whose realm is on its own host`
  )
}

/**
 * Fetches a bearer token from the challenge's realm: OAuth2 refresh-token POST for identity tokens,
 * otherwise GET with Basic credentials when we have them (the docker token protocol).
 */
export async function fetchToken(
  http: HttpClient,
  registry: string,
  challenge: Challenge,
  scopes: string[],
  cred: Credential | undefined,
  now: () => number = Date.now
): Promise<Token> {
  const realm = challenge.params.realm
  if (!realm)
    throw new RegistryError(
      'AUTH_FAILED',
      `${registry} asked for Bearer auth without a realm in WWW-Authenticate`
    )
  let url: URL
  try {
    url = new URL(realm)
  } catch (cause) {
    throw new RegistryError('AUTH_FAILED', `${registry} gave an unusable token realm "${realm}"`, { cause })
  }
  if (cred) assertRealmSafe(registry, url)
  const service = challenge.params.service
  let res
  if (cred && 'identityToken' in cred) {
    const form = new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: cred.identityToken,
      client_id: CLIENT_ID
    })
    if (service) form.set('service', service)
    if (scopes.length) form.set('scope', scopes.join(' '))
    res = await http.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString()
    })
  } else {
    if (service) url.searchParams.set('service', service)
    for (const scope of scopes) url.searchParams.append('scope', scope)
    const headers: Record<string, string> = {}
    if (cred && 'password' in cred)
      headers.authorization = `Basic ${Buffer.from(`${cred.username}:${cred.password}`).toString('base64')}`
    res = await http.request(url, { headers })
  }
  if (res.status !== 200) {
    res.discard()
    throw new RegistryError(
      res.status === 401 || res.status === 403 ? 'AUTH_FAILED' : 'REGISTRY_ERROR',
      `token service ${url.origin}${url.pathname} for ${registry} answered ${res.status} to ${describeCredential(cred)} ` +
        `asking for ${scopes.join(' ') || 'no scope'}; check the credentials for ${registry}`,
      { status: res.status }
    )
  }
  const body = await res.json<TokenResponse>()
  const token = body.token || body.access_token
  if (!token)
    throw new RegistryError(
      'AUTH_FAILED',
      `token service for ${registry} answered without token or access_token`
    )
  const issued = body.issued_at ? Date.parse(body.issued_at) : NaN
  const start = Number.isNaN(issued) ? now() : Math.min(issued, now())
  const lifetimeMs = (body.expires_in && body.expires_in > 0 ? body.expires_in : 60) * 1000
  return { token, expiresAt: start + lifetimeMs - EXPIRY_MARGIN_MS }
}
