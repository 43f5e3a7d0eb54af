// After pushing: consumers will find what was verified before the push. Registries address content by digest,
// so a listed referrer digest or a tag layer with our digest and annotations is byte-for-byte the verified
// material; no bundle is downloaded or verified a second time. A tag the tag writer already re-read after its
// last write (having waited out parallel writers) is checked in that read, not fetched once more.
import { isDeepStrictEqual } from 'node:util'
import type { ImageManifest } from '../oci/manifest.js'
import type { ImageReference } from '../oci/reference.js'
import { BUNDLE_MEDIA_TYPE } from '../publish/bundle-referrer.js'
import type { PublishRegistry } from '../oci/publish-registry.js'
import { SigstoreError } from '../sigstore/error.js'
import type { PublishedItem } from '../sigstore/verify/published.js'

export interface ConfirmSubject {
  repo: ImageReference
  digest: string
  items: PublishedItem[]
  /** Layer digest → the annotations that verified before the push (the tag layout's signature material). */
  layerAnnotations: Map<string, Record<string, string>>
  /** Tag → its manifest as a re-read after our last write of it found it (the tag writer's confirming read). */
  reread?: Map<string, ImageManifest>
}

const fail = (what: string, check: string): never => {
  throw new SigstoreError('VERIFICATION_FAILED', `${what}: ${check}`)
}

export async function confirmPublished(registry: PublishRegistry, s: ConfirmSubject): Promise<void> {
  const base = `${s.repo.repoString()}@${s.digest}`
  // Every read at once: each is a round trip at the end of the subject's publishing.
  const listing = s.items.some(i => i.referrer)
    ? registry.listReferrers(s.repo, s.digest, BUNDLE_MEDIA_TYPE)
    : Promise.resolve([])
  const tags = new Map<string, Promise<ImageManifest>>()
  for (const item of s.items) {
    const name = item.legacy?.tag
    if (!name || tags.has(name)) continue
    const reread = s.reread?.get(name)
    tags.set(
      name,
      reread
        ? Promise.resolve(reread)
        : registry.getManifest(s.repo.withTag(name)).then(m => m.json as ImageManifest)
    )
  }
  const settled = Promise.all([listing, ...tags.values()])
  settled.catch(() => undefined) // awaited below; the first read to fail is the one reported
  await settled
  const referrers = new Set((await listing).map(d => d.digest))
  for (const item of s.items) {
    if (item.referrer && !referrers.has(item.referrer))
      fail(
        `${base} ${item.kind} (referrer ${item.referrer})`,
        'not listed among the referrers of the subject'
      )
    if (item.legacy) {
      const what = `${base} ${item.kind} (tag ${item.legacy.tag})`
      const expected = s.layerAnnotations.get(item.legacy.layerDigest)
      const layer = (await tags.get(item.legacy.tag)!).layers.find(
        l => l.digest === item.legacy!.layerDigest && isDeepStrictEqual(l.annotations ?? {}, expected)
      )
      if (!layer)
        fail(what, `layer ${item.legacy.layerDigest} with the verified annotations is missing from the tag`)
    }
  }
}
