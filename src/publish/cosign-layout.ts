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
): Promise<{ digest: string; manifest: ImageManifest } | undefined> {
  try {
    const fetched = await registry.getManifest(tagRef, { accept: [OCI_MANIFEST] })
    return { digest: fetched.digest, manifest: fetched.json as ImageManifest }
  } catch (err) {
    if ((err as { code?: string }).code === 'REGISTRY_NOT_FOUND') return undefined
    throw err
  }
}

const CONFIRM_ATTEMPTS = 3

interface Pending {
  layers: CosignLayer[]
  added: Descriptor[]
  /** Uploads already under way (fresh layers start before the tag is read), by digest. */
  uploads: Map<string, Promise<unknown>>
}

/**
 * GET, merge our layers in, write config and manifest; returns the manifest digest, and whether the tag was
 * written (it is not when every layer of ours is there already). The tag just read answers which blobs the
 * repository has: a layer or config it does not list goes up without a HEAD (re-sending a small blob that
 * happened to be there is harmless), one it lists is not sent again.
 */
async function writeMerged(
  registry: PublishRegistry,
  repo: ImageReference,
  tagRef: ImageReference,
  p: Pending
): Promise<{ digest: string; written: boolean }> {
  const existing = await readTag(registry, tagRef)
  const present = existing?.manifest.layers ?? []
  const merged = mergeLayers(present, p.added)
  if (existing && merged.length === present.length) return { digest: existing.digest, written: false }
  const listed = new Set(present.map(l => l.digest))
  p.added.forEach((a, i) => {
    if (listed.has(a.digest) || p.uploads.has(a.digest)) return
    const bytes = p.layers[i]!.bytes
    p.uploads.set(a.digest, registry.uploadBlob(repo, bytes, a.digest, bytes.length, { fresh: true }))
  })
  const config = layoutConfig(merged)
  const configDigest = computeDigest(config)
  await Promise.all([
    registry.uploadBlob(repo, config, configDigest, config.length, { fresh: true }),
    ...p.uploads.values()
  ])
  const manifest: ImageManifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: OCI_CONFIG, size: config.length, digest: configDigest },
    layers: merged,
    ...(existing?.manifest.annotations ? { annotations: existing.manifest.annotations } : {})
  }
  const bytes = Buffer.from(JSON.stringify(manifest))
  return { digest: (await registry.putManifest(tagRef, bytes, OCI_MANIFEST)).digest, written: true }
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
  // Layers holding this run's signatures cannot be there yet: they go up while the tag is read.
  const uploads = new Map<string, Promise<unknown>>()
  layers.forEach((layer, i) => {
    if (!layer.fresh) return
    const up = registry.uploadBlob(repo, layer.bytes, added[i]!.digest, layer.bytes.length, { fresh: true })
    up.catch(() => undefined) // awaited before the manifest PUT; a failure before that must not go unhandled
    uploads.set(added[i]!.digest, up)
  })
  const pending: Pending = { layers, added, uploads }
  // Writers of one tag are serialised; the .sig and .att tags of a repository may be written side by side.
  return locks.run(`${repo.repoString()}:${tag}`, async () => {
    // Other processes (a parallel job, cosign) do not share our lock: if our layers vanish, merge again.
    for (let attempt = 1; ; attempt++) {
      const { digest, written } = await writeMerged(registry, repo, tagRef, pending)
      // Nothing to write means the read under the lock already showed every layer of ours.
      const reread = written
        ? ((await registry.getManifest(tagRef, { accept: [OCI_MANIFEST] })).json as ImageManifest)
        : undefined
      const missing = reread
        ? added.filter(
            a =>
              !reread.layers.some(l => l.digest === a.digest && sameAnnotations(l.annotations, a.annotations))
          )
        : []
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
