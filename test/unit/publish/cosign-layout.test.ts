import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { computeDigest } from '../../../src/oci/digest.js'
import { RegistryError } from '../../../src/oci/errors.js'
import type { ImageManifest } from '../../../src/oci/manifest.js'
import { parseReference, type ImageReference } from '../../../src/oci/reference.js'
import { TagWriters } from '../../../src/oci/tag-writer.js'
import { appendToCosignTag, cosignTag, layoutConfig } from '../../../src/publish/cosign-layout.js'
import type { PublishRegistry } from '../../../src/oci/publish-registry.js'
import { simpleSigningPayload } from '../../../src/publish/cosign-payloads.js'
import { referrerManifest } from '../../../src/publish/bundle-referrer.js'
import { bundleFileName } from '../../../src/publish/bundle-file.js'

const D = `sha256:${'ab'.repeat(32)}`
const layer = (n: string, sig: string) => ({
  mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
  digest: `sha256:${n.repeat(64)}`,
  size: 10,
  annotations: { 'dev.cosignproject.cosign/signature': sig }
})

const repo = parseReference('127.0.0.1:1/team/app')
/** One of our layers: distinct bytes per (n, sig), as each signature is. */
const ours_ = (n: string, sig: string) => {
  const bytes = Buffer.from(`${n}${n}`)
  const l = layer(n, sig)
  return {
    mediaType: l.mediaType,
    bytes,
    annotations: l.annotations,
    fresh: true,
    digest: computeDigest(bytes)
  }
}

const asLayer = (o: ReturnType<typeof ours_>) => ({
  mediaType: o.mediaType,
  digest: o.digest,
  size: o.bytes.length,
  annotations: o.annotations
})

/** A tag store that, like distribution 2.8, sends ETags and ignores If-Match. */
function fakeRegistry() {
  let stored: Buffer | undefined
  const hooks = new Map<number, () => void>()
  const failures = new Map<number, Error>()
  let puts = 0
  const ifMatch: Array<string | undefined> = []
  const uploads: string[] = []
  const seed = (layers: ReturnType<typeof layer>[]) => {
    stored = Buffer.from(JSON.stringify({ schemaVersion: 2, layers }))
  }
  const registry = {
    getManifest: async (_ref: ImageReference) => {
      if (!stored) throw Object.assign(new Error('absent'), { code: 'REGISTRY_NOT_FOUND' })
      const digest = computeDigest(stored)
      return { json: JSON.parse(stored.toString()), digest, etag: `"${digest}"` }
    },
    putManifest: async (_ref: ImageReference, bytes: Buffer, _mt: string, opts?: { ifMatch?: string }) => {
      ifMatch.push(opts?.ifMatch)
      const failure = failures.get(puts + 1)
      if (failure) {
        failures.delete(++puts)
        throw failure
      }
      stored = bytes
      hooks.get(++puts)?.()
      return { digest: computeDigest(bytes) }
    },
    uploadBlob: async (_r: ImageReference, _data: Buffer, digest: string) => {
      uploads.push(digest)
      return {}
    }
  } as unknown as PublishRegistry
  return {
    registry,
    seed,
    ifMatch,
    uploads,
    afterPut: (n: number, fn: () => void) => hooks.set(n, fn),
    failPut: (n: number, err: Error) => failures.set(n, err),
    layers: () => (JSON.parse(stored!.toString()) as ImageManifest).layers,
    digest: () => computeDigest(stored!)
  }
}

describe('cosign tag layout', () => {
  it('names tags sha256-<hex>.sig / .att', () => {
    expect(cosignTag(D, 'sig')).toBe(`sha256-${'ab'.repeat(32)}.sig`)
    expect(cosignTag(D, 'att')).toBe(`sha256-${'ab'.repeat(32)}.att`)
  })

  it('appends in order, keeps every existing layer and skips only identical ones', async () => {
    const fake = fakeRegistry()
    fake.seed([asLayer(ours_('1', 'a')), asLayer(ours_('2', 'b'))])
    const ours = [ours_('2', 'b'), ours_('2', 'c'), ours_('3', 'd')]
    await appendToCosignTag(fake.registry, new TagWriters(), repo, D, 'sig', ours, { minSettleMs: 1 })
    expect(fake.layers().map(l => l.annotations!['dev.cosignproject.cosign/signature'])).toEqual([
      'a',
      'b',
      'c',
      'd'
    ])
  })

  it('merges again when a parallel job replaced the tag after our write (the registry ignores If-Match)', async () => {
    const fake = fakeRegistry()
    fake.seed([layer('1', 'x')])
    // The other job read the tag before our write and writes after it: its manifest lacks our layer.
    fake.afterPut(1, () => fake.seed([layer('1', 'x'), layer('2', 'other')]))
    const ours = [ours_('3', 'ours')]
    const lines: string[] = []
    const result = await appendToCosignTag(fake.registry, new TagWriters(), repo, D, 'att', ours, {
      minSettleMs: 1,
      log: l => lines.push(l)
    })
    expect(fake.layers().map(l => l.annotations!['dev.cosignproject.cosign/signature'])).toEqual([
      'x',
      'other',
      'ours'
    ])
    expect(result.manifestDigest).toBe(fake.digest())
    expect(fake.ifMatch).toHaveLength(2)
    expect(fake.ifMatch.every(e => typeof e === 'string')).toBe(true)
    expect(fake.uploads.filter(d => d === ours[0]!.digest)).toHaveLength(1) // our layer went up once
    expect(lines).toEqual([expect.stringContaining(`${cosignTag(D, 'att')}: re-merging (write 2)`)])
  })

  it('uploads the config and our layers again when the registry lost a blob link (400 BLOB_UNKNOWN)', async () => {
    const fake = fakeRegistry()
    fake.failPut(
      1,
      new RegistryError('REGISTRY_ERROR', 'registry answered 400 (MANIFEST_BLOB_UNKNOWN: blob unknown)', {
        status: 400,
        registryCodes: ['MANIFEST_BLOB_UNKNOWN']
      })
    )
    const ours = [ours_('4', 'ours')]
    await appendToCosignTag(fake.registry, new TagWriters(), repo, D, 'sig', ours, { minSettleMs: 1 })
    expect(fake.layers().map(l => l.digest)).toEqual([ours[0]!.digest])
    expect(fake.uploads.filter(d => d === ours[0]!.digest)).toHaveLength(2)
    // layer and config, both again after the lost link, then the config of the re-read, re-merged write
    expect(fake.uploads).toHaveLength(5)
  })

  it('writes a config whose diff_ids equal the uncompressed layer digests', () => {
    const layers = [layer('1', 'a'), layer('2', 'b')]
    const config = JSON.parse(layoutConfig(layers).toString()) as {
      rootfs: { type: string; diff_ids: string[] }
      history: unknown[]
    }
    expect(config.rootfs).toEqual({ type: 'layers', diff_ids: layers.map(l => l.digest) })
    expect(config.history).toHaveLength(2)
  })

  it("simple-signing payload has cosign's exact bytes", () => {
    expect(simpleSigningPayload('ghcr.io/o/r', D).toString()).toBe(
      `{"critical":{"identity":{"docker-reference":"ghcr.io/o/r"},"image":{"docker-manifest-digest":"${D}"},"type":"cosign container image signature"},"optional":null}`
    )
  })
})

describe('bundle referrer manifest', () => {
  it('has the bundle artifactType, the empty config, one titled bundle layer, the subject and the annotations', () => {
    const bundle = Buffer.from('{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json"}')
    const subject = {
      mediaType: 'application/vnd.oci.image.index.v1+json',
      digest: D,
      size: 321,
      annotations: { x: 'y' }
    }
    const m = referrerManifest(
      bundle,
      subject,
      'https://slsa.dev/provenance/v1',
      new Date('2026-01-02T03:04:05.678Z'),
      'provenance-v1.sigstore.json'
    )
    expect(m).toEqual({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      config: {
        mediaType: 'application/vnd.oci.empty.v1+json',
        digest: `sha256:${createHash('sha256').update('{}').digest('hex')}`,
        size: 2
      },
      layers: [
        {
          mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
          digest: `sha256:${createHash('sha256').update(bundle).digest('hex')}`,
          size: bundle.length,
          annotations: {
            'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v1',
            'org.opencontainers.image.title': 'provenance-v1.sigstore.json'
          }
        }
      ],
      subject: { mediaType: subject.mediaType, digest: D, size: 321 },
      annotations: {
        'dev.sigstore.bundle.content': 'dsse-envelope',
        'dev.sigstore.bundle.predicateType': 'https://slsa.dev/provenance/v1',
        'in-toto.io/predicate-type': 'https://slsa.dev/provenance/v1',
        'org.opencontainers.image.created': '2026-01-02T03:04:05Z'
      }
    })
  })
})

describe('bundle file names', () => {
  it('are flat, unique per subject and kind, and end in .sigstore.json', () => {
    const name = bundleFileName('127.0.0.1:5000/team/app', D, 'provenance-v1')
    expect(name).toBe(`127.0.0.1_5000_team_app@sha256_${'ab'.repeat(32)}-provenance-v1.sigstore.json`)
    expect(name).not.toContain('/')
  })
})
