import type { IncomingMessage } from 'node:http'
import { PassThrough, Readable } from 'node:stream'
import type { BulkResponse } from './bulk-get.js'
import { HttpError } from './errors.js'
import { redactUrl } from './redact.js'
import type { HttpResponse } from './types.js'

export function toHeaders(res: IncomingMessage): Headers {
  const headers = new Headers()
  for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
    try {
      headers.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!)
    } catch {
      // a header the WHATWG Headers class refuses is one we never read
    }
  }
  return headers
}

function parseJson<T>(bytes: Buffer, url: URL): T {
  const text = bytes.toString('utf8')
  try {
    return JSON.parse(text) as T
  } catch (err) {
    throw new HttpError(
      'HTTP_BODY',
      `${url.origin}${url.pathname} answered invalid JSON: ${text.slice(0, 120)}`,
      {
        url,
        cause: err
      }
    )
  }
}

/** A response whose body was read in full already (inside the retry loop); every accessor serves those bytes. */
export function bufferedResponse(res: HttpResponse, bytes: Buffer): HttpResponse {
  const url = new URL(res.url)
  let taken = false
  const take = (): Buffer => {
    if (taken)
      throw new HttpError('HTTP_BODY', `the body of ${url.origin}${url.pathname} was already read`, { url })
    taken = true
    return bytes
  }
  return {
    status: res.status,
    headers: res.headers,
    url: res.url,
    body: () => Readable.from([take()]),
    chunks: () => Readable.from([take()]),
    buffer: async (maxBytes = Infinity) => {
      if (bytes.length > maxBytes)
        throw new HttpError(
          'HTTP_BODY',
          `response body of ${url.origin}${url.pathname} exceeds ${maxBytes} bytes`,
          {
            url
          }
        )
      return take()
    },
    text: async () => take().toString('utf8'),
    json: async <T>() => parseJson<T>(take(), url),
    discard: () => {
      taken = true
    }
  }
}

/** The body as a stream whose failures are HttpErrors naming the URL, never Node's bare socket errors. */
function guardedBody(res: IncomingMessage, url: URL): Readable {
  const out = new PassThrough()
  let received = 0
  const expected = res.headers['content-length']
  res.on('data', (chunk: Buffer) => (received += chunk.length))
  res.on('error', err => {
    if (err instanceof HttpError) return void out.destroy(err) // our own timeouts already say what happened
    const of = expected ? ` of ${expected}` : ''
    out.destroy(
      new HttpError(
        'HTTP_NETWORK',
        `the connection to ${url.host} broke after ${received}${of} bytes of the body of ${redactUrl(url)}: ` +
          err.message,
        { url, cause: err }
      )
    )
  })
  // A consumer that stops reading early releases the socket.
  out.on('close', () => {
    if (!res.readableEnded) res.destroy()
  })
  res.pipe(out)
  return out
}

/** Wraps a live IncomingMessage; the body is read at most once, by whichever accessor comes first. */
export function wrapResponse(res: IncomingMessage, url: URL): HttpResponse {
  return {
    status: res.statusCode ?? 0,
    headers: toHeaders(res),
    url: url.toString(),
    ...takenOnce(url, {
      stream: () => guardedBody(res, url),
      chunks: () => guardedBody(res, url),
      drop: () => {
        res.resume()
        res.on('error', () => undefined)
      }
    })
  }
}

/** Where a live response's body comes from, in the forms its accessors hand out. */
interface BodySource {
  /** A stream of chunks the reader may keep. */
  stream(): Readable
  /** Chunks that may be lent (valid until the next is asked for). */
  chunks(): AsyncIterable<Buffer>
  /** Throws the body away. */
  drop(): void
}

/** The body accessors of a live response: the body is taken once, by whichever comes first. */
function takenOnce(
  url: URL,
  source: BodySource
): Pick<HttpResponse, 'body' | 'chunks' | 'buffer' | 'text' | 'json' | 'discard'> {
  let taken = false
  const take = <T>(open: () => T): T => {
    if (taken)
      throw new HttpError('HTTP_BODY', `the body of ${url.origin}${url.pathname} was already read`, { url })
    taken = true
    return open()
  }
  const buffer = (maxBytes?: number): Promise<Buffer> => readAll(take(source.stream), url, maxBytes)
  return {
    body: () => take(source.stream),
    chunks: () => take(source.chunks),
    buffer,
    text: async () => (await buffer()).toString('utf8'),
    json: async <T>() => parseJson<T>(await buffer(), url),
    discard: () => {
      if (taken) return
      taken = true
      source.drop()
    }
  }
}

/** Reads a whole body (chunks it may keep) up to a cap; failures become HttpErrors naming the URL. */
async function readAll(
  chunks: AsyncIterable<Buffer>,
  url: URL,
  maxBytes = 64 * 1024 * 1024
): Promise<Buffer> {
  const kept: Buffer[] = []
  let total = 0
  const it = chunks[Symbol.asyncIterator]()
  try {
    for (let next = await it.next(); !next.done; next = await it.next()) {
      total += next.value.length
      if (total > maxBytes) {
        await it.return?.()
        throw new HttpError(
          'HTTP_BODY',
          `response body of ${url.origin}${url.pathname} exceeds ${maxBytes} bytes`,
          {
            url
          }
        )
      }
      kept.push(next.value)
    }
  } catch (err) {
    if (err instanceof HttpError) throw err
    throw new HttpError('HTTP_NETWORK', `reading the body of ${url.origin}${url.pathname} failed`, {
      url,
      cause: err
    })
  }
  return Buffer.concat(kept)
}

/** A response read through bulk-get.ts: chunks() lends views of its read buffer, body() copies them. */
export function wrapBulkResponse(res: BulkResponse, url: URL): HttpResponse {
  return {
    status: res.status,
    headers: res.headers,
    url: url.toString(),
    ...takenOnce(url, {
      stream: () => Readable.from(copies(res.chunks())),
      chunks: () => res.chunks(),
      drop: () => res.close()
    })
  }
}

/** Lent chunks made the caller's own. */
async function* copies(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) yield Buffer.from(chunk)
}
