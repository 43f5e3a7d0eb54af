// Checks the OIDC token the way @actions/attest does before trusting its claims for provenance:
// signature against the issuer's JWKS, issuer, audience and expiry.
import { errorText } from '../../errors/index.js'
import { createPublicKey, verify as verifySignature } from 'node:crypto'
import type { JsonWebKey } from 'node:crypto'
import { SigstoreError } from '../error.js'
import { defaultHttp } from '../../http/index.js'
import { expectJson } from '../http.js'
import type { Http } from '../../http/index.js'
import { githubServerUrl, issuerForServer, missingClaims } from '../../github/claims.js'
import type { GitHubClaims } from '../../github/claims.js'

export interface VerifyTokenOptions {
  /** Expected `iss`; defaults to the issuer for `serverUrl`. */
  issuer?: string
  /** The GitHub server the token comes from (default https://github.com). */
  serverUrl?: string
  /** Where `/.well-known/openid-configuration` lives when it is not at the issuer (private test issuers). */
  discoveryBaseUrl?: string
  audience?: string
  http?: Http
  now?: () => number
}

const ALGORITHMS: Record<string, { hash: string; dsaEncoding?: 'ieee-p1363' }> = {
  RS256: { hash: 'sha256' },
  ES256: { hash: 'sha256', dsaEncoding: 'ieee-p1363' },
  ES384: { hash: 'sha384', dsaEncoding: 'ieee-p1363' }
}

function invalid(message: string, cause?: unknown): SigstoreError {
  return new SigstoreError('ID_TOKEN_INVALID', `OIDC token rejected: ${message}`, { cause })
}

function decodePart<T>(part: string | undefined, name: string): T {
  try {
    return JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8')) as T
  } catch (cause) {
    throw invalid(`its ${name} is not base64url JSON`, cause)
  }
}

/** Decodes without checking: only for reading `iss`/`sub` where verification happens elsewhere. */
export function decodeClaims(token: string): Record<string, unknown> {
  return decodePart<Record<string, unknown>>(token.split('.')[1], 'payload')
}

export async function verifyIdToken(token: string, opts: VerifyTokenOptions = {}): Promise<GitHubClaims> {
  const issuer = opts.issuer ?? issuerForServer(githubServerUrl(opts.serverUrl))
  const audience = opts.audience ?? 'sigstore'
  const http = opts.http ?? defaultHttp()
  const parts = token.split('.')
  if (parts.length !== 3) throw invalid('it is not a JWT (three dot-separated parts)')
  const header = decodePart<{ alg?: string; kid?: string }>(parts[0], 'header')
  const payload = decodePart<Record<string, unknown>>(parts[1], 'payload')
  const alg = ALGORITHMS[header.alg ?? '']
  if (!alg) throw invalid(`algorithm ${JSON.stringify(header.alg)} is not one of ${Object.keys(ALGORITHMS)}`)
  if (payload.iss !== issuer)
    throw invalid(`issuer ${JSON.stringify(payload.iss)} is not the expected ${issuer}`)

  const base = (opts.discoveryBaseUrl ?? issuer).replace(/\/$/, '')
  let keys: (JsonWebKey & { kid?: string })[]
  try {
    const config = await expectJson<{ jwks_uri?: string }>(
      await http.request(`${base}/.well-known/openid-configuration`, {}),
      `OIDC discovery at ${base}`
    )
    if (!config.jwks_uri) throw new Error(`${base}/.well-known/openid-configuration has no jwks_uri`)
    // A private issuer may advertise its public name; fetch the JWKS from the discovery host instead.
    const jwksUrl = opts.discoveryBaseUrl
      ? new URL(new URL(config.jwks_uri).pathname, base + '/')
      : config.jwks_uri
    keys =
      (await expectJson<{ keys?: typeof keys }>(await http.request(jwksUrl, {}), 'the issuer JWKS')).keys ??
      []
  } catch (cause) {
    throw invalid(`could not read the issuer's keys from ${base}: ${errorText(cause)}`, cause)
  }
  const jwk = keys.find(k => header.kid === undefined || k.kid === header.kid)
  if (!jwk) throw invalid(`no key with kid ${JSON.stringify(header.kid)} in the issuer JWKS`)
  const ok = verifySignature(
    alg.hash,
    Buffer.from(`${parts[0]}.${parts[1]}`),
    {
      key: createPublicKey({ key: jwk, format: 'jwk' }),
      ...(alg.dsaEncoding ? { dsaEncoding: alg.dsaEncoding } : {})
    },
    Buffer.from(parts[2] ?? '', 'base64url')
  )
  if (!ok) throw invalid('its signature does not verify against the issuer JWKS')

  const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud]
  if (!aud.includes(audience))
    throw invalid(`audience ${JSON.stringify(payload.aud)} does not include ${audience}`)
  const now = Math.floor((opts.now ?? Date.now)() / 1000)
  if (typeof payload.exp !== 'number' || payload.exp <= now)
    throw invalid('it has expired; request a fresh one')
  if (typeof payload.nbf === 'number' && payload.nbf > now + 60) throw invalid('it is not valid yet (nbf)')
  const missing = missingClaims(payload)
  if (missing.length > 0) throw invalid(`GitHub claims missing: ${missing.join(', ')}`)
  return payload as unknown as GitHubClaims
}
