// Publishing's saved round trips keep its guarantees: fresh layers and their config skip HEAD, existing
// layers stay, the tag is re-read once to confirm, and a bundle referrer needs no existence check.
import { describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { createHttpClient } from '../../../src/http/index.js'
import type { HttpClient } from '../../../src/http/index.js'
import { computeDigest, OCI_MANIFEST, RegistryClient, parseReference } from '../../../src/oci/index.js'
import type { ImageManifest } from '../../../src/oci/index.js'
import { pushBundleReferrer, uploadEmptyConfig } from '../../../src/publish/bundle-referrer.js'
import { appendToCosignTag, DSSE_MEDIA_TYPE } from '../../../src/publish/cosign-layout.js'
import type { CosignLayer } from '../../../src/publish/cosign-layout.js'
import { RepositoryLocks } from '../../../src/publish/repo-lock.js'
import { readBedState } from '../../bed/state.js'
import { pushSampleImage } from '../../bed/tools/sample-image.js'

function recording(): { client: RegistryClient; seen: string[] } {
  const seen: string[] = []
  const base = createHttpClient({ minDelayMs: 10, maxDelayMs: 200 })
  const http: HttpClient = {
    request(url, init) {
      seen.push(`${init?.method ?? 'GET'} ${new URL(url).pathname}`)
      return base.request(url, init)
    }
  }
  return { client: new RegistryClient({ http }), seen }
}

const layer = (fresh: boolean): CosignLayer => ({
  mediaType: DSSE_MEDIA_TYPE,
  bytes: randomBytes(300),
  annotations: { 'dev.cosignproject.cosign/signature': '', predicateType: 'https://slsa.dev/provenance/v1' },
  fresh
})

describe('publishing round trips on the distribution registry', () => {
  it('appends fresh layers without HEADs, keeps the layers already there and re-reads the tag once', async () => {
    const state = readBedState()
    const name = `rt/tag${randomBytes(4).toString('hex')}`
    const digest = await pushSampleImage(state, 'distribution', name, 'v1')
    const repo = parseReference(`${state.registries.distribution.host}/${name}`)
    const { client, seen } = recording()
    const locks = new RepositoryLocks()
    const before = layer(false)
    await appendToCosignTag(client, locks, repo, digest, 'att', [before])
    expect(seen.filter(r => r.startsWith('HEAD /v2/') && r.includes('/blobs/'))).toHaveLength(2)

    seen.length = 0
    const ours = [layer(true), layer(true)]
    const result = await appendToCosignTag(client, locks, repo, digest, 'att', ours)
    expect(seen.filter(r => r.startsWith('HEAD'))).toEqual([])
    const tagPath = `/v2/${name}/manifests/${result.tag}`
    expect(seen.filter(r => r.endsWith(tagPath))).toEqual([
      `GET ${tagPath}`,
      `PUT ${tagPath}`,
      `GET ${tagPath}`
    ])
    const manifest = (await client.getManifest(repo.withTag(result.tag))).json as ImageManifest
    expect(manifest.layers.map(l => l.digest)).toEqual([before, ...ours].map(l => computeDigest(l.bytes)))
    for (const [i, l] of manifest.layers.entries())
      expect(await client.readBlob(repo, l.digest)).toEqual([before, ...ours][i]!.bytes)
    const config = JSON.parse((await client.readBlob(repo, manifest.config.digest)).toString()) as {
      rootfs: { diff_ids: string[] }
    }
    expect(config.rootfs.diff_ids).toEqual(manifest.layers.map(l => l.digest))
  })

  it('pushes a bundle referrer with no existence check and lists it in the fallback index', async () => {
    const state = readBedState()
    const name = `rt/ref${randomBytes(4).toString('hex')}`
    const digest = await pushSampleImage(state, 'distribution', name, 'v1')
    const repo = parseReference(`${state.registries.distribution.host}/${name}`)
    const { client, seen } = recording()
    const subject = await client.headManifest(repo.withDigest(digest))
    await uploadEmptyConfig(client, repo)
    seen.length = 0
    const bundle = Buffer.from(
      JSON.stringify({ mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', n: 1 })
    )
    const result = await pushBundleReferrer(
      client,
      repo,
      subject!,
      bundle,
      'https://slsa.dev/provenance/v1',
      {
        emptyConfigPresent: true
      }
    )
    expect(result.via).toBe('fallback-tag')
    expect(seen.filter(r => r.startsWith('HEAD'))).toEqual([])
    const listed = await client.listReferrers(repo, digest)
    expect(listed.map(d => d.digest)).toEqual([result.manifestDigest])
    const manifest = (await client.getManifest(repo.withDigest(result.manifestDigest))).json as ImageManifest
    expect(manifest.mediaType).toBe(OCI_MANIFEST)
    expect(await client.readBlob(repo, manifest.layers[0]!.digest)).toEqual(bundle)
  })
})
