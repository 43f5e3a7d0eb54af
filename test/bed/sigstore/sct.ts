// RFC 6962 signed certificate timestamps over precertificates, embedded the way Fulcio embeds them.
import { createPublicKey, type KeyObject } from 'node:crypto'
import { AsnConvert } from '@peculiar/asn1-schema'
import { Certificate, Extensions, type Extension, type TBSCertificate } from '@peculiar/asn1-x509'
import { derOctetString } from './der.js'
import { sha256, signSha256, verifySha256 } from './keys.js'
import { encode, extension } from './x509.js'

export const OID_SCT_LIST = '1.3.6.1.4.1.11129.2.4.2'

function u16(n: number): Buffer {
  const b = Buffer.alloc(2)
  b.writeUInt16BE(n)
  return b
}

function u24(n: number): Buffer {
  return Buffer.from([(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff])
}

function u64(n: number): Buffer {
  const b = Buffer.alloc(8)
  b.writeBigUInt64BE(BigInt(n))
  return b
}

/** The digitally-signed struct of RFC 6962 §3.2 for a precert_entry. */
export function precertSignedData(timestampMs: number, issuerSpki: Buffer, precertTbs: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from([0, 0]), // v1, certificate_timestamp
    u64(timestampMs),
    u16(1), // precert_entry
    sha256(issuerSpki),
    u24(precertTbs.length),
    precertTbs,
    u16(0) // no extensions
  ])
}

export interface CtLogSigner {
  privateKey: KeyObject
  /** sha256 of the log's SPKI DER. */
  logId: Buffer
}

/** One serialized SCT (RFC 6962 §3.2), ECDSA-SHA256. */
export function createSct(
  log: CtLogSigner,
  issuerSpki: Buffer,
  precertTbs: Buffer,
  timestampMs = Date.now()
): Buffer {
  const signature = signSha256(log.privateKey, precertSignedData(timestampMs, issuerSpki, precertTbs))
  return Buffer.concat([
    Buffer.from([0]),
    log.logId,
    u64(timestampMs),
    u16(0),
    Buffer.from([4, 3]),
    u16(signature.length),
    signature
  ])
}

/** The X.509 extension carrying a SignedCertificateTimestampList (TLS list inside an OCTET STRING). */
export function sctListExtension(scts: Buffer[]): Extension {
  const list = Buffer.concat(scts.map(s => Buffer.concat([u16(s.length), s])))
  return extension(OID_SCT_LIST, derOctetString(Buffer.concat([u16(list.length), list])))
}

/** Adds an embedded SCT to a TBS whose other extensions are final, as a CA with a CT log does. */
export function embedSct(
  tbs: TBSCertificate,
  log: CtLogSigner,
  issuerSpki: Buffer,
  timestampMs = Date.now()
): void {
  const precertTbs = encode(tbs)
  const sct = createSct(log, issuerSpki, precertTbs, timestampMs)
  tbs.extensions = new Extensions([...(tbs.extensions ?? []), sctListExtension([sct])])
}

export interface ParsedSct {
  logId: Buffer
  timestampMs: number
  signature: Buffer
}

/** Checks every embedded SCT of `leafDer` against `logKey` the way a CT-aware verifier does. */
export function verifyEmbeddedScts(
  leafDer: Buffer,
  issuerSpki: Buffer,
  logKey: KeyObject | string
): ParsedSct[] {
  const key = typeof logKey === 'string' ? createPublicKey(logKey) : logKey
  const cert = AsnConvert.parse(leafDer, Certificate)
  const exts = cert.tbsCertificate.extensions ?? []
  const sctExt = exts.find(e => e.extnID === OID_SCT_LIST)
  if (!sctExt) throw new Error('certificate has no embedded SCT list')
  const inner = Buffer.from(sctExt.extnValue.buffer)
  // inner is a DER OCTET STRING wrapping the TLS-encoded list
  const tls = inner.subarray(inner[1] !== undefined && inner[1] & 0x80 ? 2 + (inner[1] & 0x7f) : 2)
  cert.tbsCertificate.extensions = new Extensions(exts.filter(e => e.extnID !== OID_SCT_LIST))
  const precertTbs = encode(cert.tbsCertificate)
  const out: ParsedSct[] = []
  let pos = 2
  const end = 2 + tls.readUInt16BE(0)
  while (pos < end) {
    const len = tls.readUInt16BE(pos)
    const sct = tls.subarray(pos + 2, pos + 2 + len)
    pos += 2 + len
    const logId = sct.subarray(1, 33)
    const timestampMs = Number(sct.readBigUInt64BE(33))
    const extLen = sct.readUInt16BE(41)
    const sigLen = sct.readUInt16BE(43 + extLen + 2)
    const signature = sct.subarray(43 + extLen + 4, 43 + extLen + 4 + sigLen)
    if (!verifySha256(key, precertSignedData(timestampMs, issuerSpki, precertTbs), signature)) {
      throw new Error(`SCT from log ${logId.toString('hex')} does not verify`)
    }
    out.push({ logId, timestampMs, signature })
  }
  return out
}
