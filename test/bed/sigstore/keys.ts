// Key material and encodings every server of the stack shares: P-256 keys, SPKI, PEM, hashes.
import { createHash, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto'

export interface EcKey {
  privateKey: KeyObject
  publicKey: KeyObject
  /** DER SubjectPublicKeyInfo. */
  spki: Buffer
  publicPem: string
}

export function generateEcKey(): EcKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const spki = publicKey.export({ type: 'spki', format: 'der' })
  return { privateKey, publicKey, spki, publicPem: pem('PUBLIC KEY', spki) }
}

export function sha256(data: Buffer | string): Buffer {
  return createHash('sha256').update(data).digest()
}

/** ECDSA (or RSA) signature over sha256(data), DER-encoded as Sigstore clients expect. */
export function signSha256(key: KeyObject, data: Buffer | string): Buffer {
  return sign('sha256', Buffer.from(data), key)
}

export function verifySha256(key: KeyObject, data: Buffer | string, signature: Buffer): boolean {
  try {
    return verify('sha256', Buffer.from(data), key, signature)
  } catch {
    return false
  }
}

/** PEM the way Go's encoding/pem writes it (64-column lines, trailing newline), which Rekor stores. */
export function pem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? []
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`
}

export interface PemBlock {
  label: string
  der: Buffer
}

export function parsePem(text: string): PemBlock[] {
  const blocks: PemBlock[] = []
  const re = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g
  for (let m = re.exec(text); m; m = re.exec(text)) {
    blocks.push({ label: m[1] ?? '', der: Buffer.from((m[2] ?? '').replace(/\s+/g, ''), 'base64') })
  }
  return blocks
}

/** Public key from PEM (key or certificate) or DER SPKI. */
export function publicKeyFrom(input: Buffer | string): KeyObject {
  const text = Buffer.isBuffer(input) ? input.toString('latin1') : input
  if (text.includes('-----BEGIN')) return createPublicKey(text)
  return createPublicKey({ key: Buffer.from(input), format: 'der', type: 'spki' })
}
