// A GET whose large body (a layer blob) is read once, on a connection of its own that reads into one
// reused buffer. node:http copies every body chunk out of a fresh socket buffer: per GiB that is ~1 s of
// CPU and a GiB of garbage for the GC (bench/sbom/README.md). Chunks are lent, not given: each one is
// valid only until the next is asked for, and the socket stays paused while the caller holds one.
import net from 'node:net'
import tls from 'node:tls'
import { bodyDeadlineMs, formatMs, type Deadlines } from './deadlines.js'
import { HttpError } from './errors.js'
import { BodyDecoder, FramingProblem, parseResponseHead } from './http1-framing.js'
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

/** Sends one GET and resolves with the response head; the body is read as the caller iterates. */
export function sendBulkGet(url: URL, opts: BulkGetOptions): Promise<BulkResponse> {
  return new BulkExchange(url, opts).start()
}

class BulkExchange {
  private readonly readBuffer = Buffer.allocUnsafe(READ_BUFFER_BYTES)
  private socket!: net.Socket
  private head: Buffer = Buffer.alloc(0)
  private headDone = false
  private body: BodyDecoder | undefined
  private received = 0
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
      this.body!.feed(data, view => this.push(view))
      if (this.body!.finished) this.finished = true
    } catch (err) {
      this.fail(err instanceof FramingProblem ? this.protocolError(err.what) : (err as HttpError))
      return false
    }
    this.deliver()
    return this.queue.length === 0 && !this.finished
  }

  /** Parses a complete head, if there is one; returns the body bytes that followed it. */
  private parseHead(): Buffer | undefined {
    const head = parseResponseHead(this.head)
    if (!head) return undefined
    this.headDone = true
    this.head = Buffer.alloc(0)
    this.body = new BodyDecoder(head.status, head.headers)
    if (this.body.finished) this.finished = true
    this.startBodyDeadline()
    this.resolveHead({
      status: head.status,
      headers: head.headers,
      chunks: () => this.chunks(),
      close: () => this.close()
    })
    return head.rest
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
    if (this.body?.framing === 'close') {
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
    const limit = bodyDeadlineMs(this.opts.deadlines, this.body?.expected)
    const expected = this.body?.expected
    const of = expected !== undefined ? ` for ${expected} bytes` : ''
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
    const of = this.body?.expected !== undefined ? ` of ${this.body.expected}` : ''
    return new HttpError(
      'HTTP_NETWORK',
      `the connection to ${this.url.host} broke after ${this.received}${of} bytes of the body of ${this.describe()}: ${err.message}`,
      { url: this.url, cause: err }
    )
  }
}
