// cosign's tag layout: `sha256-<hex>.sig` / `.att` tags whose image layers each hold one signature.
import { computeDigest } from '../oci/digest.js'
import { OCI_CONFIG, OCI_MANIFEST } from '../oci/media-types.js'
import type { Descriptor, ImageManifest } from '../oci/manifest.js'
import type { ImageReference } from '../oci/reference.js'
import { PublishError } from './errors.js'
import type { PublishRegistry } from './registry.js'
import type { RepositoryLocks } from './repo-lock.js'

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
  return `${subjectDigest.replace(':', '-')}.${suffix}`
}

const sameAnnotations = (a: Record<string, string> = {}, b: Record<string, string> = {}): boolean => {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every(k => a[k] === b[k])
}

/** Existing layers kept in order, ours appended unless an identical layer (bytes and annotations) is there. */
export function mergeLayers(existing: Descriptor[], added: Descriptor[]): Descriptor[] {
  const out = [...existing]
  for (const layer of added) {
    if (!out.some(l => l.digest === layer.digest && sameAnnotations(l.annotations, layer.annotations)))
      out.push(layer)
  }
  return out
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

/** The tag's manifest, or undefined when the tag does not exist yet (one GET instead of HEAD + GET). */
async function readTag(
  registry: PublishRegistry,
  tagRef: ImageReference
): Promise<ImageManifest | undefined> {
  try {
    return (await registry.getManifest(tagRef, { accept: [OCI_MANIFEST] })).json as ImageManifest
  } catch (err) {
    if ((err as { code?: string }).code === 'REGISTRY_NOT_FOUND') return undefined
    throw err
  }
}

const CONFIRM_ATTEMPTS = 3

/**
 * GET, merge our layers in, write config and manifest (once `layersUp` settled); returns the manifest digest.
 * A config listing a fresh layer of ours is new bytes too, so it skips the existence check.
 */
async function writeMerged(
  registry: PublishRegistry,
  repo: ImageReference,
  tagRef: ImageReference,
  added: Descriptor[],
  fresh: Set<string>,
  layersUp: Promise<unknown>
): Promise<string> {
  const existing = await readTag(registry, tagRef)
  const merged = mergeLayers(existing?.layers ?? [], added)
  const config = layoutConfig(merged)
  const configDigest = computeDigest(config)
  const newConfig = merged.some(l => fresh.has(l.digest))
  await Promise.all([
    registry.uploadBlob(repo, config, configDigest, config.length, { fresh: newConfig }),
    layersUp
  ])
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: OCI_CONFIG, size: config.length, digest: configDigest },
    layers: merged,
    ...(existing?.annotations ? { annotations: existing.annotations } : {})
  }
  return (await registry.putManifest(tagRef, Buffer.from(JSON.stringify(manifest)), OCI_MANIFEST)).digest
}

export interface AppendResult {
  tag: string
  manifestDigest: string
  layerDigests: string[]
}

/** GET the tag (absent = empty), append, PUT, then re-read to confirm every one of our layers is there. */
export async function appendToCosignTag(
  registry: PublishRegistry,
  locks: RepositoryLocks,
  repo: ImageReference,
  subjectDigest: string,
  suffix: TagSuffix,
  layers: CosignLayer[]
): Promise<AppendResult> {
  const tag = cosignTag(subjectDigest, suffix)
  const tagRef = repo.withTag(tag)
  const added: Descriptor[] = layers.map(layer => ({
    mediaType: layer.mediaType,
    digest: computeDigest(layer.bytes),
    size: layer.bytes.length,
    annotations: layer.annotations
  }))
  const fresh = new Set(added.filter((_, i) => layers[i]!.fresh).map(a => a.digest))
  // Layer blobs go up side by side while the tag is read; only the manifest PUT waits for them.
  const layersUp = Promise.all(
    layers.map((layer, i) =>
      registry.uploadBlob(repo, layer.bytes, added[i]!.digest, layer.bytes.length, {
        fresh: layer.fresh === true
      })
    )
  )
  layersUp.catch(() => undefined) // awaited below; a failure before that must not go unhandled
  // Writers of one tag are serialised; the .sig and .att tags of a repository may be written side by side.
  return locks.run(`${repo.repoString()}:${tag}`, async () => {
    // Other processes (a parallel job, cosign) do not share our lock: if our layers vanish, merge again.
    for (let attempt = 1; ; attempt++) {
      const digest = await writeMerged(registry, repo, tagRef, added, fresh, layersUp)
      const reread = (await registry.getManifest(tagRef, { accept: [OCI_MANIFEST] })).json as ImageManifest
      const missing = added.filter(
        a => !reread.layers.some(l => l.digest === a.digest && sameAnnotations(l.annotations, a.annotations))
      )
      if (missing.length === 0) return { tag, manifestDigest: digest, layerDigests: added.map(a => a.digest) }
      if (attempt >= CONFIRM_ATTEMPTS) {
        throw new PublishError(
          'PUBLISH_NOT_CONFIRMED',
          `${tagRef.toString()} was written ${attempt} times but re-reading it lacks ${missing.length} of our ` +
            'layers; another writer keeps replacing the tag. Run again when it is done (appending is safe)'
        )
      }
    }
  })
}
