// Error paths no bed registry produces on demand: OCI-Subject without the API, Link pagination, 412 on If-Match.
import { afterEach, describe, expect, it } from '@jest/globals'
import { createHttpClient } from '../../../src/http/index.js'
import { computeDigest, nextLink, OCI_INDEX, parseReference, RegistryClient } from '../../../src/oci/index.js'
import { startServer, type LocalServer } from '../http/local-server.js'

let server: LocalServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const SUBJECT = `sha256:${'ab'.repeat(32)}`
const client = () => new RegistryClient({ http: createHttpClient({ retries: 0 }) })
const desc = (n: number) => ({
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  digest: computeDigest(`r${n}`),
  size: n
})

describe('referrers edge cases', () => {
  it('does not take an OCI-Subject header or a JSON 200 of another type as API support', async () => {
    server = await startServer((_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/json', 'oci-subject': SUBJECT })
        .end('{"manifests":[]}')
    )
    const repo = parseReference(`${new URL(server.url).host}/a/b`)
    expect(await client().supportsReferrersApi(repo)).toBe(false)
  })

  it('follows Link rel="next" pages and filters by artifactType itself', async () => {
    server = await startServer((req, res) => {
      const url = new URL(req.url!, 'http://x')
      if (url.searchParams.get('last') === 'p1') {
        res.writeHead(200, { 'content-type': OCI_INDEX })
        res.end(JSON.stringify({ schemaVersion: 2, manifests: [{ ...desc(2), artifactType: 'b' }] }))
        return
      }
      res.writeHead(200, {
        'content-type': OCI_INDEX,
        link: `</v2/a/b/referrers/${SUBJECT}?artifactType=a&last=p1>; rel="next"`
      })
      res.end(JSON.stringify({ schemaVersion: 2, manifests: [{ ...desc(1), artifactType: 'a' }] }))
    })
    const repo = parseReference(`${new URL(server.url).host}/a/b`)
    const all = await client().listReferrers(repo, SUBJECT, 'a')
    expect(all.map(d => d.digest)).toEqual([desc(1).digest])
    expect(server.requests.filter(r => r.url.includes('last=p1'))).toHaveLength(1)
    expect(
      nextLink('<https://r/v2/x?n=1>; rel="prev", <https://r/v2/y?n=2>; rel="next"', 'https://r/')?.href
    ).toBe('https://r/v2/y?n=2')
  })

  it('sends If-Match with the ETag and re-reads after a 412', async () => {
    let stored = { schemaVersion: 2, mediaType: OCI_INDEX, manifests: [desc(1)] }
    let version = 1
    let puts = 0
    server = await startServer((req, res, seen) => {
      if (req.url!.includes('/referrers/'))
        return res.writeHead(404, { 'content-type': 'text/plain' }).end('404 page not found')
      if (req.method === 'GET') {
        const body = JSON.stringify(stored)
        return res
          .writeHead(200, {
            'content-type': OCI_INDEX,
            etag: `"v${version}"`,
            'docker-content-digest': computeDigest(body)
          })
          .end(body)
      }
      puts++
      if (puts === 1) {
        // Someone else wrote in between: our ETag is stale now.
        stored = { ...stored, manifests: [...stored.manifests, desc(2)] }
        version++
      }
      if (req.headers['if-match'] !== `"v${version}"`) return res.writeHead(412).end()
      stored = JSON.parse(seen.body.toString())
      version++
      res.writeHead(201, { 'docker-content-digest': computeDigest(seen.body) }).end()
    })
    const repo = parseReference(`${new URL(server.url).host}/a/b`)
    const result = await client().addReferrerToFallbackIndex(repo, SUBJECT, desc(3))
    expect(result.changed).toBe(true)
    expect(stored.manifests.map(d => d.digest)).toEqual([desc(1), desc(2), desc(3)].map(d => d.digest))
    const putsSeen = server.requests.filter(r => r.method === 'PUT').map(r => r.headers['if-match'])
    expect(putsSeen).toEqual(['"v1"', '"v2"'])
  })
})
