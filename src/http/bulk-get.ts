// A GET whose large body (a layer blob) is read once, on a connection of its own that reads into one
// reused buffer. node:http copies every body chunk out of a fresh socket buffer: per GiB that is ~1 s of
// CPU and a GiB of garbage for the GC (bench/sbom/README.md). Chunks are lent, not given: each one is
// valid only until the next is asked for, and the socket stays paused while the caller holds one.
import net from 'node:net'
import tls from 'node:tls'
import { bodyDeadlineMs, formatMs, type Deadlines } from './deadlines.js'
import { HttpError } from './errors.js'
import { redactUrl } from './redact.js'

export interface BulkGetOptions {
  headers: Headers
  /** Time allowed for the response headers, and then for each wait for more of the body. */
  timeoutMs: number
  connectTimeoutMs: number
  deadlines: Deadlines
  signal?: AbortSignal
}

export interface BulkResponse {
  status: number
  headers: Headers
  /** The body as lent chunks; call it once (wrapBulkResponse sees to that). */
  chunks(): AsyncGenerator<Buffer>
  /** Drops the connection (the body is not wanted, or no longer). */
  close(): void
}

const READ_BUFFER_BYTES = 1024 * 1024
const MAX_HEAD_BYTES = 64 * 1024
const MAX_CHUNK_LINE = 1024

type Framing = 'length' | 'chunked' | 'close'
type ChunkState = 'size' | 'data' | 'data-end' | 'trailer'

/** Sends one GET and resolves with the response head; the body is read as the caller iterates. */
export function sendBulkGet(url: URL, opts: BulkGetOptions): Promise<BulkResponse> {
  return new BulkExchange(url, opts).start()
}

class BulkExchange {
  private readonly readBuffer = Buffer.allocUnsafe(READ_BUFFER_BYTES)
  private socket!: net.Socket
  private head: Buffer = Buffer.alloc(0)
  private headDone = false
  private framing: Framing = 'close'
  private remaining = 0
  private expected: number | undefined
  private received = 0
  private chunkState: ChunkState = 'size'
  private chunkLine = ''
  /** Views of readBuffer (or of an owned copy) not yet handed to the caller. */
  private readonly queue: Buffer[] = []
  private finished = false
  private failure: HttpError | undefined
  private wake: (() => void) | undefined
  private resolveHead!: (res: BulkResponse) => void
  private rejectHead!: (err: HttpError) => void
  private timer: NodeJS.Timeout | undefined
  private bodyTimer: NodeJS.Timeout | undefined

  constructor(
    private readonly url: URL,
    private readonly opts: BulkGetOptions
  ) {}

  start(): Promise<BulkResponse> {
    const promise = new Promise<BulkResponse>((resolve, reject) => {
      this.resolveHead = resolve
      this.rejectHead = reject
    })
    const { url, opts } = this
    if (opts.signal?.aborted) {
      this.fail(this.aborted())
      return promise
    }
    const host = url.hostname.replace(/^\[|\]$/g, '')
    const secure = url.protocol === 'https:'
    const port = Number(url.port) || (secure ? 443 : 80)
    const onread = { buffer: this.readBuffer, callback: (n: number) => this.onRead(n) }
    this.socket = secure
      ? tls.connect({
          host,
          port,
          ...(net.isIP(host) ? {} : { servername: host }),
          ALPNProtocols: ['http/1.1'],
          onread
          // node:tls takes net's onread (documented for tls.connect) but its types do not list it.
        } as tls.ConnectionOptions & { onread: net.OnReadOpts })
      : net.connect({ host, port, onread })
    this.arm(
      opts.connectTimeoutMs,
      () => `could not connect to ${url.host} within ${opts.connectTimeoutMs} ms`
    )
    this.socket.once(secure ? 'secureConnect' : 'connect', () =>
      // Silence before the head is bounded by whichever is shorter, the idle limit or the headers deadline.
      this.arm(Math.min(opts.timeoutMs, opts.deadlines.headersMs), () =>
        opts.deadlines.headersMs <= opts.timeoutMs
          ? `${url.host} sent no response headers within ${formatMs(opts.deadlines.headersMs)} (headers deadline) for GET ${url.pathname}`
          : `${url.origin} sent no response within ${opts.timeoutMs} ms`
      )
    )
    this.socket.on('error', err => this.fail(this.networkError(err)))
    this.socket.on('end', () => this.onEnd())
    this.socket.on('close', () => this.onEnd())
    opts.signal?.addEventListener('abort', this.onAbort, { once: true })
    this.socket.write(this.requestHead())
    return promise
  }

  private requestHead(): string {
    const lines = [`GET ${this.url.pathname}${this.url.search} HTTP/1.1`, `Host: ${this.url.host}`]
    this.opts.headers.forEach((value, name) => {
      if (name !== 'host' && name !== 'connection') lines.push(`${name}: ${value}`)
    })
    // One exchange per connection: nothing to keep in sync with a pool, and blobs are long reads anyway.
    lines.push('Connection: close', '', '')
    return lines.join('\r\n')
  }

  private readonly onAbort = (): void => this.fail(this.aborted())

  /** Returns false (pause the socket) while the caller may still hold views of the read buffer. */
  private onRead(n: number): boolean {
    if (this.finished || this.failure) return false
    this.disarm()
    let data: Buffer = this.readBuffer.subarray(0, n)
    try {
      if (!this.headDone) {
        // The head is small and copied, so body bytes that came with it are owned too.
        this.head = this.head.length ? Buffer.concat([this.head, data]) : Buffer.from(data)
        const rest = this.parseHead()
        if (!rest) return true
        data = rest
      }
      this.feed(data)
    } catch (err) {
      this.fail(err as HttpError)
      return false
    }
    this.deliver()
    return this.queue.length === 0 && !this.finished
  }

  /** Parses a complete head, if there is one; returns the body bytes that followed it. */
  private parseHead(): Buffer | undefined {
    for (;;) {
      const end = this.head.indexOf('\r\n\r\n')
      if (end < 0) {
        if (this.head.length > MAX_HEAD_BYTES)
          throw this.protocolError(`a response head over ${MAX_HEAD_BYTES} bytes`)
        return undefined
      }
      const lines = this.head.subarray(0, end).toString('latin1').split('\r\n')
      const rest = this.head.subarray(end + 4)
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '')
      if (!status)
        throw this.protocolError(`a status line that is not HTTP/1.x: "${(lines[0] ?? '').slice(0, 60)}"`)
      const code = Number(status[1])
      if (code >= 100 && code < 200) {
        this.head = rest // an interim answer; the real one follows
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
      this.headDone = true
      this.head = Buffer.alloc(0)
      this.decideFraming(code, headers)
      this.startBodyDeadline()
      this.resolveHead({
        status: code,
        headers,
        chunks: () => this.chunks(),
        close: () => this.close()
      })
      return rest
    }
  }

  private decideFraming(status: number, headers: Headers): void {
    const encoding = headers.get('transfer-encoding')
    const length = headers.get('content-length')
    if (encoding && /(^|,)\s*chunked\s*$/i.test(encoding)) {
      this.framing = 'chunked'
    } else if (status === 204 || status === 304) {
      this.framing = 'length'
      this.remaining = 0
      this.finished = true
    } else if (length !== null) {
      if (!/^\d+$/.test(length.trim())) throw this.protocolError(`Content-Length "${length}"`)
      this.framing = 'length'
      this.remaining = Number(length)
      this.expected = this.remaining
      if (this.remaining === 0) this.finished = true
    } else {
      this.framing = 'close'
    }
  }

  private feed(data: Buffer): void {
    if (this.finished || data.length === 0) return
    if (this.framing === 'close') return this.push(data)
    if (this.framing === 'length') {
      // Bytes after the declared length are not the body (the connection closes anyway).
      const take = Math.min(this.remaining, data.length)
      if (take > 0) this.push(data.subarray(0, take))
      this.remaining -= take
      if (this.remaining === 0) this.finished = true
      return
    }
    let pos = 0
    while (pos < data.length && !this.finished) {
      if (this.chunkState === 'data') {
        const take = Math.min(this.remaining, data.length - pos)
        this.push(data.subarray(pos, pos + take))
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
        throw this.protocolError('a chunked-encoding line over 1 KiB')
      if (nl < 0) continue
      const line = this.chunkLine.replace(/\r$/, '')
      this.chunkLine = ''
      if (this.chunkState === 'data-end') {
        if (line !== '') throw this.protocolError('chunk data longer than its size line said')
        this.chunkState = 'size'
      } else if (this.chunkState === 'size') {
        const size = line.split(';')[0]!.trim()
        if (!/^[0-9a-fA-F]{1,12}$/.test(size))
          throw this.protocolError(`a chunk size line "${line.slice(0, 40)}"`)
        this.remaining = parseInt(size, 16)
        this.chunkState = this.remaining === 0 ? 'trailer' : 'data'
      } else if (line === '') {
        this.finished = true // the empty line after the trailers ends the body
      }
    }
  }

  private push(view: Buffer): void {
    this.received += view.length
    this.queue.push(view)
  }

  private deliver(): void {
    if (this.finished || this.failure) clearTimeout(this.bodyTimer)
    if (this.finished) {
      this.opts.signal?.removeEventListener('abort', this.onAbort)
      this.disarm()
      // The body is complete: the connection has nothing more to give (Connection: close).
      if (!this.socket.destroyed) this.socket.destroy()
    }
    const wake = this.wake
    this.wake = undefined
    wake?.()
  }

  private async *chunks(): AsyncGenerator<Buffer> {
    try {
      for (;;) {
        const next = this.queue.shift()
        if (next) {
          yield next
          continue
        }
        if (this.failure) throw this.failure
        if (this.finished) return
        // The caller is done with every view: the buffer may be filled again.
        await new Promise<void>(resolve => {
          this.wake = resolve
          this.arm(
            this.opts.timeoutMs,
            () => `${this.url.origin} stalled for ${this.opts.timeoutMs} ms in the body of ${this.describe()}`
          )
          this.socket.resume()
        })
      }
    } finally {
      this.close()
    }
  }

  private onEnd(): void {
    if (this.finished || this.failure) return
    if (!this.headDone)
      return this.fail(this.networkError(new Error('the connection closed before a response')))
    if (this.framing === 'close') {
      this.finished = true
      return this.deliver()
    }
    this.fail(this.networkError(new Error('the connection closed')))
  }

  private fail(err: HttpError): void {
    if (this.failure || this.finished) return
    this.failure = err
    this.disarm()
    this.opts.signal?.removeEventListener('abort', this.onAbort)
    if (this.socket && !this.socket.destroyed) this.socket.destroy()
    if (!this.headDone) this.rejectHead(err)
    this.queue.length = 0
    this.deliver()
  }

  private close(): void {
    this.disarm()
    clearTimeout(this.bodyTimer)
    this.opts.signal?.removeEventListener('abort', this.onAbort)
    if (!this.finished && !this.failure)
      this.failure = new HttpError('HTTP_BODY', `the body of ${this.describe()} was closed`, {
        url: this.url
      })
    if (!this.socket.destroyed) this.socket.destroy()
  }

  private arm(ms: number, message: () => string): void {
    this.disarm()
    this.timer = setTimeout(() => this.fail(new HttpError('HTTP_TIMEOUT', message(), { url: this.url })), ms)
  }

  /** The whole body must arrive within its deadline, however steadily it trickles. */
  private startBodyDeadline(): void {
    if (this.finished) return
    const limit = bodyDeadlineMs(this.opts.deadlines, this.expected)
    const of = this.expected !== undefined ? ` for ${this.expected} bytes` : ''
    this.bodyTimer = setTimeout(
      () =>
        this.fail(
          new HttpError(
            'HTTP_TIMEOUT',
            `${this.url.host} did not send the whole body of GET ${this.url.pathname} within ${formatMs(limit)} (body deadline${of})`,
            { url: this.url }
          )
        ),
      limit
    )
  }

  private disarm(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
  }

  private describe(): string {
    return redactUrl(this.url)
  }

  private aborted(): HttpError {
    return new HttpError('HTTP_NETWORK', `request to ${this.url.origin} aborted`, {
      url: this.url,
      cause: this.opts.signal?.reason
    })
  }

  private protocolError(what: string): HttpError {
    return this.networkError(new Error(`${this.url.host} sent ${what}`))
  }

  private networkError(err: Error): HttpError {
    if (!this.headDone)
      return new HttpError(
        'HTTP_NETWORK',
        `GET ${this.url.origin}${this.url.pathname} failed: ${err.message}`,
        {
          url: this.url,
          cause: err
        }
      )
    const of = this.expected !== undefined ? ` of ${this.expected}` : ''
    return new HttpError(
      'HTTP_NETWORK',
      `the connection to ${this.url.host} broke after ${this.received}${of} bytes of the body of ${this.describe()}: ${err.message}`,
      { url: this.url, cause: err }
    )
  }
}
