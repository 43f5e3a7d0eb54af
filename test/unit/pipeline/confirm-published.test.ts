// Self-verification after the push: what consumers find is what verified, read once, with every read at once.
import { describe, expect, it } from '@jest/globals'
import type { Descriptor, ImageManifest } from '../../../src/oci/manifest.js'
import type { PublishRegistry } from '../../../src/oci/publish-registry.js'
import { parseReference, type ImageReference } from '../../../src/oci/reference.js'
import { confirmPublished } from '../../../src/pipeline/confirm-published.js'
import { cosignTag } from '../../../src/publish/cosign-layout.js'
import type { BundleVerifier } from '../../../src/sigstore/verify/bundle-verifier.js'
import { PublishedVerifier } from '../../../src/verify/index.js'

const D = `sha256:${'ab'.repeat(32)}`
const L = `sha256:${'cd'.repeat(32)}`
const R = `sha256:${'ef'.repeat(32)}`
const repo = parseReference('127.0.0.1:1/team/app')
const signed = { 'dev.cosignproject.cosign/signature': 'sig' }
const tagged = (annotations: Record<string, string>): ImageManifest => ({
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: D, size: 2 },
  layers: [{ mediaType: 'application/vnd.dev.cosign.simplesigning.v1+json', digest: L, size: 1, annotations }]
})
const SIG = cosignTag(D, 'sig')
const items = [
  { kind: 'signature-legacy', legacy: { tag: SIG, layerDigest: L } },
  { kind: 'provenance-v1', referrer: R }
]

/** Records each read as it starts; every read waits until `open` is called, to show which run together. */
function registry(onTag: ImageManifest, listed: string[]) {
  const reads: string[] = []
  let open!: () => void
  const gate = new Promise<void>(resolve => (open = resolve))
  const fake = {
    getManifest: async (ref: ImageReference) => {
      reads.push(`tag ${ref.tag}`)
      await gate
      return { json: onTag, digest: D }
    },
    listReferrers: async () => {
      reads.push('referrers')
      await gate
      return listed.map((digest): Descriptor => ({ mediaType: 'x', digest, size: 1 }))
    }
  } as unknown as PublishRegistry
  // Everything here verified before the push: found byte-for-byte, nothing reaches the bundle verifier.
  const published = new PublishedVerifier({} as BundleVerifier, {
    identity: { subjectAlternativeName: 'https://example/wf', issuer: 'https://issuer' }
  })
  return { fake: { registry: fake, session: { published } }, reads, open: () => open() }
}

const layerAnnotations = new Map([[L, signed]])

describe('confirmPublished', () => {
  it('reads the referrers listing and the tags together, not one after another', async () => {
    const { fake, reads, open } = registry(tagged(signed), [R])
    const done = confirmPublished(fake, { repo, digest: D, items, layerAnnotations })
    await new Promise(resolve => setImmediate(resolve))
    expect(reads.sort()).toEqual(['referrers', `tag ${SIG}`])
    open()
    await done
  })

  it("checks a tag in the tag writer's confirming re-read instead of fetching it again", async () => {
    const { fake, reads, open } = registry(tagged(signed), [R])
    open()
    const reread = new Map([[SIG, tagged(signed)]])
    await confirmPublished(fake, { repo, digest: D, items, layerAnnotations, reread })
    expect(reads).toEqual(['referrers'])
  })

  it('fails when that re-read lacks our layer with the verified annotations', async () => {
    const { fake, open } = registry(tagged(signed), [R])
    open()
    const reread = new Map([[SIG, tagged({ 'dev.cosignproject.cosign/signature': 'other' })]])
    await expect(
      confirmPublished(fake, { repo, digest: D, items, layerAnnotations, reread })
    ).rejects.toThrow(`layer ${L} with the verified annotations is missing from the tag`)
  })

  it('fails when a referrer is not listed', async () => {
    const { fake, open } = registry(tagged(signed), [])
    open()
    await expect(confirmPublished(fake, { repo, digest: D, items, layerAnnotations })).rejects.toThrow(
      'not listed among the referrers of the subject'
    )
  })
})
