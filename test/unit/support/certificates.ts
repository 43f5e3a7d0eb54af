// A self-signed certificate for a key, for unit tests that only need a readable leaf (the bed's X.509 writer).
import type { KeyObject } from 'node:crypto'
import { buildTbs, name, signTbs } from '../../bed/sigstore/x509.js'

export function selfSignedPem(privateKey: KeyObject, publicKey: KeyObject): string {
  const subject = name('unit test')
  const now = Date.now()
  const der = signTbs(
    buildTbs({
      subject,
      issuer: subject,
      notBefore: new Date(now - 60_000),
      notAfter: new Date(now + 3_600_000),
      spki: publicKey.export({ type: 'spki', format: 'der' }),
      extensions: []
    }),
    privateKey
  )
  return `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`
}
