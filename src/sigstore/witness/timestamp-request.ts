// RFC 3161 TimeStampReq in DER, small enough to write by hand: version 1, SHA-256 imprint, nonce, certReq.
import { randomBytes } from 'node:crypto'

function tlv(tag: number, content: Buffer): Buffer {
  const n = content.length
  const length =
    n < 0x80 ? Buffer.from([n]) : n < 0x100 ? Buffer.from([0x81, n]) : Buffer.from([0x82, n >> 8, n & 0xff])
  return Buffer.concat([Buffer.from([tag]), length, content])
}

const SEQUENCE = 0x30
const SHA256_ALGORITHM = tlv(
  SEQUENCE,
  Buffer.concat([tlv(0x06, Buffer.from('608648016503040201', 'hex')), Buffer.from([0x05, 0x00])])
)

/** A positive INTEGER nonce (leading bit clear, leading byte non-zero). */
function nonce(): Buffer {
  const bytes = randomBytes(8)
  bytes[0] = ((bytes[0] ?? 1) & 0x7f) | 0x01
  return bytes
}

export function timeStampRequest(sha256Digest: Buffer): Buffer {
  const imprint = tlv(SEQUENCE, Buffer.concat([SHA256_ALGORITHM, tlv(0x04, sha256Digest)]))
  return tlv(
    SEQUENCE,
    Buffer.concat([tlv(0x02, Buffer.from([1])), imprint, tlv(0x02, nonce()), tlv(0x01, Buffer.from([0xff]))])
  )
}
