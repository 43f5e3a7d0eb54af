// After pushing: consumers will find what was verified before the push. The one verifier discovers what the
// subject has; found byte-for-byte as it verified (a listed referrer digest, a tag layer with our digest and
// annotations), an item is confirmed without its bundle being downloaded or verified a second time.
// A tag the tag writer already re-read after its last write (having waited out parallel writers) is checked in
// that read, not fetched once more.
import type { ImageManifest } from '../oci/manifest.js'
import type { ImageReference } from '../oci/reference.js'
import type { PublishRegistry } from '../oci/publish-registry.js'
import { assertVerified } from '../verify/index.js'
import type { PublishedItem, PublishedVerifier } from '../verify/index.js'

export interface ConfirmSubject {
  repo: ImageReference
  digest: string
  items: PublishedItem[]
  /** Layer digest → the annotations that verified before the push (the tag layout's signature material). */
  layerAnnotations: Map<string, Record<string, string>>
  /** Tag → its manifest as a re-read after our last write of it found it (the tag writer's confirming read). */
  reread?: Map<string, ImageManifest>
}

/** `c`: the registry written to, and the session's verifier (this run's identity and trust). */
export async function confirmPublished(
  c: { registry: PublishRegistry; session: { published: PublishedVerifier } },
  s: ConfirmSubject
): Promise<void> {
  const { repo, digest, items, layerAnnotations } = s
  const report = await c.session.published.verifySubject(
    c.registry,
    { repo, digest },
    { items, verifiedBefore: layerAnnotations, ...(s.reread ? { reread: s.reread } : {}) }
  )
  assertVerified(report)
}
