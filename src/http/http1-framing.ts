// HTTP/1.1 response framing for the bulk GET: the head parsed from raw bytes, and the body's bytes told apart
// from the framing around them (Content-Length, chunked, or until close). Pure: no sockets, no timers.

const MAX_HEAD_BYTES = 64 * 1024
const MAX_CHUNK_LINE = 1024

/** What the server sent that is not HTTP/1.x; the caller names the host. */
export class FramingProblem {
  constructor(readonly what: string) {}
}

export interface ResponseHead {
  status: number
  headers: Headers
  /** Body bytes that arrived with the head. */
  rest: Buffer
}

/** A complete final head in `head`, if there is one yet (1xx interim answers are skipped). */
export function parseResponseHead(head: Buffer): ResponseHead | undefined {
  for (;;) {
    const end = head.indexOf('\r\n\r\n')
    if (end < 0) {
      if (head.length > MAX_HEAD_BYTES)
        throw new FramingProblem(`a response head over ${MAX_HEAD_BYTES} bytes`)
      return undefined
    }
    const lines = head.subarray(0, end).toString('latin1').split('\r\n')
    const rest = head.subarray(end + 4)
    const status = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '')
    if (!status)
      throw new FramingProblem(`a status line that is not HTTP/1.x: "${(lines[0] ?? '').slice(0, 60)}"`)
    const code = Number(status[1])
    if (code >= 100 && code < 200) {
      head = rest // an interim answer; the real one follows
      continue
    }
    const headers = new Headers()
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':')
      if (colon <= 0) continue
      try {
        headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim())
      } catch {
        // a header the WHATWG Headers class refuses is one we never read
      }
    }
    return { status: code, headers, rest }
  }
}

type ChunkState = 'size' | 'data' | 'data-end' | 'trailer'

/** Feeds raw bytes after the head; hands each run of body bytes (a view, never a copy) to `push`. */
export class BodyDecoder {
  readonly framing: 'length' | 'chunked' | 'close'
  /** The declared length (Content-Length), when there is one. */
  readonly expected: number | undefined
  finished = false
  private remaining = 0
  private chunkState: ChunkState = 'size'
  private chunkLine = ''

  constructor(status: number, headers: Headers) {
    const encoding = headers.get('transfer-encoding')
    const length = headers.get('content-length')
    if (encoding && /(^|,)\s*chunked\s*$/i.test(encoding)) {
      this.framing = 'chunked'
    } else if (status === 204 || status === 304) {
      this.framing = 'length'
      this.finished = true
    } else if (length !== null) {
      if (!/^\d+$/.test(length.trim())) throw new FramingProblem(`Content-Length "${length}"`)
      this.framing = 'length'
      this.remaining = Number(length)
      this.expected = this.remaining
      if (this.remaining === 0) this.finished = true
    } else {
      this.framing = 'close'
    }
  }

  feed(data: Buffer, push: (view: Buffer) => void): void {
    if (this.finished || data.length === 0) return
    if (this.framing === 'close') return push(data)
    if (this.framing === 'length') {
      // Bytes after the declared length are not the body (the connection closes anyway).
      const take = Math.min(this.remaining, data.length)
      if (take > 0) push(data.subarray(0, take))
      this.remaining -= take
      if (this.remaining === 0) this.finished = true
      return
    }
    let pos = 0
    while (pos < data.length && !this.finished) {
      if (this.chunkState === 'data') {
        const take = Math.min(this.remaining, data.length - pos)
        push(data.subarray(pos, pos + take))
        pos += take
        this.remaining -= take
        if (this.remaining === 0) this.chunkState = 'data-end'
        continue
      }
      const nl = data.indexOf(10, pos)
      const piece = data.subarray(pos, nl < 0 ? data.length : nl).toString('latin1')
      pos = nl < 0 ? data.length : nl + 1
      this.chunkLine += piece
      if (this.chunkLine.length > MAX_CHUNK_LINE)
        throw new FramingProblem('a chunked-encoding line over 1 KiB')
      if (nl < 0) continue
      this.line(this.chunkLine.replace(/\r$/, ''))
      this.chunkLine = ''
    }
  }

  private line(line: string): void {
    if (this.chunkState === 'data-end') {
      if (line !== '') throw new FramingProblem('chunk data longer than its size line said')
      this.chunkState = 'size'
    } else if (this.chunkState === 'size') {
      const size = line.split(';')[0]!.trim()
      if (!/^[0-9a-fA-F]{1,12}$/.test(size))
        throw new FramingProblem(`a chunk size line "${line.slice(0, 40)}"`)
      this.remaining = parseInt(size, 16)
      this.chunkState = this.remaining === 0 ? 'trailer' : 'data'
    } else if (line === '') {
      this.finished = true // the empty line after the trailers ends the body
    }
  }
}
