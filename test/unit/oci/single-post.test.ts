// A registry that refuses the single-POST upload form (here 400) still gets the blob, through POST + PUT.
import { afterEach, describe, expect, it } from '@jest/globals'
import { createHttpClient } from '../../../src/http/index.js'
import { computeDigest, parseReference, RegistryClient } from '../../../src/oci/index.js'
import { startServer, type LocalServer } from '../http/local-server.js'

let server: LocalServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('single-POST uploads', () => {
  it('fall back to POST + PUT when the registry refuses them, and are not tried there again', async () => {
    const stored = new Map<string, Buffer>()
    const seen: string[] = []
    server = await startServer((req, res, recorded) => {
      const url = new URL(req.url!, 'http://x')
      const query = url.search ? ` ?${[...url.searchParams.keys()].join('&')}` : ''
      seen.push(`${req.method} ${url.pathname}${query}`)
      if (req.method === 'POST' && url.searchParams.has('digest'))
        return res
          .writeHead(400, { 'content-type': 'application/json' })
          .end('{"errors":[{"code":"UNSUPPORTED"}]}')
      if (req.method === 'POST') return res.writeHead(202, { location: '/v2/a/b/blobs/uploads/s1' }).end()
      if (req.method === 'PUT') {
        stored.set(url.searchParams.get('digest')!, recorded.body)
        return res.writeHead(201).end()
      }
      res.writeHead(404).end()
    })
    const client = new RegistryClient({ http: createHttpClient({ retries: 0 }) })
    const repo = parseReference(`${new URL(server.url).host}/a/b`)
    const [x, y] = [Buffer.from('first blob'), Buffer.from('second blob')]
    for (const b of [x, y]) await client.uploadBlob(repo, b, computeDigest(b), b.length, { fresh: true })
    expect(seen).toEqual([
      'POST /v2/a/b/blobs/uploads/ ?digest',
      'POST /v2/a/b/blobs/uploads/',
      'PUT /v2/a/b/blobs/uploads/s1 ?digest',
      'POST /v2/a/b/blobs/uploads/',
      'PUT /v2/a/b/blobs/uploads/s1 ?digest'
    ])
    expect(stored.get(computeDigest(x))).toEqual(x)
    expect(stored.get(computeDigest(y))).toEqual(y)
  })
})
