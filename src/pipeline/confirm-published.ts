// After pushing: consumers will find what was verified before the push. Registries address content by digest,
// so a listed referrer digest or a tag layer with our digest and annotations is byte-for-byte the verified
// material; no bundle is downloaded or verified a second time.
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
}

const fail = (what: string, check: string): never => {
  throw new SigstoreError('VERIFICATION_FAILED', `${what}: ${check}`)
}

export async function confirmPublished(registry: PublishRegistry, s: ConfirmSubject): Promise<void> {
  const base = `${s.repo.repoString()}@${s.digest}`
  const referrers = s.items.some(i => i.referrer)
    ? new Set((await registry.listReferrers(s.repo, s.digest, BUNDLE_MEDIA_TYPE)).map(d => d.digest))
    : new Set<string>()
  const tags = new Map<string, Promise<ImageManifest>>()
  const tag = (name: string) => {
    if (!tags.has(name))
      tags.set(
        name,
        registry.getManifest(s.repo.withTag(name)).then(m => m.json as ImageManifest)
      )
    return tags.get(name)!
  }
  for (const item of s.items) {
    if (item.referrer && !referrers.has(item.referrer))
      fail(
        `${base} ${item.kind} (referrer ${item.referrer})`,
        'not listed among the referrers of the subject'
      )
    if (item.legacy) {
      const what = `${base} ${item.kind} (tag ${item.legacy.tag})`
      const expected = s.layerAnnotations.get(item.legacy.layerDigest)
      const layer = (await tag(item.legacy.tag)).layers.find(
        l => l.digest === item.legacy!.layerDigest && isDeepStrictEqual(l.annotations ?? {}, expected)
      )
      if (!layer)
        fail(what, `layer ${item.legacy.layerDigest} with the verified annotations is missing from the tag`)
    }
  }
}
