// A connection that breaks in the middle of a streamed body reaches the caller as an HttpError naming the URL.
import { afterEach, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { createHttpClient, HttpError } from '../../../src/http/index.js'
import { RegistryClient, parseReference } from '../../../src/oci/index.js'
import { startServer, type LocalServer } from './local-server.js'

let server: LocalServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const chunk = Buffer.alloc(64 * 1024, 7)
const fast = { retries: 2, minDelayMs: 5, maxDelayMs: 10 }

/** Sends headers promising `total` bytes, then `sent` bytes, then destroys the socket. */
function breakingServer(total: number, sent: number, headers: Record<string, string> = {}) {
  return startServer((_req, res) => {
    res.writeHead(200, { 'content-length': String(total), ...headers })
    let left = sent
    const pump = () => {
      while (left > 0) {
        const n = Math.min(left, chunk.length)
        left -= n
        if (!res.write(chunk.subarray(0, n))) return void res.once('drain', pump)
      }
      setTimeout(() => res.socket?.destroy(), 20)
    }
    pump()
  })
}

async function drain(stream: NodeJS.ReadableStream): Promise<number> {
  let n = 0
  for await (const c of stream) n += (c as Buffer).length
  return n
}

describe('network errors in the middle of a body', () => {
  it('fails the body stream with HTTP_NETWORK naming the redacted URL and how far it got', async () => {
    server = await breakingServer(1_000_000, 300_000)
    const url = `${server.url}/v2/app/blobs/sha256:ab?X-Amz-Signature=very-secret&n=1`
    const res = await createHttpClient({ retries: 0 }).request(url)
    expect(res.status).toBe(200)
    const err = (await drain(res.body()).catch((e: unknown) => e)) as HttpError
    expect(err).toBeInstanceOf(HttpError)
    expect(err.code).toBe('HTTP_NETWORK')
    expect(err.url).toContain('X-Amz-Signature=***')
    expect(err.message).toContain(`${server.url}/v2/app/blobs/sha256:ab?X-Amz-Signature=***&n=1`)
    expect(err.message).toContain('after 300000 of 1000000 bytes')
    expect(err.message).not.toContain('very-secret')
    expect(err.cause).toMatchObject({ code: 'ECONNRESET' })
  })

  it('does the same for buffer(), json() and text()', async () => {
    server = await breakingServer(500_000, 100_000)
    const client = createHttpClient({ retries: 0 })
    for (const read of ['buffer', 'json', 'text'] as const) {
      const res = await client.request(`${server.url}/${read}`)
      const err = (await res[read]().catch((e: unknown) => e)) as HttpError
      expect({ read, code: err.code, name: err.name }).toEqual({
        read,
        code: 'HTTP_NETWORK',
        name: 'HttpError'
      })
      expect(err.message).toContain(`${server.url}/${read}`)
    }
  })

  it('reaches a blob download through the registry client as HTTP_NETWORK, not DIGEST_MISMATCH', async () => {
    const blob = Buffer.alloc(400_000, 7)
    const digest = `sha256:${createHash('sha256').update(blob).digest('hex')}`
    server = await breakingServer(blob.length, 200_000, { 'docker-content-digest': digest })
    const repo = parseReference(`${new URL(server.url).host}/team/app`)
    const registry = new RegistryClient({ http: createHttpClient({ retries: 0 }) })
    const stream = await registry.fetchBlob(repo, digest)
    const err = (await drain(stream).catch((e: unknown) => e)) as HttpError
    expect(err).toBeInstanceOf(HttpError)
    expect(err.code).toBe('HTTP_NETWORK')
    expect(err.message).toContain(`/v2/team/app/blobs/${digest}`)
  })

  it('leaves a complete body alone and releases the socket when the reader stops early', async () => {
    server = await startServer((_req, res) => res.writeHead(200).end(Buffer.alloc(200_000, 1)))
    const client = createHttpClient({ retries: 0 })
    expect(await drain((await client.request(server.url)).body())).toBe(200_000)
    const early = (await client.request(server.url)).body()
    for await (const _ of early) break
    expect(early.destroyed).toBe(true)
  })

  it('replays a POST whose answer broke off mid-body, and returns the complete second answer', async () => {
    const answer = JSON.stringify({ entry: 'x'.repeat(200_000) })
    server = await startServer((_req, res, _seen, n) => {
      res.writeHead(n === 1 ? 201 : 409, { 'content-length': String(answer.length) })
      if (n > 1) return void res.end(answer)
      res.write(answer.slice(0, 50_000))
      setTimeout(() => res.socket?.destroy(), 20)
    })
    const res = await createHttpClient(fast).request(`${server.url}/api/v1/log/entries`, {
      method: 'POST',
      body: '{}'
    })
    expect(res.status).toBe(409)
    expect((await res.json<{ entry: string }>()).entry).toHaveLength(200_000)
    expect(server.requests).toHaveLength(2)
    expect(() => res.body()).toThrow(/already read/)
  })

  it('streams GET answers unless asked to buffer them, then retries a broken one', async () => {
    server = await startServer((_req, res, _seen, n) => {
      res.writeHead(200, { 'content-length': '100000' })
      if (n > 2) return void res.end(Buffer.alloc(100_000, 1))
      res.write(Buffer.alloc(10_000, 1))
      setTimeout(() => res.socket?.destroy(), 20)
    })
    const client = createHttpClient(fast)
    const streamed = await client.request(`${server.url}/manifest`)
    expect(await streamed.buffer().catch((e: HttpError) => e.code)).toBe('HTTP_NETWORK')
    const buffered = await client.request(`${server.url}/manifest`, { buffered: true })
    expect((await buffered.buffer()).length).toBe(100_000)
    expect(server.requests).toHaveLength(3)
  })

  it('gives up with HTTP_NETWORK naming the URL when every answer breaks off', async () => {
    server = await breakingServer(100_000, 10_000)
    const err = (await createHttpClient(fast)
      .request(`${server.url}/always`, { method: 'PUT', body: 'x' })
      .catch((e: unknown) => e)) as HttpError
    expect(err.code).toBe('HTTP_NETWORK')
    expect(err.message).toContain(`${server.url}/always`)
    expect(server.requests).toHaveLength(3)
  })
})
