// The client through a real forward proxy: CONNECT tunnels for https, absolute-form for http, proxy
// credentials from the proxy URL, NO_PROXY and loopback bypass.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { createHttpClient, HttpError } from '../../../src/http/index.js'
import { startServer, type LocalServer } from './local-server.js'
import { startRecordingProxy, type RecordingProxy } from './recording-proxy.js'
import { selfSignedCertificate, startTlsServer, trustForTest, type TlsServer } from './tls-server.js'

let registry: TlsServer
let plain: LocalServer
let restoreTrust: () => void
const proxies: RecordingProxy[] = []

beforeAll(async () => {
  const cert = selfSignedCertificate('registry.test')
  restoreTrust = trustForTest(cert.cert)
  registry = await startTlsServer(cert, (req, res) => {
    if (req.url?.startsWith('/redirect/')) {
      const storage = `http://plain.test:${new URL(plain.url).port}/bucket/blob?X-Amz-Signature=s`
      return void res.writeHead(307, { location: storage }).end()
    }
    res.writeHead(200, { 'content-type': 'text/plain' }).end(`tls ${req.method} ${req.url}`)
  })
  plain = await startServer((req, res) => res.writeHead(200).end(`plain ${req.method} ${req.url}`))
})
afterAll(async () => {
  restoreTrust()
  await Promise.all([registry.close(), plain.close()])
})
afterEach(async () => {
  await Promise.all(proxies.splice(0).map(p => p.close()))
})

async function proxy(requireAuth?: string): Promise<RecordingProxy> {
  const hosts = { 'registry.test': registry.port, 'plain.test': Number(new URL(plain.url).port) }
  const p = await startRecordingProxy({ hosts, ...(requireAuth ? { requireAuth } : {}) })
  proxies.push(p)
  return p
}
const fast = { retries: 2, minDelayMs: 5, maxDelayMs: 10 }

describe('HTTPS_PROXY: CONNECT tunnel', () => {
  it('tunnels https through the proxy, which sees only CONNECT, and reuses the tunnel', async () => {
    const p = await proxy()
    const client = createHttpClient({ ...fast, env: { HTTPS_PROXY: p.url } })
    const target = `https://registry.test:${registry.port}`
    const headers = { authorization: 'Bearer registry-secret' }
    expect(await (await client.request(`${target}/v2/`, { headers })).text()).toBe('tls GET /v2/')
    expect(await (await client.request(`${target}/v2/x/manifests/1`, { headers })).text()).toBe(
      'tls GET /v2/x/manifests/1'
    )
    expect(p.relayed.map(r => [r.kind, r.target])).toEqual([['connect', `registry.test:${registry.port}`]])
    expect(p.relayed[0]!.headers.authorization).toBeUndefined()
    // the registry's credentials travelled inside TLS, to the registry only
    expect(registry.requests.slice(-2).map(r => r.headers.authorization)).toEqual([
      'Bearer registry-secret',
      'Bearer registry-secret'
    ])
    expect(registry.requests.every(r => r.headers['proxy-authorization'] === undefined)).toBe(true)
  })

  it('sends the proxy URL user-info as Proxy-Authorization on CONNECT, and never logs it', async () => {
    const p = await proxy(`Basic ${Buffer.from('ci-bot:p@ss:word').toString('base64')}`)
    const lines: string[] = []
    const client = createHttpClient({
      ...fast,
      log: l => lines.push(l),
      env: { https_proxy: p.url.replace('http://', 'http://ci-bot:p%40ss%3Aword@') }
    })
    const res = await client.request(`https://registry.test:${registry.port}/v2/`)
    expect(res.status).toBe(200)
    expect(p.relayed[0]!.kind).toBe('connect')
    const all = lines.join('\n')
    expect(all).toContain('via proxy http://***@127.0.0.1')
    expect(all).not.toMatch(/p%40ss|p@ss|cDBzczp3b3Jk|ci-bot:/)
  })

  it('fails a 407 at once with an error naming the proxy (redacted) and the fix', async () => {
    const p = await proxy('Basic c29tZW9uZTplbHNl')
    const client = createHttpClient({ ...fast, env: { HTTPS_PROXY: p.url.replace('//', '//bot:wrong@') } })
    const err = (await client
      .request(`https://registry.test:${registry.port}/v2/`)
      .catch((e: unknown) => e)) as HttpError
    expect(err).toBeInstanceOf(HttpError)
    expect(err.code).toBe('HTTP_STATUS')
    expect(err.status).toBe(407)
    expect(err.message).toContain(`proxy http://***@127.0.0.1:${new URL(p.url).port}/`)
    expect(err.message).toContain('http://user:password@host:port')
    expect(err.message).not.toContain('wrong')
    expect(p.relayed).toHaveLength(1)
  })

  it('retries when the proxy cannot be reached, then reports HTTP_NETWORK naming it', async () => {
    const p = await proxy()
    const dead = p.url
    await p.close()
    proxies.splice(0)
    const err = (await createHttpClient({ ...fast, env: { HTTPS_PROXY: dead } })
      .request(`https://registry.test:${registry.port}/v2/`)
      .catch((e: unknown) => e)) as HttpError
    expect(err.code).toBe('HTTP_NETWORK')
    expect(err.message).toContain(`proxy ${dead}/ could not be reached for registry.test:${registry.port}`)
  })

  it('refuses a proxy scheme it cannot speak, saying which variable to fix', async () => {
    const err = (await createHttpClient({ env: { HTTPS_PROXY: 'socks5://u:secret@127.0.0.1:1080' } })
      .request(`https://registry.test:${registry.port}/v2/`)
      .catch((e: unknown) => e)) as HttpError
    expect(err.code).toBe('HTTP_PROXY')
    expect(err.message).toContain('HTTPS_PROXY/https_proxy')
    expect(err.message).not.toContain('secret')
  })
})

describe('HTTP_PROXY: absolute-form requests', () => {
  it('sends the absolute URL and the target Host to the proxy, with Proxy-Authorization', async () => {
    const p = await proxy(`Basic ${Buffer.from('u:pw').toString('base64')}`)
    const client = createHttpClient({ ...fast, env: { HTTP_PROXY: p.url.replace('//', '//u:pw@') } })
    const port = new URL(plain.url).port
    const res = await client.request(`http://plain.test:${port}/v2/a/blobs/x?n=1`, {
      method: 'PUT',
      body: 'data'
    })
    expect(await res.text()).toBe('plain PUT /v2/a/blobs/x?n=1')
    expect(p.relayed).toHaveLength(1)
    expect(p.relayed[0]!.kind).toBe('absolute')
    expect(p.relayed[0]!.target).toBe(`http://plain.test:${port}/v2/a/blobs/x?n=1`)
    expect(p.relayed[0]!.headers.host).toBe(`plain.test:${port}`)
    expect(plain.requests.at(-1)!.headers['proxy-authorization']).toBeUndefined()
  })
})

describe('redirects behind a proxy', () => {
  it('routes each hop on its own and never carries registry credentials to the storage hop', async () => {
    const auth = `Basic ${Buffer.from('u:pw').toString('base64')}`
    const p = await proxy(auth)
    const withCreds = p.url.replace('//', '//u:pw@')
    const client = createHttpClient({ ...fast, env: { HTTPS_PROXY: withCreds, HTTP_PROXY: withCreds } })
    const res = await client.request(`https://registry.test:${registry.port}/redirect/v2/a/blobs/x`, {
      headers: { authorization: 'Bearer registry-secret' }
    })
    expect(await res.text()).toBe('plain GET /bucket/blob?X-Amz-Signature=s')
    expect(p.relayed.map(r => r.kind)).toEqual(['connect', 'absolute'])
    expect(registry.requests.at(-1)!.headers.authorization).toBe('Bearer registry-secret')
    // the storage hop is plain HTTP through the proxy: the registry token must not be in it
    expect(p.relayed[1]!.headers.authorization).toBeUndefined()
    expect(p.relayed[1]!.headers['proxy-authorization']).toBe(auth)
  })
})

describe('bypass', () => {
  it('connects directly to hosts on NO_PROXY (a .test name then fails DNS) and proxies the rest', async () => {
    const p = await proxy()
    const env = { HTTPS_PROXY: p.url, NO_PROXY: 'example.org,.test:9' }
    const url = `https://registry.test:${registry.port}/v2/`
    expect((await createHttpClient({ ...fast, env }).request(url)).status).toBe(200)
    expect(p.relayed).toHaveLength(1)
    const direct = { ...env, NO_PROXY: `example.org, registry.test:${registry.port}` }
    const err = (await createHttpClient({ ...fast, retries: 0, env: direct })
      .request(url)
      .catch((e: unknown) => e)) as HttpError
    expect(err.code).toBe('HTTP_NETWORK')
    expect(err.message).toMatch(/ENOTFOUND|EAI_AGAIN/)
    expect(err.message).not.toContain('via proxy')
    expect(p.relayed).toHaveLength(1)
  })

  it('never sends loopback requests to the proxy', async () => {
    const p = await proxy()
    const client = createHttpClient({ ...fast, env: { HTTP_PROXY: p.url, HTTPS_PROXY: p.url } })
    expect(await (await client.request(`${plain.url}/direct`)).text()).toBe('plain GET /direct')
    const port = new URL(plain.url).port
    expect(await (await client.request(`http://localhost:${port}/direct`)).text()).toBe('plain GET /direct')
    expect(p.relayed).toHaveLength(0)
  })
})
