// Rekor entry kinds (hashedrekord 0.0.1, dsse 0.0.1, intoto 0.0.2): verify a proposed entry and
// produce the body Rekor stores, following rekor's pkg/types/*/entry.go Canonicalize.
import { constants, publicDecrypt, verify, type KeyObject } from 'node:crypto'
import { canonicalJson } from './canonical-json.js'
import { verifyP256Digest } from './ecdsa-digest.js'
import { field } from './http.js'
import { parsePem, pem, publicKeyFrom, sha256 } from './keys.js'

export class EntryError extends Error {
  readonly code = 'REKOR_ENTRY_INVALID'
}

type Json = Record<string, unknown>

/** Rekor re-encodes keys and certificates as PEM before storing them (x509.PublicKey.CanonicalValue). */
function canonicalKey(content: Buffer): { key: KeyObject; pem: string } {
  const text = content.toString('latin1')
  const block = parsePem(text)[0]
  try {
    if (block?.label === 'CERTIFICATE')
      return { key: publicKeyFrom(text), pem: pem('CERTIFICATE', block.der) }
    const key = publicKeyFrom(block ? text : content)
    return { key, pem: pem('PUBLIC KEY', key.export({ type: 'spki', format: 'der' })) }
  } catch {
    throw new EntryError('public key or certificate in the entry could not be parsed')
  }
}

const SHA256_DIGEST_INFO = Buffer.from('3031300d060960864801650304020105000420', 'hex')

function verifyDigest(key: KeyObject, digest: Buffer, signature: Buffer): boolean {
  if (key.asymmetricKeyType === 'ec') return verifyP256Digest(key, digest, signature)
  if (key.asymmetricKeyType === 'rsa') {
    try {
      const decoded = publicDecrypt({ key, padding: constants.RSA_PKCS1_PADDING }, signature)
      return decoded.equals(Buffer.concat([SHA256_DIGEST_INFO, digest]))
    } catch {
      return false
    }
  }
  return false
}

const b64 = (v: unknown, what: string): Buffer => {
  if (typeof v !== 'string' || v === '') throw new EntryError(`${what} is missing`)
  return Buffer.from(v, 'base64')
}

/** DSSE pre-authentication encoding. */
export function pae(payloadType: string, payload: Buffer): Buffer {
  const t = Buffer.from(payloadType, 'utf8')
  return Buffer.concat([Buffer.from(`DSSEv1 ${t.length} `), t, Buffer.from(` ${payload.length} `), payload])
}

function verifyDsse(payloadType: string, payload: Buffer, sig: Buffer, key: KeyObject): boolean {
  try {
    return verify(key.asymmetricKeyType === 'ed25519' ? null : 'sha256', pae(payloadType, payload), key, sig)
  } catch {
    return false
  }
}

function hashedrekord(spec: unknown): Json {
  const algorithm = String(field(spec, 'data', 'hash', 'algorithm') ?? 'sha256')
  const value = String(field(spec, 'data', 'hash', 'value') ?? '')
  if (algorithm !== 'sha256' || !/^[0-9a-f]{64}$/.test(value)) throw new EntryError('invalid value for hash')
  const signature = b64(field(spec, 'signature', 'content'), 'signature content')
  const { key, pem: keyPem } = canonicalKey(
    b64(field(spec, 'signature', 'publicKey', 'content'), 'public key content')
  )
  if (!verifyDigest(key, Buffer.from(value, 'hex'), signature)) {
    throw new EntryError('verifying signature: invalid signature when validating ASN.1 encoded signature')
  }
  return {
    apiVersion: '0.0.1',
    kind: 'hashedrekord',
    spec: {
      data: { hash: { algorithm, value } },
      signature: {
        content: signature.toString('base64'),
        publicKey: { content: Buffer.from(keyPem).toString('base64') }
      }
    }
  }
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])

function dsse(spec: unknown): Json {
  const envelopeText = field(spec, 'proposedContent', 'envelope')
  if (typeof envelopeText !== 'string') throw new EntryError('proposed content envelope is missing')
  let env: unknown
  try {
    env = JSON.parse(envelopeText)
  } catch {
    throw new EntryError('proposed content envelope is not JSON')
  }
  const sigs = list(field(env, 'signatures'))
  if (sigs.length === 0) throw new EntryError('DSSE envelope must contain 1 or more signatures')
  const payloadType = String(field(env, 'payloadType'))
  const payload = Buffer.from(String(field(env, 'payload') ?? ''), 'base64')
  const keys = list(field(spec, 'proposedContent', 'verifiers')).map(v => canonicalKey(b64(v, 'verifier')))
  const signatures = sigs.map(s => {
    const sig = String(field(s, 'sig'))
    const match = keys.find(k => verifyDsse(payloadType, payload, Buffer.from(sig, 'base64'), k.key))
    if (!match)
      throw new EntryError('could not verify envelope: all signatures must have a key that verifies it')
    return { signature: sig, verifier: Buffer.from(match.pem).toString('base64') }
  })
  signatures.sort((a, b) => (a.signature < b.signature ? -1 : a.signature > b.signature ? 1 : 0))
  return {
    apiVersion: '0.0.1',
    kind: 'dsse',
    spec: {
      envelopeHash: { algorithm: 'sha256', value: sha256(envelopeText).toString('hex') },
      payloadHash: { algorithm: 'sha256', value: sha256(payload).toString('hex') },
      signatures
    }
  }
}

function intoto(spec: unknown): Json {
  const env = field(spec, 'content', 'envelope')
  if (!env || typeof env !== 'object')
    throw new EntryError('missing content or envelope in intoto v0.0.2 entry')
  // intoto 0.0.2 base64-encodes the envelope's already-base64 payload and signatures once more
  const payload = Buffer.from(b64(field(env, 'payload'), 'envelope payload').toString('utf8'), 'base64')
  const payloadType = String(field(env, 'payloadType'))
  const sigs = list(field(env, 'signatures'))
  if (sigs.length === 0) throw new EntryError('missing signatures')
  for (const s of sigs) {
    const { key } = canonicalKey(b64(field(s, 'publicKey'), 'signature publicKey'))
    const sig = Buffer.from(b64(field(s, 'sig'), 'signature sig').toString('utf8'), 'base64')
    if (!verifyDsse(payloadType, payload, sig, key)) {
      throw new EntryError('could not verify envelope: all signatures must have a key that verifies it')
    }
  }
  const hash = field(spec, 'content', 'hash')
  if (!field(hash, 'value')) throw new EntryError('missing envelope digest')
  return {
    apiVersion: '0.0.2',
    kind: 'intoto',
    spec: {
      content: {
        envelope: { payloadType, signatures: sigs },
        hash: { algorithm: field(hash, 'algorithm'), value: field(hash, 'value') },
        payloadHash: { algorithm: 'sha256', value: sha256(payload).toString('hex') }
      }
    }
  }
}

/** Verifies a proposed entry and returns the canonical body bytes Rekor would store. */
export function canonicalizeProposedEntry(proposed: unknown): Buffer {
  const kind = `${String(field(proposed, 'kind'))} ${String(field(proposed, 'apiVersion'))}`
  const spec = field(proposed, 'spec')
  let entry: Json
  if (kind === 'hashedrekord 0.0.1') entry = hashedrekord(spec)
  else if (kind === 'dsse 0.0.1') entry = dsse(spec)
  else if (kind === 'intoto 0.0.2') entry = intoto(spec)
  else throw new EntryError(`entry kind/version ${kind} is not supported by the test bed's Rekor`)
  return Buffer.from(canonicalJson(entry), 'utf8')
}
