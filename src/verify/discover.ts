// What is published for one subject, in both formats: bundle referrers (the referrers API or its fallback index
// tag, whichever the registry has) and cosign's `sha256-<hex>.sig` / `.att` tags. Nothing here is trusted yet.
import { bundleFromJSON } from '@sigstore/bundle'
import type { Bundle } from '@sigstore/bundle'
import { RegistryError } from '../oci/errors.js'
import type { ImageManifest } from '../oci/manifest.js'
import type { ImageReference } from '../oci/reference.js'
import type { PublishRegistry } from '../oci/publish-registry.js'
import { BUNDLE_MEDIA_TYPE } from '../publish/bundle-referrer.js'
import { cosignTag } from '../publish/cosign-layout.js'
import type { TagSuffix } from '../publish/cosign-layout.js'
import { errorText } from '../errors/index.js'
import { bundleFromLayer } from '../sigstore/verify/layer-bundle.js'
import { CheckFailed } from './subject-claims.js'

/** A bundle as read from the registry; `artifact` is the signed payload of a `.sig` layer. */
export interface Material {
  bundle: Bundle
  artifact?: Buffer
}

export interface Found {
  source: 'referrer' | 'tag'
  /** Referrer manifest digest, or `<tag> layer <n>`. */
  where: string
  /** The referrer manifest's digest, or the tag layer's. */
  digest: string
  /** Tag layout only: the tag and the layer's annotations (its signature material). */
  tag?: string
  annotations?: Record<string, string>
  /** Reads the material (once, however often it is called); throws CheckFailed for what is not a bundle. */
  read(): Promise<Material>
}

export interface Where {
  referrers: boolean
  tags: TagSuffix[]
}

const once = <T>(work: () => Promise<T>): (() => Promise<T>) => {
  let started: Promise<T> | undefined
  return () => (started ??= work())
}

async function readReferrer(
  registry: PublishRegistry,
  repo: ImageReference,
  digest: string,
  referrer: string
): Promise<Material> {
  const manifest = (await registry.getManifest(repo.withDigest(referrer))).json as ImageManifest
  if (manifest.subject?.digest !== digest) throw new CheckFailed('referrer manifest names another subject')
  const layer = manifest.layers.find(l => l.mediaType === BUNDLE_MEDIA_TYPE)
  if (!layer) throw new CheckFailed('referrer has no bundle layer')
  const bytes = await registry.readBlob(repo, layer.digest, layer.size)
  try {
    return { bundle: bundleFromJSON(JSON.parse(bytes.toString('utf8'))) }
  } catch (cause) {
    throw new CheckFailed(`bundle layer is not a Sigstore bundle: ${errorText(cause)}`, { cause })
  }
}

/** The tag's manifest, or nothing when the tag does not exist (one GET, no HEAD first). */
async function tagManifest(
  registry: PublishRegistry,
  repo: ImageReference,
  tag: string
): Promise<ImageManifest | undefined> {
  try {
    return (await registry.getManifest(repo.withTag(tag))).json as ImageManifest
  } catch (err) {
    if (err instanceof RegistryError && err.code === 'REGISTRY_NOT_FOUND') return undefined
    throw err
  }
}

/** Lists what is published; reading a listed item is left to `read()`. Registry failures of the listing throw. */
export async function discoverPublished(
  registry: PublishRegistry,
  repo: ImageReference,
  digest: string,
  where: Where = { referrers: true, tags: ['sig', 'att'] },
  /** Tag manifests the caller read after its last write of them: used as they are, not fetched again. */
  known?: ReadonlyMap<string, ImageManifest>
): Promise<Found[]> {
  const tagged = (tag: string) => {
    const read = known?.get(tag)
    return read ? Promise.resolve(read) : tagManifest(registry, repo, tag)
  }
  // Every read at once: each is a round trip at the end of a subject's publishing.
  const [referrers, tags] = await Promise.all([
    where.referrers ? registry.listReferrers(repo, digest, BUNDLE_MEDIA_TYPE) : [],
    Promise.all(where.tags.map(suffix => tagged(cosignTag(digest, suffix))))
  ])
  const found: Found[] = referrers.map(ref => ({
    source: 'referrer' as const,
    where: ref.digest,
    digest: ref.digest,
    read: once(() => readReferrer(registry, repo, digest, ref.digest))
  }))
  where.tags.forEach((suffix, t) => {
    const tag = cosignTag(digest, suffix)
    for (const [i, layer] of (tags[t]?.layers ?? []).entries()) {
      const annotations = layer.annotations ?? {}
      found.push({
        source: 'tag',
        where: `${tag} layer ${i}`,
        digest: layer.digest,
        tag,
        annotations,
        read: once(async () => {
          const bytes = await registry.readBlob(repo, layer.digest, layer.size)
          try {
            const bundle = bundleFromLayer(bytes, annotations, suffix)
            return suffix === 'sig' ? { bundle, artifact: bytes } : { bundle }
          } catch (cause) {
            throw new CheckFailed(
              `layer annotations do not form a verifiable signature: ${errorText(cause)}`,
              { cause }
            )
          }
        })
      })
    }
  })
  return found
}
