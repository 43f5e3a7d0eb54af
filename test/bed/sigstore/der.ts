// The few raw DER encodings the @peculiar classes do not give us directly.

export function derLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n])
  const bytes: number[] = []
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff)
  return Buffer.from([0x80 | bytes.length, ...bytes])
}

export function derTlv(tag: number, value: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), derLength(value.length), value])
}

export const derUtf8String = (s: string): Buffer => derTlv(0x0c, Buffer.from(s, 'utf8'))
export const derOctetString = (b: Buffer): Buffer => derTlv(0x04, b)

/** Reads one TLV at `offset`; enough to walk the SEQUENCEs we produce. */
export function readTlv(
  buf: Buffer,
  offset = 0
): { tag: number; start: number; end: number; headerLength: number } {
  const tag = buf[offset] ?? 0
  let len = buf[offset + 1] ?? 0
  let header = 2
  if (len & 0x80) {
    const count = len & 0x7f
    len = 0
    for (let i = 0; i < count; i++) len = len * 256 + (buf[offset + 2 + i] ?? 0)
    header += count
  }
  return { tag, start: offset + header, end: offset + header + len, headerLength: header }
}
