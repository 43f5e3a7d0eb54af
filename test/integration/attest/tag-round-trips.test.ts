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
import { TagWriters } from '../../../src/oci/tag-writer.js'
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
  it('appends fresh layers without HEADs, keeps the layers already there, re-reads before writing and once after', async () => {
    const state = readBedState()
    const name = `rt/tag${randomBytes(4).toString('hex')}`
    const digest = await pushSampleImage(state, 'distribution', name, 'v1')
    const repo = parseReference(`${state.registries.distribution.host}/${name}`)
    const { client, seen } = recording()
    const locks = new TagWriters()
    const before = layer(false)
    await appendToCosignTag(client, locks, repo, digest, 'att', [before])
    // The tag's absence already says its blobs are new: no HEAD even for a layer that is not fresh.
    expect(seen.filter(r => r.startsWith('HEAD'))).toEqual([])

    seen.length = 0
    const ours = [layer(true), layer(true)]
    const result = await appendToCosignTag(client, locks, repo, digest, 'att', ours)
    expect(seen.filter(r => r.startsWith('HEAD'))).toEqual([])
    const tagPath = `/v2/${name}/manifests/${result.tag}`
    // read, blobs uploaded, read again (write only a tag still as read), write, confirming read
    expect(seen.filter(r => r.endsWith(tagPath))).toEqual([
      `GET ${tagPath}`,
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

    // Appending a layer that is there already (same bytes and annotations) reads the tag and writes nothing.
    seen.length = 0
    const again = await appendToCosignTag(client, locks, repo, digest, 'att', [before])
    expect(seen).toEqual([`GET ${tagPath}`])
    expect(again.manifestDigest).toBe(result.manifestDigest)

    // A signature layer whose bytes the tag lists (new annotations) is appended without sending its blob again.
    seen.length = 0
    const resigned = {
      ...before,
      annotations: { ...before.annotations, 'dev.cosignproject.cosign/signature': 'x' }
    }
    await appendToCosignTag(client, locks, repo, digest, 'att', [resigned])
    expect(seen.filter(r => r.includes(`/blobs/uploads/`))).toHaveLength(2) // the config only: POST + PUT
    const last = (await client.getManifest(repo.withTag(result.tag))).json as ImageManifest
    expect(last.layers.map(l => l.annotations)).toEqual([before, ...ours, resigned].map(l => l.annotations))
  })

  it('indexes referrers of one subject pushed side by side with one write of the fallback tag (GET, PUT, re-read)', async () => {
    const state = readBedState()
    const name = `rt/refs${randomBytes(4).toString('hex')}`
    const digest = await pushSampleImage(state, 'distribution', name, 'v1')
    const repo = parseReference(`${state.registries.distribution.host}/${name}`)
    const { client, seen } = recording()
    const subject = (await client.headManifest(repo.withDigest(digest)))!
    const bundles = [1, 2, 3, 4].map(n =>
      Buffer.from(JSON.stringify({ n, r: randomBytes(8).toString('hex') }))
    )
    const results = await Promise.all(
      bundles.map(b => pushBundleReferrer(client, repo, subject, b, 'https://slsa.dev/provenance/v1'))
    )
    const tagPath = `/v2/${name}/manifests/${digest.replace(':', '-')}`
    expect(seen.filter(r => r.endsWith(tagPath))).toEqual([
      `GET ${tagPath}`,
      `PUT ${tagPath}`,
      `GET ${tagPath}` // the confirming re-read
    ])
    expect((await client.listReferrers(repo, digest)).map(d => d.digest).sort()).toEqual(
      results.map(r => r.manifestDigest).sort()
    )
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
