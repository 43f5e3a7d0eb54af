// Referrers of one subject pushed side by side reach its fallback index together: one GET + PUT, not one each.
import type { Descriptor } from '../oci/manifest.js'
import type { ImageReference } from '../oci/reference.js'
import type { PublishRegistry } from '../oci/publish-registry.js'

interface Batch {
  joined: number
  settled: number
  descriptors: Descriptor[]
  flushed: Promise<void>
  flush: () => void
}

export interface ReferrerSlot {
  /** Resolves once this descriptor is in the index (written with whatever its siblings added). */
  add(descriptor: Descriptor): Promise<void>
  /** This referrer will not be added (the registry indexes it, or it failed); idempotent. */
  leave(): void
}

const open = new WeakMap<PublishRegistry, Map<string, Batch>>()

/**
 * Call before any await, so that referrers started together join one batch; it is written when every
 * member has either added its descriptor or left. Each member must end in `add` or `leave`.
 */
export function joinReferrerBatch(
  registry: PublishRegistry,
  repo: ImageReference,
  subjectDigest: string
): ReferrerSlot {
  const key = `${repo.repoString()}@${subjectDigest}`
  let batches = open.get(registry)
  if (!batches) open.set(registry, (batches = new Map()))
  let batch = batches.get(key)
  if (!batch) {
    let flush!: () => void
    const go = new Promise<void>(resolve => (flush = resolve))
    const descriptors: Descriptor[] = []
    // Called together, the registry client folds these into a single read-modify-write of the tag.
    const flushed = go.then(async () => {
      await Promise.all(descriptors.map(d => registry.addReferrerToFallbackIndex(repo, subjectDigest, d)))
    })
    flushed.catch(() => undefined) // each adding member awaits it; leavers need not
    batch = { joined: 0, settled: 0, descriptors, flushed, flush }
    batches.set(key, batch)
  }
  const b = batch
  b.joined++
  let done = false
  const settle = () => {
    if (done) return false
    done = true
    if (++b.settled === b.joined) {
      if (batches.get(key) === b) batches.delete(key)
      b.flush()
    }
    return true
  }
  return {
    async add(descriptor) {
      if (done) throw new Error('a referrer slot was used twice') // a programming error, not a registry one
      b.descriptors.push(descriptor)
      settle()
      await b.flushed
    },
    leave: () => void settle()
  }
}
