// ECDSA P-256 verification over a given digest: node:crypto only verifies messages, and a
// hashedrekord entry carries just the artifact's digest.
import type { KeyObject } from 'node:crypto'
import { readTlv } from './der.js'

const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n
const B = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn
const G: Point = {
  x: 0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
  y: 0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n
}

interface Point {
  x: bigint
  y: bigint
}

const mod = (a: bigint, m: bigint): bigint => ((a % m) + m) % m

function inv(a: bigint, m: bigint): bigint {
  let [r0, r1, s0, s1] = [mod(a, m), m, 1n, 0n]
  while (r1 !== 0n) {
    const q = r0 / r1
    ;[r0, r1] = [r1, r0 - q * r1]
    ;[s0, s1] = [s1, s0 - q * s1]
  }
  return mod(s0, m)
}

function add(p: Point | null, q: Point | null): Point | null {
  if (!p) return q
  if (!q) return p
  if (p.x === q.x && mod(p.y + q.y, P) === 0n) return null
  const l =
    p.x === q.x && p.y === q.y
      ? mod((3n * p.x * p.x - 3n) * inv(2n * p.y, P), P)
      : mod((q.y - p.y) * inv(q.x - p.x, P), P)
  const x = mod(l * l - p.x - q.x, P)
  return { x, y: mod(l * (p.x - x) - p.y, P) }
}

function mul(k: bigint, p: Point): Point | null {
  let r: Point | null = null
  let a: Point | null = p
  for (let e = k; e > 0n; e >>= 1n) {
    if (e & 1n) r = add(r, a)
    a = add(a, a)
  }
  return r
}

export const onCurve = (p: Point): boolean => mod(p.y * p.y - (p.x * p.x * p.x - 3n * p.x + B), P) === 0n

const big = (b: Buffer): bigint => (b.length ? BigInt('0x' + b.toString('hex')) : 0n)

function parseDerSignature(sig: Buffer): { r: bigint; s: bigint } {
  const seq = readTlv(sig, 0)
  const r = readTlv(sig, seq.start)
  const s = readTlv(sig, r.end)
  return { r: big(sig.subarray(r.start, r.end)), s: big(sig.subarray(s.start, s.end)) }
}

/** True when `signature` (DER) is a valid ECDSA P-256 signature of `digest` by `key`. */
export function verifyP256Digest(key: KeyObject, digest: Buffer, signature: Buffer): boolean {
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') return false
  const jwk = key.export({ format: 'jwk' })
  const q = { x: big(Buffer.from(jwk.x ?? '', 'base64url')), y: big(Buffer.from(jwk.y ?? '', 'base64url')) }
  let r: bigint, s: bigint
  try {
    ;({ r, s } = parseDerSignature(signature))
  } catch {
    return false
  }
  if (r <= 0n || r >= N || s <= 0n || s >= N || !onCurve(q)) return false
  const e = big(digest.subarray(0, 32))
  const w = inv(s, N)
  const point = add(mul(mod(e * w, N), G), mul(mod(r * w, N), q))
  return point !== null && mod(point.x, N) === r
}
