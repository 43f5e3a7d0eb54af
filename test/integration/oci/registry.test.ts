import { describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { Readable } from 'node:stream'
import type { RegistryError } from '../../../src/oci/index.js'
import {
  computeDigest,
  DOCKER_MANIFEST,
  DOCKER_MANIFEST_LIST,
  OCI_INDEX,
  OCI_MANIFEST
} from '../../../src/oci/index.js'
import { blob, clientFor, pushImageBlobs, readAll, repoOn } from './fixtures.js'

describe.each(['referrers', 'distribution'] as const)('registry client on the %s registry', name => {
  it('uploads a blob in one PUT, finds it, streams it back verified', async () => {
    const client = clientFor(name)
    const repo = repoOn(name)
    const b = blob(randomBytes(50_000))
    expect(await client.blobExists(repo, b.descriptor.digest)).toBe(false)
    expect(await client.uploadBlob(repo, b.bytes, b.descriptor.digest, b.bytes.length)).toMatchObject({
      uploaded: true
    })
    expect(await client.blobExists(repo, b.descriptor.digest)).toBe(true)
    expect(await client.uploadBlob(repo, b.bytes, b.descriptor.digest, b.bytes.length)).toMatchObject({
      uploaded: false
    })
    expect((await readAll(await client.fetchBlob(repo, b.descriptor.digest))).equals(b.bytes)).toBe(true)
  })

  it('uploads a large blob in PATCH chunks from a stream', async () => {
    const client = clientFor(name, { chunkThreshold: 100_000, chunkSize: 64 * 1024 })
    const repo = repoOn(name)
    const b = blob(randomBytes(300_001))
    const pieces = () =>
      Readable.from([b.bytes.subarray(0, 7), b.bytes.subarray(7, 200_000), b.bytes.subarray(200_000)])
    await client.uploadBlob(repo, pieces, b.descriptor.digest, b.bytes.length)
    expect((await client.readBlob(repo, b.descriptor.digest)).equals(b.bytes)).toBe(true)
  })

  it('refuses to finish a chunked upload whose bytes do not hash to the digest', async () => {
    const client = clientFor(name, { chunkThreshold: 10, chunkSize: 16 })
    const repo = repoOn(name)
    const b = blob(randomBytes(100))
    const wrong = computeDigest(randomBytes(100))
    const err = await client.uploadBlob(repo, b.bytes, wrong, 100).catch((e: unknown) => e)
    expect((err as RegistryError).code).toBe('DIGEST_MISMATCH')
    expect(await client.blobExists(repo, wrong)).toBe(false)
  })

  it('mounts a blob from another repository, and uploads when the registry will not mount', async () => {
    const client = clientFor(name)
    const source = repoOn(name)
    const target = repoOn(name)
    const b = blob(randomBytes(2048))
    await client.uploadBlob(source, b.bytes, b.descriptor.digest, b.bytes.length)
    const mounted = await client.mountBlob(target, b.descriptor.digest, source, {
      data: b.bytes,
      size: b.bytes.length
    })
    // distribution mounts; the referrers registry may decline, which the fallback covers
    if (name === 'distribution') expect(mounted).toEqual({ mounted: true, uploaded: false })
    else expect(mounted.mounted || mounted.uploaded).toBe(true)
    expect(await client.blobExists(target, b.descriptor.digest)).toBe(true)

    // A blob the source does not have cannot be mounted: the registry opens an upload session instead (202).
    const other = blob(randomBytes(512))
    const third = repoOn(name)
    const fallback = await client.mountBlob(third, other.descriptor.digest, source, {
      data: other.bytes,
      size: 512
    })
    expect(fallback).toEqual({ mounted: false, uploaded: true })
    expect((await client.readBlob(third, other.descriptor.digest)).equals(other.bytes)).toBe(true)
  })

  it('puts and gets a manifest by tag and by digest, and resolves the tag', async () => {
    const client = clientFor(name)
    const repo = repoOn(name)
    const image = await pushImageBlobs(client, repo)
    const tagged = repo.withTag('v1')
    expect(await client.putManifest(tagged, image.bytes, OCI_MANIFEST)).toEqual({ digest: image.digest })
    expect(await client.resolveDigest(tagged)).toBe(image.digest)
    expect(await client.headManifest(tagged)).toEqual({
      digest: image.digest,
      mediaType: OCI_MANIFEST,
      size: image.size
    })
    const byTag = await client.getManifest(tagged)
    const byDigest = await client.getManifest(repo.withDigest(image.digest))
    for (const got of [byTag, byDigest]) {
      expect(got).toMatchObject({ digest: image.digest, mediaType: OCI_MANIFEST, size: image.size })
      expect(got.bytes.equals(image.bytes)).toBe(true)
      expect(got.json.layers[0].digest).toBe(image.layer.descriptor.digest)
    }
    expect(await client.headManifest(repo.withTag('absent'))).toBeUndefined()
    const missing = await client.getManifest(repo.withTag('absent')).catch((e: unknown) => e)
    expect((missing as RegistryError).code).toBe('REGISTRY_NOT_FOUND')
    expect((missing as Error).message).toContain(`${repo.repoString()}:absent`)
  })

  it('pushes by digest and refuses bytes that do not match the digest asked for', async () => {
    const client = clientFor(name)
    const repo = repoOn(name)
    const image = await pushImageBlobs(client, repo)
    expect(await client.putManifest(repo.withDigest(image.digest), image.bytes, OCI_MANIFEST)).toEqual({
      digest: image.digest
    })
    const wrong = await client
      .putManifest(repo.withDigest(computeDigest('other')), image.bytes, OCI_MANIFEST)
      .catch((e: unknown) => e)
    expect((wrong as RegistryError).code).toBe('DIGEST_MISMATCH')
  })

  it('handles an OCI index and a Docker manifest list like `docker manifest create` makes', async () => {
    const client = clientFor(name)
    const repo = repoOn(name)
    const amd = await pushImageBlobs(client, repo)
    // A Docker schema 2 manifest for the second platform, pushed by digest as docker does.
    const arm = await pushImageBlobs(client, repo)
    const dockerJson = { ...JSON.parse(arm.bytes.toString()), mediaType: DOCKER_MANIFEST }
    dockerJson.config = { ...dockerJson.config, mediaType: 'application/vnd.docker.container.image.v1+json' }
    dockerJson.layers = dockerJson.layers.map((l: object) => ({
      ...l,
      mediaType: 'application/vnd.docker.image.rootfs.diff.tar.gzip'
    }))
    const dockerBytes = Buffer.from(JSON.stringify(dockerJson, null, 3))
    const dockerDigest = computeDigest(dockerBytes)
    await client.putManifest(repo.withDigest(amd.digest), amd.bytes, OCI_MANIFEST)
    await client.putManifest(repo.withDigest(dockerDigest), dockerBytes, DOCKER_MANIFEST)

    const platforms = [
      {
        mediaType: OCI_MANIFEST,
        digest: amd.digest,
        size: amd.size,
        platform: { architecture: 'amd64', os: 'linux' }
      },
      {
        mediaType: DOCKER_MANIFEST,
        digest: dockerDigest,
        size: dockerBytes.length,
        platform: { architecture: 'arm64', os: 'linux', variant: 'v8' }
      }
    ]
    for (const [tag, mediaType] of [
      ['oci', OCI_INDEX],
      ['docker', DOCKER_MANIFEST_LIST]
    ] as const) {
      const bytes = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType, manifests: platforms }))
      const { digest } = await client.putManifest(repo.withTag(tag), bytes, mediaType)
      const got = await client.getManifest(repo.withTag(tag))
      expect(got).toMatchObject({ digest, mediaType })
      expect(got.json.manifests.map((m: { digest: string }) => m.digest)).toEqual([amd.digest, dockerDigest])
      const child = await client.getManifest(repo.withDigest(got.json.manifests[1].digest))
      expect(child.mediaType).toBe(DOCKER_MANIFEST)
      expect(child.bytes.equals(dockerBytes)).toBe(true)
    }
  })
})
