import { afterEach, describe, expect, it } from '@jest/globals'
import { createHttpClient, USER_AGENT } from '../../../src/http/index.js'
import { startServer, type LocalServer } from './local-server.js'

const servers: LocalServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map(s => s.close()))
})

describe('redirects', () => {
  it('drops Authorization when a redirect leaves the origin, keeps it within the origin', async () => {
    const storage = await startServer((_req, res) => res.writeHead(200).end('blob'))
    servers.push(storage)
    const registry = await startServer((req, res) => {
      if (req.url === '/same') res.writeHead(307, { location: '/landed' }).end()
      else if (req.url === '/away')
        res.writeHead(307, { location: `${storage.url}/bucket/blob?X-Amz-Signature=s` }).end()
      else res.writeHead(200).end('here')
    })
    servers.push(registry)
    const client = createHttpClient()
    const headers = { authorization: 'Bearer secret-token' }
    expect(await (await client.request(`${registry.url}/same`, { headers })).text()).toBe('here')
    expect(registry.requests[1]!.headers.authorization).toBe('Bearer secret-token')

    const res = await client.request(`${registry.url}/away`, { headers })
    expect(await res.text()).toBe('blob')
    expect(res.url).toContain(storage.url)
    expect(storage.requests).toHaveLength(1)
    expect(storage.requests[0]!.headers.authorization).toBeUndefined()
  })

  it('turns a 303 after POST into a GET without body and leaves manual redirects alone', async () => {
    const server = await startServer((req, res) => {
      if (req.url === '/post') res.writeHead(303, { location: '/result' }).end()
      else res.writeHead(200).end(req.method)
    })
    servers.push(server)
    const client = createHttpClient()
    expect(await (await client.request(`${server.url}/post`, { method: 'POST', body: 'data' })).text()).toBe(
      'GET'
    )
    const manual = await client.request(`${server.url}/post`, {
      method: 'POST',
      body: 'data',
      redirect: 'manual'
    })
    expect(manual.status).toBe(303)
    expect(manual.headers.get('location')).toBe('/result')
  })

  it('sends the oci-attest user agent', async () => {
    const server = await startServer((_req, res) => res.writeHead(204).end())
    servers.push(server)
    await createHttpClient().request(server.url)
    expect(server.requests[0]!.headers['user-agent']).toBe(USER_AGENT)
    expect(USER_AGENT).toMatch(/^oci-attest\/\d+\.\d+\.\d+/)
  })

  it('never writes header values into its debug log', async () => {
    const server = await startServer((_req, res, _s, n) =>
      n === 1 ? res.writeHead(307, { location: '/next?token=abc' }).end() : res.writeHead(503).end()
    )
    servers.push(server)
    const lines: string[] = []
    await createHttpClient({ retries: 1, minDelayMs: 1, log: l => lines.push(l) }).request(
      `${server.url}/start`,
      {
        headers: { authorization: 'Basic dXNlcjpodW50ZXIy' }
      }
    )
    expect(lines.length).toBeGreaterThan(1)
    const all = lines.join('\n')
    expect(all).not.toContain('dXNlcjpodW50ZXIy')
    expect(all).not.toContain('token=abc')
    expect(all).toContain('token=***')
  })
})
