// cosign's tag layout: `sha256-<hex>.sig` / `.att` tags whose image layers each hold one signature.
import { computeDigest } from '../oci/digest.js'
import { isBlobUnknown } from '../oci/errors.js'
import { digestTag } from '../oci/name.js'
import { OCI_CONFIG, OCI_MANIFEST } from '../oci/media-types.js'
import type { Descriptor, ImageManifest } from '../oci/manifest.js'
import type { ImageReference } from '../oci/reference.js'
import type { PublishRegistry } from '../oci/publish-registry.js'
import type { ConvergeOptions, TagSpec, TagState, TagWriters } from '../oci/tag-writer.js'

export const SIMPLE_SIGNING_MEDIA_TYPE = 'application/vnd.dev.cosign.simplesigning.v1+json'
export const DSSE_MEDIA_TYPE = 'application/vnd.dsse.envelope.v1+json'

export const ANNOTATION = {
  signature: 'dev.cosignproject.cosign/signature',
  certificate: 'dev.sigstore.cosign/certificate',
  chain: 'dev.sigstore.cosign/chain',
  bundle: 'dev.sigstore.cosign/bundle',
  timestamp: 'dev.sigstore.cosign/rfc3161timestamp',
  predicateType: 'predicateType'
} as const

export interface CosignLayer {
  mediaType: string
  bytes: Buffer
  annotations: Record<string, string>
  /** Bytes made by this run (they hold its signature): uploaded without asking whether they exist. */
  fresh?: boolean
}

export type TagSuffix = 'sig' | 'att'

/** `sha256:<hex>` → `sha256-<hex>.sig`. */
export function cosignTag(subjectDigest: string, suffix: TagSuffix): string {
  return `${digestTag(subjectDigest)}.${suffix}`
}

/** Config that keeps rootfs.diff_ids equal to the (uncompressed) layer digests, as cosign writes it. */
export function layoutConfig(layers: Descriptor[]): Buffer {
  const epoch = '0001-01-01T00:00:00Z'
  return Buffer.from(
    JSON.stringify({
      architecture: '',
      created: epoch,
      history: layers.map(() => ({ created: epoch })),
      os: '',
      rootfs: { type: 'layers', diff_ids: layers.map(l => l.digest) },
      config: {}
    })
  )
}

/** A layer in the tag; `bytes` only for ours (another writer's layer is in the repository already). */
interface TagLayer {
  descriptor: Descriptor
  bytes?: Buffer
}

type TagRead = TagState<TagLayer> & { manifest: ImageManifest }

const layerKey = (l: TagLayer): string =>
  `${l.descriptor.digest} ${JSON.stringify(sorted(l.descriptor.annotations))}`
const sorted = (a: Record<string, string> = {}): [string, string][] =>
  Object.entries(a).sort(([x], [y]) => (x < y ? -1 : 1))

/**
 * The tag for convergeTag. A write uploads the config and those of our layers the tag just read does not
 * list (re-sending a small blob that happened to be there is harmless; fresh ones went up already), then
 * PUTs the manifest, with If-Match where the registry gave an ETag.
 */
function cosignTagSpec(
  registry: PublishRegistry,
  repo: ImageReference,
  tagRef: ImageReference,
  uploads: Map<string, Promise<unknown>>
): TagSpec<TagLayer, TagRead> {
  return {
    tag: tagRef.toString(),
    key: layerKey,
    read: async () => {
      try {
        const fetched = await registry.getManifest(tagRef, { accept: [OCI_MANIFEST] })
        const manifest = fetched.json as ImageManifest
        return {
          manifest,
          digest: fetched.digest,
          entries: manifest.layers.map(descriptor => ({ descriptor })),
          ...(fetched.etag ? { etag: fetched.etag } : {})
        }
      } catch (err) {
        if ((err as { code?: string }).code === 'REGISTRY_NOT_FOUND') return undefined
        throw err
      }
    },
    prepare: async (current, entries) => {
      const listed = new Set(current?.manifest.layers.map(l => l.digest))
      for (const { descriptor, bytes } of entries) {
        if (!bytes || listed.has(descriptor.digest) || uploads.has(descriptor.digest)) continue
        uploads.set(
          descriptor.digest,
          registry.uploadBlob(repo, bytes, descriptor.digest, bytes.length, { fresh: true })
        )
      }
      const layers = entries.map(e => e.descriptor)
      const config = layoutConfig(layers)
      const configDigest = computeDigest(config)
      await Promise.all([
        registry.uploadBlob(repo, config, configDigest, config.length, { fresh: true }),
        ...uploads.values()
      ])
    },
    write: async (current, entries) => {
      const layers = entries.map(e => e.descriptor)
      const config = layoutConfig(layers)
      const configDigest = computeDigest(config)
      const manifest: ImageManifest = {
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        config: { mediaType: OCI_CONFIG, size: config.length, digest: configDigest },
        layers,
        ...(current?.manifest.annotations ? { annotations: current.manifest.annotations } : {})
      }
      const bytes = Buffer.from(JSON.stringify(manifest))
      const etag = current?.etag
      // No retry inside the HTTP client: a write sent late could drop what another job added since our read;
      // convergeTag re-reads and re-merges instead.
      const put = () =>
        registry.putManifest(tagRef, bytes, OCI_MANIFEST, {
          retry: false,
          ...(etag ? { ifMatch: etag } : {})
        })
      try {
        return (await put()).digest
      } catch (err) {
        if (!isBlobUnknown(err)) throw err
        // Parallel jobs that merged the same layers commit the same config at once, and distribution 2.8 can
        // lose that blob's link then: upload it (and ours) again. The write itself is not re-sent from here (the
        // uploads take time, and the state read before them may be stale): convergeTag reads, merges and writes.
        await Promise.all([
          registry.uploadBlob(repo, config, configDigest, config.length, { fresh: true }),
          ...entries.flatMap(({ descriptor, bytes: b }) =>
            b ? [registry.uploadBlob(repo, b, descriptor.digest, b.length, { fresh: true })] : []
          )
        ])
        throw err
      }
    }
  }
}

export interface AppendResult {
  tag: string
  manifestDigest: string
  /** The tag as the confirming re-read (after our last write) found it. */
  manifest: ImageManifest
  layerDigests: string[]
}

/**
 * Appends our layers to the tag (absent = empty) and returns once a re-read after our last write holds them
 * all; convergeTag merges again when a parallel job's write dropped them.
 */
export async function appendToCosignTag(
  registry: PublishRegistry,
  writers: TagWriters,
  repo: ImageReference,
  subjectDigest: string,
  suffix: TagSuffix,
  layers: CosignLayer[],
  opts: ConvergeOptions = {}
): Promise<AppendResult> {
  const tag = cosignTag(subjectDigest, suffix)
  const tagRef = repo.withTag(tag)
  const ours: TagLayer[] = layers.map(layer => ({
    descriptor: {
      mediaType: layer.mediaType,
      digest: computeDigest(layer.bytes),
      size: layer.bytes.length,
      annotations: layer.annotations
    },
    bytes: layer.bytes
  }))
  // Layers holding this run's signatures cannot be there yet: they go up while the tag is read.
  const uploads = new Map<string, Promise<unknown>>()
  layers.forEach((layer, i) => {
    if (!layer.fresh) return
    const digest = ours[i]!.descriptor.digest
    const up = registry.uploadBlob(repo, layer.bytes, digest, layer.bytes.length, { fresh: true })
    up.catch(() => undefined) // awaited before the manifest PUT; a failure before that must not go unhandled
    uploads.set(digest, up)
  })
  // The .sig and .att tags of a repository may be written side by side; one tag's writes go one at a time.
  const spec = cosignTagSpec(registry, repo, tagRef, uploads)
  const { current } = await writers.add(`${repo.repoString()}:${tag}`, ours, spec, opts)
  return {
    tag,
    manifestDigest: current.digest,
    manifest: current.manifest,
    layerDigests: ours.map(o => o.descriptor.digest)
  }
}
