import { afterEach, describe, expect, it } from '@jest/globals'
import { Readable } from 'node:stream'
import { createHttpClient, HttpError } from '../../../src/http/index.js'
import { startServer, type LocalServer } from './local-server.js'

let server: LocalServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const fast = { minDelayMs: 5, maxDelayMs: 20, retries: 3 }

describe('retries against a real socket', () => {
  it('retries a 503 and returns the 200 that follows', async () => {
    server = await startServer((_req, res, _seen, n) => {
      res.writeHead(n === 1 ? 503 : 200).end(n === 1 ? 'busy' : 'ok')
    })
    const res = await createHttpClient(fast).request(`${server.url}/x`)
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('ok')
    expect(server.requests).toHaveLength(2)
  })

  it('retries after the server resets the connection', async () => {
    server = await startServer((req, res, _seen, n) => {
      if (n === 1) req.socket.resetAndDestroy()
      else res.writeHead(200).end('after reset')
    })
    const res = await createHttpClient(fast).request(`${server.url}/reset`)
    expect(await res.text()).toBe('after reset')
    expect(server.requests).toHaveLength(2)
  })

  it('fails with HTTP_NETWORK once every attempt was reset', async () => {
    server = await startServer(req => req.socket.resetAndDestroy())
    const err = await createHttpClient(fast)
      .request(`${server.url}/always`)
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(HttpError)
    expect((err as HttpError).code).toBe('HTTP_NETWORK')
    expect(server.requests).toHaveLength(4)
  })

  it('waits the Retry-After seconds of a 429 before trying again', async () => {
    const times: number[] = []
    server = await startServer((_req, res, _seen, n) => {
      times.push(Date.now())
      if (n === 1) res.writeHead(429, { 'retry-after': '1' }).end()
      else res.writeHead(200).end()
    })
    const res = await createHttpClient(fast).request(server.url)
    expect(res.status).toBe(200)
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(950)
  })

  it('honours a Retry-After given as an HTTP date', async () => {
    const times: number[] = []
    server = await startServer((_req, res, _seen, n) => {
      times.push(Date.now())
      // Dates have one-second resolution, so ask for two seconds to be sure of waiting at least one.
      if (n === 1) res.writeHead(503, { 'retry-after': new Date(Date.now() + 2000).toUTCString() }).end()
      else res.writeHead(204).end()
    })
    const res = await createHttpClient(fast).request(server.url)
    expect(res.status).toBe(204)
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(950)
  })

  it('gives up on a server that never answers with HTTP_TIMEOUT after the retries', async () => {
    server = await startServer(() => undefined)
    const started = Date.now()
    const err = await createHttpClient({ ...fast, retries: 1, timeoutMs: 300 })
      .request(server.url)
      .catch((e: unknown) => e)
    expect((err as HttpError).code).toBe('HTTP_TIMEOUT')
    expect(server.requests).toHaveLength(2)
    expect(Date.now() - started).toBeGreaterThanOrEqual(550)
  })

  it('times out a body that stalls after the headers', async () => {
    server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-length': '100' })
      res.write('partial')
    })
    const res = await createHttpClient({ ...fast, timeoutMs: 300 }).request(server.url)
    const err = await res.buffer().catch((e: unknown) => e)
    expect((err as HttpError).code).toBe('HTTP_TIMEOUT')
    expect((err as HttpError).message).toContain('stalled')
  })

  it('returns the last 5xx when retries run out', async () => {
    server = await startServer((_req, res) => res.writeHead(502).end())
    const res = await createHttpClient(fast).request(server.url)
    expect(res.status).toBe(502)
    expect(server.requests).toHaveLength(4)
  })

  it('does not retry a 4xx other than 408 and 429', async () => {
    server = await startServer((_req, res) => res.writeHead(404).end())
    expect((await createHttpClient(fast).request(server.url)).status).toBe(404)
    expect(server.requests).toHaveLength(1)
  })

  it('does not retry a one-shot stream body, nor a request with retry: false', async () => {
    server = await startServer((_req, res) => res.writeHead(503).end())
    const client = createHttpClient(fast)
    const streamed = await client.request(server.url, {
      method: 'PUT',
      body: Readable.from([Buffer.from('abc')])
    })
    expect(streamed.status).toBe(503)
    const forbidden = await client.request(server.url, { method: 'POST', body: 'x', retry: false })
    expect(forbidden.status).toBe(503)
    expect(server.requests.map(r => r.body.toString())).toEqual(['abc', 'x'])
  })

  it('replays a buffer body and a stream factory on retry', async () => {
    server = await startServer((_req, res, _seen, n) => res.writeHead(n % 2 === 1 ? 500 : 201).end())
    const client = createHttpClient(fast)
    await client.request(server.url, { method: 'PUT', body: Buffer.from('buf') })
    await client.request(server.url, {
      method: 'PUT',
      headers: { 'content-length': '3' },
      body: () => Readable.from([Buffer.from('str')])
    })
    expect(server.requests.map(r => r.body.toString())).toEqual(['buf', 'buf', 'str', 'str'])
  })
})
