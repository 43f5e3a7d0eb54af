// Digests of a chart's images, asked of their registries with the run's client (its credentials, as subjects
// are resolved); an image whose registry cannot answer keeps its tag and the reason.
import { errorText } from '../../errors/index.js'
import type { ImageReference } from '../../oci/index.js'
import type { FoundImage } from './image-ref.js'

export interface DigestResolver {
  resolveDigest(ref: ImageReference): Promise<string>
}

export interface ResolvedImage extends FoundImage {
  /** The manifest (or index) digest: written in the chart, or resolved from the tag. */
  digest?: string
  digestFrom?: 'chart' | 'registry'
  /** Why no digest could be had. */
  unresolved?: string
}

/** Registries answer a few lookups at a time; charts list tens of images. */
const CONCURRENCY = 4

/** A registry that never answers (a dropped connection, a firewall) must not hold the run for its retries. */
export const DEFAULT_LOOKUP_MS = 30_000

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms / 1000} s`)), ms)
  })
  work.catch(() => undefined) // a lookup given up on may still fail later: nobody is waiting for it
  return Promise.race([work, late]).finally(() => clearTimeout(timer))
}

export async function resolveDigests(
  images: FoundImage[],
  registry: DigestResolver | undefined,
  lookupMs: number = DEFAULT_LOOKUP_MS
): Promise<ResolvedImage[]> {
  const out: ResolvedImage[] = images.map(i =>
    i.ref.digest ? { ...i, digest: i.ref.digest, digestFrom: 'chart' } : { ...i }
  )
  const pending = out.filter(i => !i.digest)
  // One lookup per registry/repository:tag, however many sightings share it.
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < pending.length) {
      const image = pending[next++]!
      if (!registry) {
        image.unresolved = 'no registry client was given'
        continue
      }
      try {
        image.digest = await withDeadline(registry.resolveDigest(image.ref), lookupMs)
        image.digestFrom = 'registry'
      } catch (err) {
        image.unresolved = errorText(err)
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, pending.length) }, worker))
  return out
}
