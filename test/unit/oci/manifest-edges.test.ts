// Registry behaviours the bed's registries do not show: no Docker-Content-Digest, generic content types.
import { afterEach, describe, expect, it } from '@jest/globals'
import { createHttpClient } from '../../../src/http/index.js'
import {
  computeDigest,
  manifestMediaType,
  OCI_INDEX,
  OCI_MANIFEST,
  parseReference,
  RegistryClient,
  type RegistryError
} from '../../../src/oci/index.js'
import { startServer, type LocalServer } from '../http/local-server.js'

let server: LocalServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

const manifest = Buffer.from(
  JSON.stringify({ schemaVersion: 2, config: { digest: 'x', size: 1, mediaType: 'c' }, layers: [] })
)
const client = () => new RegistryClient({ http: createHttpClient({ retries: 0 }) })

describe('manifest edge cases', () => {
  it('resolves a tag by GET and hashing when HEAD gives no Docker-Content-Digest', async () => {
    server = await startServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(req.method === 'HEAD' ? undefined : manifest)
    })
    const ref = parseReference(`${new URL(server.url).host}/a/b:v1`)
    expect(await client().resolveDigest(ref)).toBe(computeDigest(manifest))
    expect(await client().headManifest(ref)).toEqual({
      digest: computeDigest(manifest),
      mediaType: OCI_MANIFEST,
      size: manifest.length
    })
    expect(server.requests.map(r => r.method)).toEqual(['HEAD', 'GET', 'HEAD', 'GET'])
    expect(server.requests[0]!.headers.accept).toContain(OCI_INDEX)
  })

  it('resolving a missing tag fails REGISTRY_NOT_FOUND, naming it, after the one HEAD', async () => {
    server = await startServer((_req, res) => res.writeHead(404).end())
    const ref = parseReference(`${new URL(server.url).host}/a/b:gone`)
    await expect(client().resolveDigest(ref)).rejects.toMatchObject({
      code: 'REGISTRY_NOT_FOUND',
      message: expect.stringContaining('/a/b:gone')
    })
    expect(server.requests.map(r => r.method)).toEqual(['HEAD'])
  })

  it('checks a manifest fetched by digest even when the registry sends no digest header', async () => {
    server = await startServer((_req, res) =>
      res.writeHead(200, { 'content-type': OCI_MANIFEST }).end(manifest)
    )
    const wanted = computeDigest('something else')
    const err = await client()
      .getManifest(parseReference(`${new URL(server.url).host}/a/b@${wanted}`))
      .catch((e: unknown) => e)
    expect((err as RegistryError).code).toBe('DIGEST_MISMATCH')
    expect((err as Error).message).toContain(wanted)
  })

  it('infers the media type from the JSON when the content type is generic', () => {
    expect(manifestMediaType('application/json', { manifests: [] }, 'm')).toBe(OCI_INDEX)
    expect(manifestMediaType(null, { mediaType: 'application/vnd.x' }, 'm')).toBe('application/vnd.x')
    expect(manifestMediaType(`${OCI_MANIFEST}; charset=utf-8`, {}, 'm')).toBe(OCI_MANIFEST)
    expect(() => manifestMediaType('text/plain', { hello: 1 }, 'manifest r/x:1')).toThrow(
      expect.objectContaining({
        code: 'MANIFEST_INVALID',
        message: expect.stringMatching(/manifest r\/x:1 has no media type/)
      })
    )
  })
})

describe('registry failures carry the operation and tag a classifier reads', () => {
  // HEADs (blob and manifest checks) find nothing, so the failure is the operation that follows.
  const refusing = (status: number, code: string) =>
    startServer((req, res) => {
      if (req.method === 'HEAD') return void res.writeHead(404).end()
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ errors: [{ code, message: 'no' }] }))
    })

  it('a refused manifest PUT to a tag is a push of that tag', async () => {
    server = await refusing(409, 'TAG_INVALID')
    const tag = `sha256-${'a'.repeat(64)}.sig`
    const err = await client()
      .putManifest(parseReference(`${new URL(server.url).host}/a/b:${tag}`), manifest, OCI_MANIFEST)
      .catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'REGISTRY_CONFLICT', status: 409, operation: 'push', tag })
    expect((err as RegistryError).registryCodes).toEqual(['TAG_INVALID'])
  })

  it('a refused blob upload is an upload; a refused manifest GET is a fetch', async () => {
    server = await refusing(403, 'DENIED')
    const repo = parseReference(`${new URL(server.url).host}/a/b`)
    const upload = await client()
      .uploadBlob(repo, Buffer.from('x'), computeDigest('x'), 1)
      .catch((e: unknown) => e)
    expect(upload).toMatchObject({ code: 'REGISTRY_DENIED', operation: 'upload' })
    const read = await client()
      .getManifest(parseReference(`${new URL(server.url).host}/a/b:v1`))
      .catch((e: unknown) => e)
    expect(read).toMatchObject({ code: 'REGISTRY_DENIED', operation: 'fetch', tag: 'v1' })
    const missing = await client()
      .resolveDigest(parseReference(`${new URL(server.url).host}/a/b:v2`))
      .catch((e: unknown) => e)
    expect(missing).toMatchObject({ code: 'REGISTRY_NOT_FOUND', operation: 'fetch', tag: 'v2' })
  })
})
