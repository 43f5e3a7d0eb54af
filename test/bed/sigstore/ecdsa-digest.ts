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

// Jacobian (X, Y, Z) stands for (X/Z², Y/Z³); Z = 0 is the point at infinity. One inversion per
// verification instead of one per step keeps a hashedrekord entry in the millisecond range.
type Jacobian = readonly [bigint, bigint, bigint]
const INFINITY: Jacobian = [1n, 1n, 0n]

const mod = (a: bigint, m: bigint): bigint => ((a % m) + m) % m
const f = (a: bigint): bigint => mod(a, P)

function inv(a: bigint, m: bigint): bigint {
  let [r0, r1, s0, s1] = [mod(a, m), m, 1n, 0n]
  while (r1 !== 0n) {
    const q = r0 / r1
    ;[r0, r1] = [r1, r0 - q * r1]
    ;[s0, s1] = [s1, s0 - q * s1]
  }
  return mod(s0, m)
}

// dbl-2001-b for a = -3.
function double([x, y, z]: Jacobian): Jacobian {
  if (z === 0n || y === 0n) return INFINITY
  const delta = f(z * z)
  const gamma = f(y * y)
  const beta = f(x * gamma)
  const alpha = f(3n * (x - delta) * (x + delta))
  const x3 = f(alpha * alpha - 8n * beta)
  const z3 = f((y + z) * (y + z) - gamma - delta)
  const y3 = f(alpha * (4n * beta - x3) - 8n * gamma * gamma)
  return [x3, y3, z3]
}

// add-2007-bl, falling back to doubling for equal points.
function add(p: Jacobian, q: Jacobian): Jacobian {
  if (p[2] === 0n) return q
  if (q[2] === 0n) return p
  const [x1, y1, z1] = p
  const [x2, y2, z2] = q
  const z1z1 = f(z1 * z1)
  const z2z2 = f(z2 * z2)
  const u1 = f(x1 * z2z2)
  const u2 = f(x2 * z1z1)
  const s1 = f(y1 * z2 * z2z2)
  const s2 = f(y2 * z1 * z1z1)
  const h = f(u2 - u1)
  const r = f(s2 - s1)
  if (h === 0n) return r === 0n ? double(p) : INFINITY
  const hh = f(h * h)
  const hhh = f(h * hh)
  const v = f(u1 * hh)
  const x3 = f(r * r - hhh - 2n * v)
  const y3 = f(r * (v - x3) - s1 * hhh)
  return [x3, y3, f(z1 * z2 * h)]
}

/** a·G + b·Q by Shamir's trick: one pass over the bits of both scalars. */
function twoMul(a: bigint, g: Jacobian, b: bigint, q: Jacobian): Jacobian {
  const both = add(g, q)
  let r = INFINITY
  const bits = Math.max(a.toString(2).length, b.toString(2).length)
  for (let i = bits - 1; i >= 0; i--) {
    r = double(r)
    const bit = 1n << BigInt(i)
    const ai = (a & bit) !== 0n
    const bi = (b & bit) !== 0n
    if (ai && bi) r = add(r, both)
    else if (ai) r = add(r, g)
    else if (bi) r = add(r, q)
  }
  return r
}

const affineX = ([x, , z]: Jacobian): bigint => f(x * inv(f(z * z), P))

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
  const point = twoMul(mod(e * w, N), [G.x, G.y, 1n], mod(r * w, N), [q.x, q.y, 1n])
  return point[2] !== 0n && mod(affineX(point), N) === r
}
