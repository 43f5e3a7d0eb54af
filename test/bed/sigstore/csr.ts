// PKCS#10 requests parsed just enough to take the public key and check the self-signature.
import { createPublicKey, verify, type KeyObject } from 'node:crypto'
import { readTlv } from './der.js'

const HASH_BY_SIG_OID: Record<string, string> = {
  '2a8648ce3d040302': 'sha256', // ecdsa-with-SHA256
  '2a8648ce3d040303': 'sha384',
  '2a8648ce3d040304': 'sha512',
  '2a864886f70d01010b': 'sha256', // sha256WithRSAEncryption
  '2a864886f70d01010c': 'sha384',
  '2a864886f70d01010d': 'sha512'
}

export class CsrError extends Error {
  readonly code = 'CSR_INVALID'
}

export function parseCsr(der: Buffer): { publicKey: KeyObject; spki: Buffer } {
  const outer = readTlv(der, 0)
  const info = readTlv(der, outer.start)
  const infoRaw = der.subarray(info.start - info.headerLength, info.end)
  const version = readTlv(der, info.start)
  const subject = readTlv(der, version.end)
  const spkiTlv = readTlv(der, subject.end)
  const spki = der.subarray(spkiTlv.start - spkiTlv.headerLength, spkiTlv.end)
  const algSeq = readTlv(der, info.end)
  const oid = readTlv(der, algSeq.start)
  const oidHex = der.subarray(oid.start, oid.end).toString('hex')
  const sigBits = readTlv(der, algSeq.end)
  const signature = der.subarray(sigBits.start + 1, sigBits.end) // skip the unused-bits byte
  const hash = HASH_BY_SIG_OID[oidHex]
  if (!hash) throw new CsrError(`CSR signature algorithm ${oidHex} is not supported`)
  let publicKey: KeyObject
  try {
    publicKey = createPublicKey({ key: spki, format: 'der', type: 'spki' })
  } catch (cause) {
    throw new CsrError('CSR public key is not a valid SubjectPublicKeyInfo', { cause })
  }
  if (!verify(hash, infoRaw, publicKey, signature)) throw new CsrError('CSR self-signature does not verify')
  return { publicKey, spki }
}
