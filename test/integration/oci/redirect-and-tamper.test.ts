import { afterEach, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { createHttpClient } from '../../../src/http/index.js'
import {
  OCI_MANIFEST,
  parseReference,
  RegistryClient,
  staticCredentials,
  type RegistryError
} from '../../../src/oci/index.js'
import { bed, blob, pushImageBlobs, readAll } from './fixtures.js'
import { startFront, type Front } from './front-proxy.js'

const fronts: Front[] = []
afterEach(async () => {
  await Promise.all(fronts.splice(0).map(f => f.close()))
})

const BLOB_GET = /^\/v2\/(.+)\/blobs\/(sha256:[0-9a-f]{64})$/

function clientOn(host: string): RegistryClient {
  const { username, password } = bed().registries.basic
  return new RegistryClient({
    http: createHttpClient({ retries: 0 }),
    credentials: staticCredentials({ [host]: { username, password } })
  })
}

describe('blob downloads redirected to storage (front on the Basic-auth registry)', () => {
  it('sends Basic credentials to the registry and none to storage on another origin', async () => {
    const stored = new Map<string, Buffer>()
    const storage = await startFront('127.0.0.1:1', (req, res) => {
      const digest = /\/storage\/(sha256:[0-9a-f]{64})/.exec(req.url ?? '')?.[1]
      res.writeHead(200).end(stored.get(digest ?? ''))
      return true
    })
    fronts.push(storage)
    const front = await startFront(bed().registries.basic.host, (req, res) => {
      const match = BLOB_GET.exec(req.url ?? '')
      if (req.method !== 'GET' || !match || !req.headers.authorization) return false
      res
        .writeHead(307, { location: `http://${storage.host}/storage/${match[2]}?X-Amz-Signature=s1gn3d` })
        .end()
      return true
    })
    fronts.push(front)

    const client = clientOn(front.host)
    const repo = parseReference(`${front.host}/away/blob`)
    const b = blob(randomBytes(4096))
    await client.uploadBlob(repo, b.bytes, b.descriptor.digest, b.bytes.length)
    stored.set(b.descriptor.digest, b.bytes)

    const bytes = await readAll(await client.fetchBlob(repo, b.descriptor.digest))
    expect(bytes.equals(b.bytes)).toBe(true)
    const blobGets = front.seen.filter(s => s.method === 'GET' && BLOB_GET.test(s.path))
    expect(blobGets.at(-1)?.authorization).toMatch(/^Basic /)
    expect(storage.seen).toHaveLength(1)
    expect(storage.seen[0]!.path).toContain('/storage/')
    expect(storage.seen[0]!.authorization).toBeUndefined()
  })

  it('reads a layer-sized blob the same way on the bulk path: credentials to the registry only', async () => {
    const stored = new Map<string, Buffer>()
    const storageConnection: Array<string | undefined> = []
    const storage = await startFront('127.0.0.1:1', (req, res) => {
      storageConnection.push(req.headers.connection)
      const digest = /\/storage\/(sha256:[0-9a-f]{64})/.exec(req.url ?? '')?.[1]
      res.writeHead(200).end(stored.get(digest ?? ''))
      return true
    })
    fronts.push(storage)
    const front = await startFront(bed().registries.basic.host, (req, res) => {
      const match = BLOB_GET.exec(req.url ?? '')
      if (req.method !== 'GET' || !match || !req.headers.authorization) return false
      res.writeHead(307, { location: `http://${storage.host}/storage/${match[2]}` }).end()
      return true
    })
    fronts.push(front)
    const client = clientOn(front.host)
    const repo = parseReference(`${front.host}/away/layer`)
    const b = blob(randomBytes(3 * 1024 * 1024))
    await client.uploadBlob(repo, b.bytes, b.descriptor.digest, b.bytes.length)
    stored.set(b.descriptor.digest, b.bytes)

    const copies: Buffer[] = []
    for await (const chunk of await client.blobChunks(repo, b.descriptor.digest, b.bytes.length))
      copies.push(Buffer.from(chunk))
    expect(Buffer.concat(copies).equals(b.bytes)).toBe(true)
    expect(storageConnection).toEqual(['close']) // the bulk GET's own connection
    expect(storage.seen[0]!.authorization).toBeUndefined()
    expect(front.seen.filter(s => BLOB_GET.test(s.path)).at(-1)?.authorization).toMatch(/^Basic /)
  })

  it('keeps credentials on a redirect within the registry origin (the check above can fail)', async () => {
    let storageAuth: string | undefined = 'not reached'
    const front = await startFront(bed().registries.basic.host, (req, res) => {
      if (req.url?.startsWith('/storage/')) {
        storageAuth = req.headers.authorization
        res.writeHead(200).end(Buffer.from('same-origin'))
        return true
      }
      const match = BLOB_GET.exec(req.url ?? '')
      if (req.method !== 'GET' || !match || !req.headers.authorization) return false
      res.writeHead(307, { location: `/storage/${match[2]}` }).end()
      return true
    })
    fronts.push(front)
    const client = clientOn(front.host)
    const repo = parseReference(`${front.host}/keep/here`)
    const b = blob(Buffer.from('same-origin'))
    await client.uploadBlob(repo, b.bytes, b.descriptor.digest, b.bytes.length)
    expect((await client.readBlob(repo, b.descriptor.digest)).toString()).toBe('same-origin')
    expect(storageAuth).toMatch(/^Basic /)
  })
})

describe('digest checks against tampered answers (front on the distribution registry)', () => {
  it('fails a blob stream whose bytes do not hash to the digest, at its end', async () => {
    const front = await startFront(bed().registries.distribution.host, undefined, (path, body) =>
      BLOB_GET.test(path) ? Buffer.concat([body.subarray(0, -1), Buffer.from([body.at(-1)! ^ 1])]) : body
    )
    fronts.push(front)
    const client = new RegistryClient({ http: createHttpClient({ retries: 0 }) })
    const repo = parseReference(`${front.host}/tamper/blob`)
    const b = blob(randomBytes(10_000))
    await client.uploadBlob(repo, b.bytes, b.descriptor.digest, b.bytes.length)
    const stream = await client.fetchBlob(repo, b.descriptor.digest)
    const err = await readAll(stream).catch((e: unknown) => e)
    expect((err as RegistryError).code).toBe('DIGEST_MISMATCH')
    expect((err as Error).message).toContain(b.descriptor.digest)
  })

  it('fails a bulk read whose bytes do not hash to the digest, at its end', async () => {
    const front = await startFront(bed().registries.distribution.host, undefined, (path, body) =>
      BLOB_GET.test(path) ? Buffer.concat([body.subarray(0, -1), Buffer.from([body.at(-1)! ^ 1])]) : body
    )
    fronts.push(front)
    const client = new RegistryClient({ http: createHttpClient({ retries: 0 }) })
    const repo = parseReference(`${front.host}/tamper/layer`)
    const b = blob(randomBytes(2 * 1024 * 1024))
    await client.uploadBlob(repo, b.bytes, b.descriptor.digest, b.bytes.length)
    let read = 0
    const err = await (async () => {
      for await (const chunk of await client.blobChunks(repo, b.descriptor.digest, b.bytes.length))
        read += chunk.length
    })().catch((e: unknown) => e)
    expect(read).toBe(b.bytes.length)
    expect((err as RegistryError).code).toBe('DIGEST_MISMATCH')
    expect((err as Error).message).toContain(b.descriptor.digest)
  })

  it('rejects a manifest whose bytes do not match the digest asked for, or the Docker-Content-Digest', async () => {
    const front = await startFront(bed().registries.distribution.host, undefined, (path, body) =>
      path.includes('/manifests/')
        ? Buffer.from(body.toString().replace('"schemaVersion":2', '"schemaVersion": 2'))
        : body
    )
    fronts.push(front)
    const client = new RegistryClient({ http: createHttpClient({ retries: 0 }) })
    const repo = parseReference(`${front.host}/tamper/manifest`)
    const image = await pushImageBlobs(client, repo)
    await client.putManifest(repo.withTag('v1'), image.bytes, OCI_MANIFEST)
    for (const ref of [repo.withDigest(image.digest), repo.withTag('v1')]) {
      const err = await client.getManifest(ref).catch((e: unknown) => e)
      expect((err as RegistryError).code).toBe('DIGEST_MISMATCH')
    }
  })
})
