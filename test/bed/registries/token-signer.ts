// Signs registry bearer tokens the way distribution 2.8 verifies them: ES256 JWS whose `x5c` header holds a
// certificate that chains to the registry's `rootcertbundle` (here the self-signed certificate itself).
import { createPrivateKey, sign, X509Certificate, type KeyObject } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { run } from '../tools/run.js'
import { RegistryStartError } from './wait-ready.js'

export interface TokenSigner {
  /** PEM file to give the registry as `auth.token.rootcertbundle`. */
  rootCertBundle: string
  sign(claims: Record<string, unknown>): string
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString('base64url')

export async function createTokenSigner(dir: string): Promise<TokenSigner> {
  const keyPath = join(dir, 'token-signing-key.pem')
  const certPath = join(dir, 'token-signing-cert.pem')
  const r = await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-keyout',
    keyPath,
    '-out',
    certPath,
    '-days',
    '30',
    '-subj',
    '/CN=oci-attest test bed token issuer'
  ])
  if (r.code !== 0) {
    throw new RegistryStartError(
      `openssl could not make the token signing certificate (${r.error?.message ?? r.stderr.trim()}); run \`npm run testbed:install\``
    )
  }
  const key: KeyObject = createPrivateKey(await readFile(keyPath))
  const cert = new X509Certificate(await readFile(certPath))
  const header = b64url(JSON.stringify({ typ: 'JWT', alg: 'ES256', x5c: [cert.raw.toString('base64')] }))
  return {
    rootCertBundle: certPath,
    sign(claims) {
      const input = `${header}.${b64url(JSON.stringify(claims))}`
      // JWS wants the raw r||s form, not DER.
      const signature = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' })
      return `${input}.${b64url(signature)}`
    }
  }
}
