// Certificates for dry runs: a throwaway in-process CA, named so no one can mistake them for Fulcio's.
import { createPublicKey, generateKeyPairSync, randomBytes, sign, X509Certificate } from 'node:crypto'
import type { KeyObject } from 'node:crypto'

export const DRY_RUN_MARK = 'oci-attest DRY RUN - self-signed, not trusted, nothing was logged'

const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  basicConstraints: '2.5.29.19',
  extKeyUsage: '2.5.29.37',
  subjectAltName: '2.5.29.17',
  codeSigning: '1.3.6.1.5.5.7.3.3',
  fulcioIssuerV2: '1.3.6.1.4.1.57264.1.8'
}

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n])
  if (n < 0x100) return Buffer.from([0x81, n])
  return Buffer.from([0x82, n >> 8, n & 0xff])
}
const tlv = (tag: number, content: Buffer): Buffer =>
  Buffer.concat([Buffer.from([tag]), length(content.length), content])
const seq = (...parts: Buffer[]): Buffer => tlv(0x30, Buffer.concat(parts))
const set = (...parts: Buffer[]): Buffer => tlv(0x31, Buffer.concat(parts))
const utf8 = (s: string): Buffer => tlv(0x0c, Buffer.from(s, 'utf8'))
const octets = (b: Buffer): Buffer => tlv(0x04, b)
const bits = (b: Buffer): Buffer => tlv(0x03, Buffer.concat([Buffer.from([0]), b]))
const bool = (v: boolean): Buffer => tlv(0x01, Buffer.from([v ? 0xff : 0]))
const explicit = (n: number, content: Buffer): Buffer => tlv(0xa0 | n, content)

function oid(dotted: string): Buffer {
  const [a = 0, b = 0, ...rest] = dotted.split('.').map(Number)
  const out = [40 * a + b]
  for (const arc of rest) {
    const chunk = [arc & 0x7f]
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v & 0x7f) | 0x80)
    out.push(...chunk)
  }
  return tlv(0x06, Buffer.from(out))
}

/** DER INTEGER of unsigned big-endian bytes: minimal (no leading zeros), with a 0x00 pad when the top bit is set. */
function positiveInt(b: Buffer): Buffer {
  let i = 0
  while (i < b.length - 1 && b[i] === 0) i++
  const bytes = b.subarray(i)
  return tlv(0x02, bytes[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), bytes]) : bytes)
}

function utcTime(d: Date): Buffer {
  const iso = d.toISOString()
  const text =
    iso.slice(2, 4) +
    iso.slice(5, 7) +
    iso.slice(8, 10) +
    iso.slice(11, 13) +
    iso.slice(14, 16) +
    iso.slice(17, 19) +
    'Z'
  return tlv(0x17, Buffer.from(text, 'ascii'))
}

const name = (cn: string): Buffer =>
  seq(set(seq(oid(OID.organization), utf8('oci-attest DRY RUN'))), set(seq(oid(OID.commonName), utf8(cn))))
const extension = (id: string, critical: boolean, value: Buffer): Buffer =>
  seq(oid(id), ...(critical ? [bool(true)] : []), octets(value))

interface CertSpec {
  subject: string
  issuer: string
  publicKey: KeyObject
  signingKey: KeyObject
  notBefore: Date
  notAfter: Date
  ca: boolean
  san?: string
  oidcIssuer?: string
}

function certificate(spec: CertSpec): string {
  const extensions = [extension(OID.basicConstraints, true, spec.ca ? seq(bool(true)) : seq())]
  if (!spec.ca) extensions.push(extension(OID.extKeyUsage, false, seq(oid(OID.codeSigning))))
  if (spec.san) extensions.push(extension(OID.subjectAltName, true, seq(tlv(0x86, Buffer.from(spec.san)))))
  if (spec.oidcIssuer) extensions.push(extension(OID.fulcioIssuerV2, false, utf8(spec.oidcIssuer)))
  const algorithm = seq(oid(OID.ecdsaWithSha256))
  const tbs = seq(
    explicit(0, positiveInt(Buffer.from([2]))),
    positiveInt(randomBytes(16)),
    algorithm,
    name(spec.issuer),
    seq(utcTime(spec.notBefore), utcTime(spec.notAfter)),
    name(spec.subject),
    spec.publicKey.export({ format: 'der', type: 'spki' }),
    explicit(3, seq(...extensions))
  )
  const der = seq(tbs, algorithm, bits(sign('sha256', tbs, spec.signingKey)))
  return new X509Certificate(der).toString()
}

/** Issues leaf certificates for any public key, as Fulcio would, but from a CA that lives only in memory. */
export class DryRunCertificateAuthority {
  readonly #key: KeyObject
  readonly rootPem: string
  readonly #identity: { san: string; issuer: string }

  constructor(identity: { san: string; issuer: string }, now = new Date()) {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    this.#key = privateKey
    this.#identity = identity
    this.rootPem = certificate({
      subject: `${DRY_RUN_MARK} (CA)`,
      issuer: `${DRY_RUN_MARK} (CA)`,
      publicKey,
      signingKey: privateKey,
      notBefore: new Date(now.getTime() - 60_000),
      notAfter: new Date(now.getTime() + 3_600_000),
      ca: true
    })
  }

  /** Leaf first, then the dry-run root, like Fulcio's chain. */
  issue(publicKeyPem: string, now = new Date()): string[] {
    const leaf = certificate({
      subject: DRY_RUN_MARK,
      issuer: `${DRY_RUN_MARK} (CA)`,
      publicKey: createPublicKey(publicKeyPem),
      signingKey: this.#key,
      notBefore: new Date(now.getTime() - 60_000),
      notAfter: new Date(now.getTime() + 20 * 60_000),
      ca: false,
      san: this.#identity.san,
      oidcIssuer: this.#identity.issuer
    })
    return [leaf, this.rootPem]
  }
}
