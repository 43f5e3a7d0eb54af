import { describe, expect, it } from '@jest/globals'
import { generateKeyPairSync, sign } from 'node:crypto'
import { verifyP256Digest } from '../bed/sigstore/ecdsa-digest.js'
import { generateEcKey, sha256 } from '../bed/sigstore/keys.js'

describe('verifyP256Digest', () => {
  it('accepts node:crypto ECDSA signatures given only the sha256 digest of the message', () => {
    for (let i = 0; i < 40; i++) {
      const key = generateEcKey()
      const message = Buffer.from(`artifact ${i}`)
      const sig = sign('sha256', message, key.privateKey)
      expect(verifyP256Digest(key.publicKey, sha256(message), sig)).toBe(true)
    }
  })

  it('rejects another digest, another key, a corrupted signature and non-P-256 keys', () => {
    const key = generateEcKey()
    const message = Buffer.from('artifact')
    const sig = sign('sha256', message, key.privateKey)
    expect(verifyP256Digest(key.publicKey, sha256('other'), sig)).toBe(false)
    expect(verifyP256Digest(generateEcKey().publicKey, sha256(message), sig)).toBe(false)
    const bad = Buffer.from(sig)
    bad[bad.length - 1] = (bad[bad.length - 1] ?? 0) ^ 1
    expect(verifyP256Digest(key.publicKey, sha256(message), bad)).toBe(false)
    expect(verifyP256Digest(key.publicKey, sha256(message), Buffer.from('not der'))).toBe(false)
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' })
    expect(verifyP256Digest(p384.publicKey, sha256(message), sign('sha384', message, p384.privateKey))).toBe(
      false
    )
  })
})
