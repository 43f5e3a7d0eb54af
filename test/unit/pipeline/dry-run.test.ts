// Dry-run collaborators: the marked throwaway CA, the in-process Fulcio/Rekor stand-in, the recording registry.
import { describe, expect, it } from '@jest/globals'
import { generateKeyPairSync, X509Certificate } from 'node:crypto'
import { computeDigest } from '../../../src/oci/digest.js'
import type { Descriptor, FetchedManifest } from '../../../src/oci/manifest.js'
import { parseReference } from '../../../src/oci/reference.js'
import type { ImageReference } from '../../../src/oci/reference.js'
import { DRY_RUN_MARK, DryRunCertificateAuthority } from '../../../src/pipeline/dry-run-cert.js'
import { RecordingRegistry } from '../../../src/pipeline/dry-run-registry.js'
import { describeWrites } from '../../../src/pipeline/dry-run-report.js'
import { DRY_RUN_REKOR_URL, DryRunSigstore } from '../../../src/pipeline/dry-run-sigstore.js'
import type { PublishRegistry } from '../../../src/oci/publish-registry.js'

const SAN = 'https://github.com/o/r/.github/workflows/rel.yml@refs/tags/v1'
const ISSUER = 'https://token.actions.githubusercontent.com'

describe('DryRunCertificateAuthority', () => {
  it('issues a code-signing leaf for the given key with the SAN, chained to its own root, both marked', () => {
    const ca = new DryRunCertificateAuthority({ san: SAN, issuer: ISSUER })
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const [leafPem, rootPem] = ca.issue(publicKey.export({ format: 'pem', type: 'spki' }).toString())
    const leaf = new X509Certificate(leafPem!)
    const root = new X509Certificate(rootPem!)
    expect(leaf.subject).toContain(DRY_RUN_MARK.replace(/,/g, '\\,'))
    expect(root.subject).toContain('(CA)')
    expect(leaf.subjectAltName).toBe(`URI:${SAN}`)
    expect(leaf.keyUsage).toEqual(['1.3.6.1.5.5.7.3.3'])
    expect(leaf.checkIssued(root) && leaf.verify(root.publicKey) && root.verify(root.publicKey)).toBe(true)
    expect(leaf.publicKey.export({ format: 'der', type: 'spki' })).toEqual(
      publicKey.export({ format: 'der', type: 'spki' })
    )
    expect(leaf.ca).toBe(false)
    expect(root.ca).toBe(true)
  })
})

describe('DryRunSigstore', () => {
  it('answers Rekor entry requests with negative log indexes and a one-leaf inclusion proof, refuses anything else', async () => {
    const standIn = new DryRunSigstore({ san: SAN, issuer: ISSUER })
    const body = JSON.stringify({ apiVersion: '0.0.1', kind: 'dsse', spec: {} })
    const first = await (
      await standIn.request(`${DRY_RUN_REKOR_URL}/api/v1/log/entries`, { method: 'POST', body })
    ).json<Record<string, { logIndex: number; verification: { inclusionProof: { treeSize: number } } }>>()
    const second = await (
      await standIn.request(`${DRY_RUN_REKOR_URL}/api/v1/log/entries`, { method: 'POST', body })
    ).json<Record<string, { logIndex: number }>>()
    expect(Object.values(first)[0]!.logIndex).toBe(-1)
    expect(Object.values(second)[0]!.logIndex).toBe(-2)
    expect(Object.values(first)[0]!.verification.inclusionProof.treeSize).toBe(1)
    await expect(
      standIn.request('https://rekor.sigstore.dev/api/v1/log/entries', { method: 'POST', body })
    ).rejects.toThrow(/nothing leaves the process/)
  })
})

/** The real registry as far as a dry run may go: reads answer, any write is counted and refused. */
class ReadOnly implements PublishRegistry {
  writes = 0
  async getManifest(): Promise<FetchedManifest> {
    throw Object.assign(new Error('not found'), { code: 'REGISTRY_NOT_FOUND' })
  }
  async headManifest() {
    return undefined
  }
  async readBlob(): Promise<Buffer> {
    return Buffer.alloc(0)
  }
  async supportsReferrersApi() {
    return false
  }
  async listReferrers(): Promise<Descriptor[]> {
    return []
  }
  #write(): never {
    this.writes++
    throw new Error('a write reached the registry')
  }
  async putManifest(): Promise<{ digest: string }> {
    return this.#write()
  }
  async uploadBlob(): Promise<unknown> {
    return this.#write()
  }
  async addReferrerToFallbackIndex(): Promise<unknown> {
    return this.#write()
  }
}

describe('RecordingRegistry', () => {
  it('records writes, answers reads of what it recorded, and describes them; the inner registry sees reads only', async () => {
    const inner = new ReadOnly()
    const rec = new RecordingRegistry(inner)
    const repo: ImageReference = parseReference('ghcr.io/o/app')
    const subject = `sha256:${'c'.repeat(64)}`
    const layer = Buffer.from('payload')
    await rec.uploadBlob(repo, layer, computeDigest(layer), layer.length)
    const tagManifest = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        layers: [
          {
            mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json',
            digest: computeDigest(layer),
            size: layer.length
          }
        ]
      })
    )
    await rec.putManifest(
      repo.withTag(`sha256-${'c'.repeat(64)}.sig`),
      tagManifest,
      'application/vnd.oci.image.manifest.v1+json'
    )
    const referrer = Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
        layers: [],
        subject: { mediaType: 'x', digest: subject, size: 1 }
      })
    )
    const { digest } = await rec.putManifest(
      repo.withDigest(computeDigest(referrer)),
      referrer,
      'application/vnd.oci.image.manifest.v1+json'
    )
    await rec.addReferrerToFallbackIndex(repo, subject, {
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      digest,
      size: referrer.length
    })

    expect(inner.writes).toBe(0)
    expect((await rec.headManifest(repo.withTag(`sha256-${'c'.repeat(64)}.sig`)))?.size).toBe(
      tagManifest.length
    )
    expect((await rec.listReferrers(repo, subject)).map(d => d.digest)).toEqual([digest])
    expect(await rec.readBlob(repo, computeDigest(layer))).toEqual(layer)
    expect(describeWrites(rec).map(w => [w.target, w.size])).toEqual([
      [`ghcr.io/o/app:sha256-${'c'.repeat(64)}.sig`, tagManifest.length],
      [`ghcr.io/o/app@${digest}`, referrer.length],
      [`ghcr.io/o/app:sha256-${'c'.repeat(64)}`, expect.any(Number)]
    ])
  })
})
