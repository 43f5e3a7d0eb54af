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
