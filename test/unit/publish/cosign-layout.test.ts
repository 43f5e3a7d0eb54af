import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { cosignTag, layoutConfig, mergeLayers } from '../../../src/publish/cosign-layout.js'
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

describe('cosign tag layout', () => {
  it('names tags sha256-<hex>.sig / .att', () => {
    expect(cosignTag(D, 'sig')).toBe(`sha256-${'ab'.repeat(32)}.sig`)
    expect(cosignTag(D, 'att')).toBe(`sha256-${'ab'.repeat(32)}.att`)
  })

  it('appends in order, keeps every existing layer and skips only identical ones', () => {
    const existing = [layer('1', 'a'), layer('2', 'b')]
    const merged = mergeLayers(existing, [layer('2', 'b'), layer('2', 'c'), layer('3', 'd')])
    expect(merged).toEqual([layer('1', 'a'), layer('2', 'b'), layer('2', 'c'), layer('3', 'd')])
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
