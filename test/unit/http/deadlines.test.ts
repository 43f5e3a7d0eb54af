// Deadlines over real sockets: a trickling body and a silent server cost a bounded time, and the error
// names the host and the limit; the run-wide signal stops every request; retries show in the debug sink.
import { afterEach, describe, expect, it } from '@jest/globals'
import type { ServerResponse } from 'node:http'
import {
  bodyDeadlineMs,
  createHttpClient,
  DEFAULT_DEADLINES,
  deadlinesFromEnv,
  HttpError,
  setDebugSink
} from '../../../src/http/index.js'
import { startServer, type LocalServer } from './local-server.js'

let server: LocalServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
  setDebugSink(undefined)
})

const fast = { minDelayMs: 5, maxDelayMs: 20, retries: 4 }

/** Sends a 64-byte body one byte every `everyMs`: never idle long enough for the idle limit to fire. */
function trickle(everyMs: number) {
  return (_req: unknown, res: ServerResponse) => {
    res.writeHead(200, { 'content-length': '64' })
    let sent = 0
    const timer = setInterval(() => {
      if (res.destroyed || sent >= 64) return clearInterval(timer)
      res.write('x')
      sent++
    }, everyMs)
    res.on('close', () => clearInterval(timer))
  }
}

async function failure(p: Promise<unknown>): Promise<HttpError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e
  )
  expect(err).toBeInstanceOf(HttpError)
  return err as HttpError
}

describe('per-request deadlines', () => {
  it('ends a body that trickles within the body deadline, tried twice at most, naming host and limit', async () => {
    server = await startServer(trickle(50))
    const client = createHttpClient({ ...fast, bodyTimeoutMs: 400, timeoutMs: 5000 })
    const started = Date.now()
    const err = await failure(client.request(`${server.url}/slow`, { buffered: true }))
    expect(err.code).toBe('HTTP_TIMEOUT')
    expect(err.message).toContain(`127.0.0.1:${new URL(server.url).port}`)
    expect(err.message).toMatch(/within \d+ ms \(body deadline for 64 bytes\)/)
    expect(server.requests).toHaveLength(2)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('ends a body read through the bulk path at the same deadline', async () => {
    server = await startServer(trickle(50))
    const client = createHttpClient({ ...fast, bodyTimeoutMs: 300, timeoutMs: 5000 })
    const res = await client.request(`${server.url}/blob`, { bulk: true })
    const started = Date.now()
    const err = await failure(
      (async () => {
        for await (const _ of res.chunks()) void _
      })()
    )
    expect(err.code).toBe('HTTP_TIMEOUT')
    expect(err.message).toMatch(/did not send the whole body of GET \/blob within \d+ ms \(body deadline/)
    expect(Date.now() - started).toBeLessThan(1500)
  })

  it('gives a server that never sends headers two headers deadlines, not five idle limits', async () => {
    server = await startServer(() => undefined)
    const client = createHttpClient({ ...fast, headersTimeoutMs: 300, timeoutMs: 60_000 })
    const started = Date.now()
    const err = await failure(client.request(`${server.url}/silent`, { method: 'POST', body: '{}' }))
    expect(err.code).toBe('HTTP_TIMEOUT')
    expect(err.message).toContain(
      'sent no response headers within 300 ms (headers deadline) for POST /silent'
    )
    expect(server.requests).toHaveLength(2)
    expect(Date.now() - started).toBeLessThan(1500)
  })

  it('scales the body deadline with the size, and reads overrides from the environment', () => {
    expect(bodyDeadlineMs(DEFAULT_DEADLINES, undefined)).toBe(60_000)
    expect(bodyDeadlineMs(DEFAULT_DEADLINES, 256 * 1024 * 100)).toBe(160_000)
    expect(
      deadlinesFromEnv({ OCI_ATTEST_HEADERS_TIMEOUT_MS: '1500', OCI_ATTEST_BODY_TIMEOUT_MS: 'soon' })
    ).toEqual({ headersMs: 1500 })
  })

  it('stops requests and retry waits when the client-wide signal fires', async () => {
    server = await startServer((_req, res) => res.writeHead(503, { 'retry-after': '30' }).end())
    const controller = new AbortController()
    const client = createHttpClient({ ...fast, signal: controller.signal })
    setTimeout(() => controller.abort(new Error('run timeout')), 200)
    const started = Date.now()
    await expect(client.request(`${server.url}/busy`)).rejects.toThrow()
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('reports each retry, its cause and its wait to the debug sink', async () => {
    server = await startServer((_req, res, _seen, n) =>
      n === 1 ? res.writeHead(429, { 'retry-after': '0' }).end() : res.writeHead(200).end('ok')
    )
    const lines: string[] = []
    setDebugSink(line => lines.push(line))
    const res = await createHttpClient(fast).request(`${server.url}/limited`)
    expect(res.status).toBe(200)
    expect(lines.join('\n')).toMatch(
      /GET http:\/\/127\.0\.0\.1:\d+\/limited -> 429 \(rate limited\), retry 1\/4 in 0 ms \(Retry-After: 0\)/
    )
  })
})

describe('rate limits', () => {
  it('gives 429 more patience than a 5xx by default: eight retries, then the 429 is returned', async () => {
    server = await startServer((_req, res) => res.writeHead(429, { 'retry-after': '0' }).end())
    const res = await createHttpClient({ minDelayMs: 1, maxDelayMs: 2 }).request(`${server.url}/limited`)
    expect(res.status).toBe(429)
    expect(server.requests).toHaveLength(9)
  })
})
