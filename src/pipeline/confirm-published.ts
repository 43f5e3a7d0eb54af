// After pushing: consumers will find what was verified before the push. The one verifier discovers what the
// subject has; found byte-for-byte as it verified (a listed referrer digest, a tag layer with our digest and
// annotations), an item is confirmed without its bundle being downloaded or verified a second time.
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
    { items, verifiedBefore: layerAnnotations }
  )
  assertVerified(report)
}
