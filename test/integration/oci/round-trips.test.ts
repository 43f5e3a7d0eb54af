// Round trips the client saves without weakening a check: fresh blobs skip HEAD, fallback-index additions
// that arrive together share one GET + PUT, and a registry without the referrers API is probed once.
import { describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { createHttpClient } from '../../../src/http/index.js'
import type { HttpClient } from '../../../src/http/index.js'
import {
  computeDigest,
  EMPTY_JSON_DESCRIPTOR,
  OCI_MANIFEST,
  digestTag,
  type Descriptor,
  type ImageReference,
  type RegistryClient
} from '../../../src/oci/index.js'
import type { RegistryName } from '../../bed/state.js'
import { blob, clientFor, pushImageBlobs, readAll, repoOn } from './fixtures.js'

/** A client for a bed registry that records `METHOD path` of every request it sends. */
function recording(name: RegistryName): { client: RegistryClient; seen: string[]; urls: string[] } {
  const seen: string[] = []
  const urls: string[] = [] // with the query
  const base = createHttpClient({ minDelayMs: 10, maxDelayMs: 200 })
  const http: HttpClient = {
    request(url, init) {
      seen.push(`${init?.method ?? 'GET'} ${new URL(url).pathname}`)
      urls.push(`${init?.method ?? 'GET'} ${new URL(url).pathname}${new URL(url).search}`)
      return base.request(url, init)
    }
  }
  return { client: clientFor(name, { http }), seen, urls }
}

async function pushSubject(client: RegistryClient, repo: ImageReference): Promise<Descriptor> {
  const image = await pushImageBlobs(client, repo)
  await client.putManifest(repo.withTag('subject'), image.bytes, OCI_MANIFEST)
  return { mediaType: OCI_MANIFEST, digest: image.digest, size: image.size }
}

async function pushReferrer(client: RegistryClient, repo: ImageReference, subject: Descriptor) {
  const layer = blob(randomBytes(200), 'application/vnd.dev.sigstore.bundle.v0.3+json')
  await client.uploadBlob(repo, layer.bytes, layer.descriptor.digest, layer.descriptor.size, { fresh: true })
  await client.uploadBlob(repo, Buffer.from('{}'), EMPTY_JSON_DESCRIPTOR.digest, 2)
  const bytes = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      artifactType: layer.descriptor.mediaType,
      config: EMPTY_JSON_DESCRIPTOR,
      layers: [layer.descriptor],
      subject
    })
  )
  const { digest } = await client.putManifest(repo.withDigest(computeDigest(bytes)), bytes, OCI_MANIFEST)
  return { mediaType: OCI_MANIFEST, digest, size: bytes.length, artifactType: layer.descriptor.mediaType }
}

describe('round trips on the distribution registry', () => {
  it('uploads a fresh blob without a HEAD, and the registry then serves exactly those bytes', async () => {
    const { client, seen } = recording('distribution')
    const repo = repoOn('distribution', 'rt')
    const b = blob(randomBytes(700))
    expect(
      await client.uploadBlob(repo, b.bytes, b.descriptor.digest, b.bytes.length, { fresh: true })
    ).toEqual({
      digest: b.descriptor.digest,
      size: b.bytes.length,
      uploaded: true
    })
    expect(seen.filter(r => r.startsWith('HEAD'))).toEqual([])
    expect(await readAll(await client.fetchBlob(repo, b.descriptor.digest))).toEqual(b.bytes)
    // Without `fresh` the existence check still runs and spares the upload.
    seen.length = 0
    const again = await client.uploadBlob(repo, b.bytes, b.descriptor.digest, b.bytes.length)
    expect(again.uploaded).toBe(false)
    expect(seen).toEqual([`HEAD /v2/${repo.repository}/blobs/${b.descriptor.digest}`])
  })

  it('adds referrers that arrive together in one write of the fallback tag (GET, PUT, re-read), and each learns it was added', async () => {
    const { client, seen } = recording('distribution')
    const repo = repoOn('distribution', 'rt')
    const subject = await pushSubject(client, repo)
    const referrers = await Promise.all([1, 2, 3, 4].map(() => pushReferrer(client, repo, subject)))
    const tagPath = `/v2/${repo.repository}/manifests/${digestTag(subject.digest)}`
    seen.length = 0
    const results = await Promise.all(
      referrers.map(d => client.addReferrerToFallbackIndex(repo, subject.digest, d))
    )
    // The last GET is the confirming re-read after the settle wait.
    expect(seen.filter(r => r.endsWith(tagPath))).toEqual([
      `GET ${tagPath}`,
      `PUT ${tagPath}`,
      `GET ${tagPath}`
    ])
    const index = await client.getManifest(repo.withTag(digestTag(subject.digest)))
    expect(index.json.manifests).toEqual(referrers)
    expect(results).toEqual(referrers.map(() => ({ changed: true, digest: index.digest })))
    // A descriptor already listed is not written again, alone or next to a new one.
    seen.length = 0
    const fifth = await pushReferrer(client, repo, subject)
    const [old, added] = await Promise.all([
      client.addReferrerToFallbackIndex(repo, subject.digest, referrers[0]!),
      client.addReferrerToFallbackIndex(repo, subject.digest, fifth)
    ])
    expect(old).toEqual({ changed: false })
    expect(added.changed).toBe(true)
    expect((await client.getManifest(repo.withTag(digestTag(subject.digest)))).json.manifests).toEqual([
      ...referrers,
      fifth
    ])
  })

  it('mounts a blob it put in one repository into the others instead of uploading it again', async () => {
    const { client, seen } = recording('distribution')
    const repos = [repoOn('distribution', 'rt'), repoOn('distribution', 'rt'), repoOn('distribution', 'rt')]
    const b = blob(randomBytes(400))
    await Promise.all(repos.map(r => client.uploadBlob(r, b.bytes, b.descriptor.digest, b.bytes.length)))
    const [first, ...others] = repos.map(r => seen.filter(x => x.includes(`/v2/${r.repository}/`)))
    expect(first!.map(x => x.split(' ')[0])).toEqual(['HEAD', 'POST', 'PUT'])
    for (const o of others)
      expect(o).toEqual([`POST /v2/${o[0]!.split('/v2/')[1]!.split('/blobs/')[0]}/blobs/uploads/`])
    for (const r of repos)
      expect(await readAll(await client.fetchBlob(r, b.descriptor.digest))).toEqual(b.bytes)
  })

  it('uploads through the mount session when the repository it would mount from lost the blob', async () => {
    const { client } = recording('distribution')
    const [a, b] = [repoOn('distribution', 'rt'), repoOn('distribution', 'rt')]
    const x = blob(randomBytes(400))
    await client.uploadBlob(a, x.bytes, x.descriptor.digest, x.bytes.length)
    const url = `http://${a.registry}/v2/${a.repository}/blobs/${x.descriptor.digest}`
    expect((await fetch(url, { method: 'DELETE' })).status).toBe(202)
    expect(await client.uploadBlob(b, x.bytes, x.descriptor.digest, x.bytes.length)).toMatchObject({
      uploaded: true
    })
    expect(await readAll(await client.fetchBlob(b, x.descriptor.digest))).toEqual(x.bytes)
  })

  it('probes a registry without the referrers API once for all of its repositories', async () => {
    const { client, seen } = recording('distribution')
    const repos = [repoOn('distribution', 'rt'), repoOn('distribution', 'rt'), repoOn('distribution', 'rt')]
    for (const repo of repos) await pushSubject(client, repo)
    seen.length = 0
    expect(await Promise.all(repos.map(r => client.supportsReferrersApi(r)))).toEqual([false, false, false])
    expect(seen.filter(r => r.includes('/referrers/'))).toHaveLength(1)
  })
})

describe('single-POST uploads', () => {
  it('store a small blob in one POST where the registry supports it (referrers registry)', async () => {
    const { client, urls } = recording('referrers')
    const repo = repoOn('referrers', 'rt')
    const b = blob(randomBytes(500))
    await client.uploadBlob(repo, b.bytes, b.descriptor.digest, b.bytes.length, { fresh: true })
    expect(urls).toEqual([
      `POST /v2/${repo.repository}/blobs/uploads/?digest=${encodeURIComponent(b.descriptor.digest)}`
    ])
    expect(await readAll(await client.fetchBlob(repo, b.descriptor.digest))).toEqual(b.bytes)
  })

  it('fall back to the session a registry opens instead (distribution), and are not tried there again', async () => {
    const { client, urls } = recording('distribution')
    const repo = repoOn('distribution', 'rt')
    const [x, y] = [blob(randomBytes(500)), blob(randomBytes(500))]
    await client.uploadBlob(repo, x.bytes, x.descriptor.digest, x.bytes.length, { fresh: true })
    await client.uploadBlob(repo, y.bytes, y.descriptor.digest, y.bytes.length, { fresh: true })
    expect(urls.map(u => u.replace(/uploads\/[^?]+\?.*$/, 'uploads/<session>'))).toEqual([
      `POST /v2/${repo.repository}/blobs/uploads/?digest=${encodeURIComponent(x.descriptor.digest)}`,
      `PUT /v2/${repo.repository}/blobs/uploads/<session>`,
      `POST /v2/${repo.repository}/blobs/uploads/`,
      `PUT /v2/${repo.repository}/blobs/uploads/<session>`
    ])
    for (const b of [x, y])
      expect(await readAll(await client.fetchBlob(repo, b.descriptor.digest))).toEqual(b.bytes)
  })
})

describe('round trips on the referrers registry', () => {
  it('still probes each repository, since a "yes" for one is not taken for another', async () => {
    const { client, seen } = recording('referrers')
    const repos = [repoOn('referrers', 'rt'), repoOn('referrers', 'rt')]
    for (const repo of repos) await pushSubject(client, repo)
    seen.length = 0
    expect(await Promise.all(repos.map(r => client.supportsReferrersApi(r)))).toEqual([true, true])
    expect(seen.filter(r => r.includes('/referrers/')).sort()).toEqual(
      repos.map(r => `GET /v2/${r.repository}/referrers/${EMPTY_JSON_DESCRIPTOR.digest}`).sort()
    )
  })
})
