// The bulk GET path (src/http/bulk-get.ts) against real sockets: framing, lent chunks, failures, TLS,
// redirects and the fallback to node:http behind a proxy.
import { afterEach, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import net from 'node:net'
import type { AddressInfo } from 'node:net'
import { createHttpClient, HttpError, type HttpResponse } from '../../../src/http/index.js'
import { startServer, type LocalServer } from './local-server.js'
import { selfSignedCertificate, startTlsServer, trustForTest } from './tls-server.js'

const closers: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close()
})

async function served(handler: Parameters<typeof startServer>[0]): Promise<LocalServer> {
  const server = await startServer(handler)
  closers.push(() => server.close())
  return server
}

/** A raw TCP server that answers each connection with `respond`, for framings node:http would not send. */
async function rawServer(respond: (socket: net.Socket) => void): Promise<string> {
  const sockets = new Set<net.Socket>()
  const server = net.createServer(socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => undefined)
    socket.once('data', () => respond(socket))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  closers.push(
    () =>
      new Promise<void>(resolve => {
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  )
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** Reads every lent chunk, copying each before asking for the next, as the contract requires. */
async function readLent(res: HttpResponse): Promise<{ bytes: Buffer; chunks: Buffer[] }> {
  const chunks: Buffer[] = []
  const copies: Buffer[] = []
  for await (const chunk of res.chunks()) {
    chunks.push(chunk)
    copies.push(Buffer.from(chunk))
  }
  return { bytes: Buffer.concat(copies), chunks }
}

describe('bulk GET', () => {
  it('reads a Content-Length body into one reused buffer and sends the request head it should', async () => {
    const blob = randomBytes(5 * 1024 * 1024 + 17)
    const server = await served((_req, res) =>
      res.writeHead(200, { 'content-length': blob.length }).end(blob)
    )
    const res = await createHttpClient({ userAgent: 'bulk-test/1' }).request(
      `${server.url}/v2/r/blobs/x?y=1`,
      {
        bulk: true,
        headers: { accept: '*/*' }
      }
    )
    expect(res.status).toBe(200)
    const { bytes, chunks } = await readLent(res)
    expect(bytes.equals(blob)).toBe(true)
    // Lent, not given: every chunk after the first read is a view of the same ArrayBuffer.
    expect(chunks.length).toBeGreaterThan(2)
    expect(new Set(chunks.slice(1).map(c => c.buffer)).size).toBe(1)
    const seen = server.requests[0]!
    expect(seen.url).toBe('/v2/r/blobs/x?y=1')
    expect(seen.headers.connection).toBe('close')
    expect(seen.headers['user-agent']).toBe('bulk-test/1')
    expect(seen.headers.accept).toBe('*/*')
  })

  it('decodes chunked transfer encoding split at every awkward place', async () => {
    const parts = [randomBytes(1), randomBytes(70_000), randomBytes(3), randomBytes(300_000)]
    const url = await rawServer(socket => {
      const wire = Buffer.concat([
        Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n'),
        ...parts.flatMap(p => [Buffer.from(`${p.length.toString(16)};ext=1\r\n`), p, Buffer.from('\r\n')]),
        Buffer.from('0\r\nX-Trailer: t\r\n\r\n')
      ])
      // Dribbled in pieces of 7 bytes at first, so size lines and CRLFs straddle reads.
      let pos = 0
      const step = (): void => {
        if (pos >= wire.length) return void socket.end()
        const n = pos < 200 ? 7 : 65_536
        socket.write(wire.subarray(pos, pos + n))
        pos += n
        setImmediate(step)
      }
      step()
    })
    const res = await createHttpClient().request(`${url}/blob`, { bulk: true })
    expect((await readLent(res)).bytes.equals(Buffer.concat(parts))).toBe(true)
  })

  it('reads a body delimited by the connection closing', async () => {
    const url = await rawServer(socket =>
      socket.end('HTTP/1.0 200 OK\r\nContent-Type: x\r\n\r\nuntil the end')
    )
    const res = await createHttpClient().request(`${url}/blob`, { bulk: true })
    expect(res.headers.get('content-type')).toBe('x')
    expect(await res.text()).toBe('until the end')
  })

  it('names how far a body got when the connection breaks, as node:http reads do', async () => {
    const url = await rawServer(socket => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n')
      socket.end(Buffer.alloc(400))
    })
    const res = await createHttpClient().request(`${url}/v2/r/blobs/sha256:abc`, { bulk: true })
    const err = await readLent(res).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(HttpError)
    expect((err as HttpError).code).toBe('HTTP_NETWORK')
    expect((err as HttpError).message).toMatch(
      /broke after 400 of 1000 bytes of the body of http:\/\/127\.0\.0\.1:\d+\/v2\/r\/blobs\/sha256:abc/
    )
  })

  it('times out a body that stalls, and a response that never comes', async () => {
    const stalls = await rawServer(socket => socket.write('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc'))
    const client = createHttpClient({ timeoutMs: 300, retries: 0 })
    const res = await client.request(`${stalls}/blob`, { bulk: true })
    await expect(readLent(res)).rejects.toMatchObject({
      code: 'HTTP_TIMEOUT',
      message: expect.stringMatching(/stalled for 300 ms/)
    })
    const silent = await rawServer(() => undefined)
    await expect(client.request(`${silent}/blob`, { bulk: true })).rejects.toMatchObject({
      code: 'HTTP_TIMEOUT',
      message: expect.stringMatching(/sent no response within 300 ms/)
    })
  })

  it('refuses a malformed response with a message naming the host', async () => {
    const url = await rawServer(socket => socket.end('SSH-2.0-OpenSSH\r\n\r\n'))
    await expect(
      createHttpClient({ retries: 0 }).request(`${url}/blob`, { bulk: true })
    ).rejects.toMatchObject({
      code: 'HTTP_NETWORK',
      message: expect.stringMatching(/127\.0\.0\.1:\d+ sent a status line that is not HTTP\/1\.x/)
    })
  })

  it('stops at once when aborted midway, without waiting for the server', async () => {
    const url = await rawServer(socket =>
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100000000\r\n\r\nfirst')
    )
    const abort = new AbortController()
    const res = await createHttpClient().request(`${url}/blob`, { bulk: true, signal: abort.signal })
    const it = res.chunks()[Symbol.asyncIterator]()
    expect((await it.next()).value?.toString()).toBe('first')
    const pending = it.next()
    const started = Date.now()
    abort.abort()
    await expect(pending).rejects.toMatchObject({
      code: 'HTTP_NETWORK',
      message: expect.stringMatching(/aborted/)
    })
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('keeps the answers of errors readable, follows redirects and drops credentials off-origin', async () => {
    const storage = await served((_req, res) => res.writeHead(200, { 'content-length': 4 }).end('blob'))
    const registry = await served((req, res) => {
      if (req.url === '/missing')
        res.writeHead(404, { 'content-type': 'application/json' }).end('{"errors":[]}')
      else res.writeHead(307, { location: `${storage.url}/bucket/blob` }).end()
    })
    const client = createHttpClient()
    const missing = await client.request(`${registry.url}/missing`, { bulk: true })
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({ errors: [] })
    const moved = await client.request(`${registry.url}/blob`, {
      bulk: true,
      headers: { authorization: 'Bearer secret-token' }
    })
    expect((await readLent(moved)).bytes.toString()).toBe('blob')
    expect(moved.url).toContain(storage.url)
    expect(registry.requests.at(-1)!.headers.authorization).toBe('Bearer secret-token')
    expect(storage.requests[0]!.headers.authorization).toBeUndefined()
  })

  it('speaks TLS, checking the certificate against the trust store', async () => {
    const cert = selfSignedCertificate('localhost')
    const blob = randomBytes(3 * 1024 * 1024)
    const server = await startTlsServer(cert, (_req, res) =>
      res.writeHead(200, { 'content-length': blob.length }).end(blob)
    )
    closers.push(() => server.close())
    const url = `https://localhost:${server.port}/blob`
    await expect(createHttpClient({ retries: 0 }).request(url, { bulk: true })).rejects.toMatchObject({
      code: 'HTTP_NETWORK',
      message: expect.stringMatching(/self-signed certificate/)
    })
    closers.push(trustForTest(cert.cert))
    const res = await createHttpClient().request(url, { bulk: true })
    expect((await readLent(res)).bytes.equals(blob)).toBe(true)
  })

  it('goes through node:http when a proxy applies, where chunks are the stream’s own', async () => {
    const origin = await served((_req, res) => res.writeHead(200, { 'content-length': 5 }).end('proxy'))
    const proxied: string[] = []
    const proxy = await served((req, res) => {
      proxied.push(req.url ?? '')
      res.writeHead(200, { 'content-length': 5 }).end('proxy')
    })
    const client = createHttpClient({ env: { HTTP_PROXY: proxy.url } })
    const res = await client.request(`${origin.url.replace('127.0.0.1', 'registry.test')}/blob`, {
      bulk: true
    })
    expect((await readLent(res)).bytes.toString()).toBe('proxy')
    expect(proxied).toEqual([`${origin.url.replace('127.0.0.1', 'registry.test')}/blob`])
  })
})
