import { describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import {
  computeDigest,
  EMPTY_JSON_DESCRIPTOR,
  OCI_INDEX,
  OCI_MANIFEST,
  digestTag,
  type Descriptor,
  type ImageReference,
  type RegistryClient
} from '../../../src/oci/index.js'
import { blob, clientFor, pushImageBlobs, repoOn } from './fixtures.js'

const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json'
const SBOM = 'application/vnd.cyclonedx+json'

async function pushSubject(client: RegistryClient, repo: ImageReference): Promise<Descriptor> {
  const image = await pushImageBlobs(client, repo)
  await client.putManifest(repo.withTag('subject'), image.bytes, OCI_MANIFEST)
  return { mediaType: OCI_MANIFEST, digest: image.digest, size: image.size }
}

/** A referrer like a Sigstore bundle artifact: empty config, one layer, subject set; pushed by digest. */
async function pushReferrer(
  client: RegistryClient,
  repo: ImageReference,
  subject: Descriptor,
  artifactType: string
) {
  const layer = blob(randomBytes(300), artifactType)
  await client.uploadBlob(repo, layer.bytes, layer.descriptor.digest, layer.descriptor.size)
  await client.uploadBlob(repo, Buffer.from('{}'), EMPTY_JSON_DESCRIPTOR.digest, 2)
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType,
    config: EMPTY_JSON_DESCRIPTOR,
    layers: [layer.descriptor],
    subject,
    annotations: { 'dev.sigstore.bundle.content': 'dsse-envelope' }
  }
  const bytes = Buffer.from(JSON.stringify(manifest))
  const { digest } = await client.putManifest(repo.withDigest(computeDigest(bytes)), bytes, OCI_MANIFEST)
  return { mediaType: OCI_MANIFEST, digest, size: bytes.length, artifactType } satisfies Descriptor
}

describe('referrers API detection', () => {
  it('is true on the referrers registry and false on distribution (like GHCR)', async () => {
    for (const [name, expected] of [
      ['referrers', true],
      ['distribution', false]
    ] as const) {
      const client = clientFor(name)
      const repo = repoOn(name)
      const subject = await pushSubject(client, repo)
      expect(await client.supportsReferrersApi(repo.withDigest(subject.digest))).toBe(expected)
    }
  })
})

describe('listing referrers through the API (referrers registry)', () => {
  it('lists what names the subject, filtered by artifactType', async () => {
    const client = clientFor('referrers')
    const repo = repoOn('referrers')
    const subject = await pushSubject(client, repo)
    expect(await client.listReferrers(repo, subject.digest)).toEqual([])
    const bundle = await pushReferrer(client, repo, subject, BUNDLE)
    const sbom = await pushReferrer(client, repo, subject, SBOM)
    const all = await client.listReferrers(repo, subject.digest)
    expect(all.map(d => d.digest).sort()).toEqual([bundle.digest, sbom.digest].sort())
    expect(all.find(d => d.digest === bundle.digest)?.artifactType).toBe(BUNDLE)
    expect((await client.listReferrers(repo, subject.digest, BUNDLE)).map(d => d.digest)).toEqual([
      bundle.digest
    ])
    expect(await client.listReferrers(repo, subject.digest, 'application/x-none')).toEqual([])
  })
})

describe.each(['distribution', 'referrers'] as const)('fallback index on the %s registry', name => {
  it('creates the sha256-<hex> index, adds once, keeps artifactType, and lists from it', async () => {
    const client = clientFor(name)
    const repo = repoOn(name)
    const subject = await pushSubject(client, repo)
    const bundle = await pushReferrer(client, repo, subject, BUNDLE)

    const first = await client.addReferrerToFallbackIndex(repo, subject.digest, bundle)
    expect(first.changed).toBe(true)
    expect(await client.addReferrerToFallbackIndex(repo, subject.digest, bundle)).toEqual({ changed: false })

    const index = await client.getManifest(repo.withTag(digestTag(subject.digest)))
    expect(index.mediaType).toBe(OCI_INDEX)
    expect(index.digest).toBe(first.digest)
    expect(index.json.manifests).toEqual([bundle])
    if (name === 'distribution') {
      expect(await client.listReferrers(repo, subject.digest)).toEqual([bundle])
      expect(await client.listReferrers(repo, subject.digest, SBOM)).toEqual([])
    }
  })

  it('loses no descriptor when many are added at once', async () => {
    const client = clientFor(name)
    const repo = repoOn(name)
    const subject = await pushSubject(client, repo)
    const descriptors = await Promise.all(
      [BUNDLE, SBOM, BUNDLE, SBOM, BUNDLE].map(t => pushReferrer(client, repo, subject, t))
    )
    await Promise.all(descriptors.map(d => client.addReferrerToFallbackIndex(repo, subject.digest, d)))
    const index = await client.getManifest(repo.withTag(digestTag(subject.digest)))
    expect(index.json.manifests.map((d: Descriptor) => d.digest).sort()).toEqual(
      descriptors.map(d => d.digest).sort()
    )
  })
})
