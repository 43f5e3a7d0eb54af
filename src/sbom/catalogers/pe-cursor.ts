// A read position over a byte buffer with the semantics Syft's PE reader relies on (Go's bytes.Reader plus
// binary.Read): seeking past the end is allowed, a short read fails but still consumes what was left.

export class PeCursor {
  pos = 0

  constructor(readonly data: Buffer) {}

  get size(): number {
    return this.data.length
  }

  /** Bytes left after the position (0 once the position is at or past the end). */
  remaining(): number {
    return Math.max(0, this.data.length - this.pos)
  }

  seek(at: number): void {
    this.pos = at
  }

  /** Exactly n bytes, or undefined when fewer remain (those few are consumed, as io.ReadFull does). */
  read(n: number): Buffer | undefined {
    if (this.pos >= this.data.length) return undefined
    if (this.data.length - this.pos < n) {
      this.pos = this.data.length
      return undefined
    }
    const out = this.data.subarray(this.pos, this.pos + n)
    this.pos += n
    return out
  }

  /**
   * A NUL-terminated UTF-16LE string read one code unit at a time, each taken as a code point (so a
   * surrogate half becomes U+FFFD, as Go's string([]rune) makes it); `consumed` counts the terminator.
   */
  readUtf16(): { text: string; consumed: number } {
    const start = this.pos
    const end = this.data.length
    const units: number[] = []
    let text = ''
    while (this.pos < end) {
      if (end - this.pos < 2) {
        this.pos = end
        break
      }
      const unit = this.data.readUInt16LE(this.pos)
      this.pos += 2
      if (unit === 0) break
      units.push(unit >= 0xd800 && unit <= 0xdfff ? 0xfffd : unit)
      if (units.length === 4096) text += String.fromCharCode(...units.splice(0))
    }
    text += String.fromCharCode(...units)
    return { text, consumed: Math.max(0, this.pos - start) }
  }
}

/** Rounds an offset up to the next 4-byte (DWORD) boundary. */
export function alignDword(offset: number): number {
  return Math.ceil(offset / 4) * 4
}
