// Compact JWS signing and checking (RS256/ES256) for the OIDC issuer and Fulcio.
import { createPublicKey, sign, verify, type JsonWebKey, type KeyObject } from 'node:crypto'

const b64u = (b: Buffer | string): string => Buffer.from(b).toString('base64url')

export function signJwt(payload: object, key: KeyObject, kid: string): string {
  const alg = key.asymmetricKeyType === 'ec' ? 'ES256' : 'RS256'
  const header = b64u(JSON.stringify({ alg, kid, typ: 'JWT' }))
  const body = b64u(JSON.stringify(payload))
  const input = `${header}.${body}`
  const sig =
    alg === 'ES256'
      ? sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' })
      : sign('sha256', Buffer.from(input), key)
  return `${input}.${b64u(sig)}`
}

export type Claims = Record<string, unknown>

export class JwtError extends Error {
  constructor(
    message: string,
    readonly code: 'JWT_MALFORMED' | 'JWT_SIGNATURE' | 'JWT_CLAIMS'
  ) {
    super(message)
  }
}

/** Decodes without checking anything; for reading claims after verification or in tests. */
export function decodeJwt(token: string): { header: Claims; claims: Claims } {
  const parts = token.split('.')
  if (parts.length !== 3) throw new JwtError('identity token is not a compact JWS (3 parts)', 'JWT_MALFORMED')
  try {
    return {
      header: JSON.parse(Buffer.from(parts[0] ?? '', 'base64url').toString('utf8')) as Claims,
      claims: JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8')) as Claims
    }
  } catch {
    throw new JwtError('identity token header or payload is not base64url JSON', 'JWT_MALFORMED')
  }
}

export interface VerifyOptions {
  jwks: (JsonWebKey & { kid?: string })[]
  issuer: string
  audience: string
  nowSec?: number
}

export function verifyJwt(token: string, opts: VerifyOptions): Claims {
  const { header, claims } = decodeJwt(token)
  const jwk = opts.jwks.find(k => k.kid === header.kid)
  if (!jwk)
    throw new JwtError(
      `identity token key id ${String(header.kid)} is not in the issuer's JWKS`,
      'JWT_SIGNATURE'
    )
  const key = createPublicKey({ key: jwk, format: 'jwk' })
  const [h, p, s] = token.split('.') as [string, string, string]
  const input = Buffer.from(`${h}.${p}`)
  const sig = Buffer.from(s, 'base64url')
  const ok =
    header.alg === 'ES256'
      ? verify('sha256', input, { key, dsaEncoding: 'ieee-p1363' }, sig)
      : header.alg === 'RS256' && verify('sha256', input, key, sig)
  if (!ok)
    throw new JwtError('identity token signature does not verify against the issuer JWKS', 'JWT_SIGNATURE')
  const now = opts.nowSec ?? Math.floor(Date.now() / 1000)
  if (claims.iss !== opts.issuer)
    throw new JwtError(`identity token issuer ${String(claims.iss)} is not ${opts.issuer}`, 'JWT_CLAIMS')
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud]
  if (!aud.includes(opts.audience))
    throw new JwtError(`identity token audience is not "${opts.audience}"`, 'JWT_CLAIMS')
  if (typeof claims.exp !== 'number' || claims.exp < now - 30)
    throw new JwtError('identity token has expired', 'JWT_CLAIMS')
  if (typeof claims.nbf === 'number' && claims.nbf > now + 30)
    throw new JwtError('identity token is not valid yet', 'JWT_CLAIMS')
  return claims
}
