// A Sigstore bundle as an OCI 1.1 referrer of the artifact: referrers API, or the `sha256-<hex>` fallback index.
import { computeDigest } from '../oci/digest.js'
import { isBlobUnknown } from '../oci/errors.js'
import { EMPTY_JSON_DESCRIPTOR, OCI_MANIFEST } from '../oci/media-types.js'
import type { Descriptor, ImageManifest } from '../oci/manifest.js'
import type { ImageReference } from '../oci/reference.js'
import { joinReferrerBatch } from './referrer-batch.js'
import type { PublishRegistry } from '../oci/publish-registry.js'

export const BUNDLE_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json'
export const COSIGN_SIGN_PREDICATE = 'https://sigstore.dev/cosign/sign/v1'
/** What scanners filter referrers by (Trivy's VEX discovery, BuildKit-style readers) without downloading them. */
export const PREDICATE_TYPE_ANNOTATION = 'in-toto.io/predicate-type'
/** `oras pull` (and Trivy's artifact download) names the written file after it and skips layers without it. */
export const TITLE_ANNOTATION = 'org.opencontainers.image.title'

export interface ReferrerResult {
  manifestDigest: string
  /** 'api' when the registry indexes referrers itself, 'fallback-tag' when we maintained `sha256-<hex>`. */
  via: 'api' | 'fallback-tag'
}

export function referrerManifest(
  bundleJson: Buffer,
  subject: Descriptor,
  predicateType: string,
  created: Date,
  title = 'attestation.sigstore.json'
): ImageManifest {
  return {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: BUNDLE_MEDIA_TYPE,
    config: { ...EMPTY_JSON_DESCRIPTOR },
    layers: [
      {
        mediaType: BUNDLE_MEDIA_TYPE,
        digest: computeDigest(bundleJson),
        size: bundleJson.length,
        annotations: { [PREDICATE_TYPE_ANNOTATION]: predicateType, [TITLE_ANNOTATION]: title }
      }
    ],
    subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
    annotations: {
      'dev.sigstore.bundle.content': 'dsse-envelope',
      'dev.sigstore.bundle.predicateType': predicateType,
      [PREDICATE_TYPE_ANNOTATION]: predicateType,
      'org.opencontainers.image.created': created.toISOString().replace(/\.\d{3}Z$/, 'Z')
    }
  }
}

/** The `{}` config every referrer shares; upload it once before pushing several referrers. */
export async function uploadEmptyConfig(registry: PublishRegistry, repo: ImageReference): Promise<void> {
  await registry.uploadBlob(repo, Buffer.from('{}'), EMPTY_JSON_DESCRIPTOR.digest, EMPTY_JSON_DESCRIPTOR.size)
}

const uploadEmptyConfigAgain = (registry: PublishRegistry, repo: ImageReference) =>
  registry.uploadBlob(repo, Buffer.from('{}'), EMPTY_JSON_DESCRIPTOR.digest, EMPTY_JSON_DESCRIPTOR.size, {
    fresh: true
  })

export interface ReferrerPushOptions {
  /** The empty `{}` config is in the repository already. */
  emptyConfigPresent?: boolean
  /** Its upload, under way (shared by a subject's referrers): awaited only before the manifest PUT. */
  emptyConfig?: Promise<unknown>
}

export async function pushBundleReferrer(
  registry: PublishRegistry,
  repo: ImageReference,
  subject: Descriptor,
  bundleJson: Buffer,
  predicateType: string,
  opts: ReferrerPushOptions & { created?: Date; title?: string } = {}
): Promise<ReferrerResult> {
  const manifest = referrerManifest(
    bundleJson,
    subject,
    predicateType,
    opts.created ?? new Date(),
    opts.title
  )
  // A bundle holds a signature made in this run: new bytes, so no existence check.
  return pushArtifactReferrer(registry, repo, manifest, bundleJson, { ...opts, fresh: true })
}

/**
 * Pushes a one-layer artifact manifest that names its subject, and lists it in the fallback index where the
 * registry has no referrers API. Joins the subject's referrer batch synchronously, before its first await.
 */
export async function pushArtifactReferrer(
  registry: PublishRegistry,
  repo: ImageReference,
  manifest: ImageManifest,
  layerBytes: Buffer,
  opts: ReferrerPushOptions & { fresh?: boolean } = {}
): Promise<ReferrerResult> {
  const subjectDigest = manifest.subject!.digest
  const slot = joinReferrerBatch(registry, repo, subjectDigest) // before any await: siblings share a write
  try {
    // The manifest needs its config only when it is PUT: the layer goes up meanwhile.
    const config =
      opts.emptyConfig ?? (opts.emptyConfigPresent ? undefined : uploadEmptyConfig(registry, repo))
    config?.catch(() => undefined) // awaited below; a failed layer upload must not leave it unhandled
    const layer = manifest.layers[0]!
    await registry.uploadBlob(
      repo,
      layerBytes,
      layer.digest,
      layerBytes.length,
      opts.fresh ? { fresh: true } : {}
    )
    await config
    const bytes = Buffer.from(JSON.stringify(manifest))
    const manifestDigest = computeDigest(bytes)
    const put = () => registry.putManifest(repo.withDigest(manifestDigest), bytes, OCI_MANIFEST)
    await put().catch(async (err: unknown) => {
      if (!isBlobUnknown(err)) throw err
      // Parallel jobs commit the shared `{}` config at once; distribution 2.8 may lose its link: again, once.
      await Promise.all([
        uploadEmptyConfigAgain(registry, repo),
        registry.uploadBlob(repo, layerBytes, layer.digest, layerBytes.length, { fresh: true })
      ])
      await put()
    })
    if (await registry.supportsReferrersApi(repo)) return { manifestDigest, via: 'api' }
    await slot.add({
      mediaType: OCI_MANIFEST,
      digest: manifestDigest,
      size: bytes.length,
      ...(manifest.artifactType ? { artifactType: manifest.artifactType } : {}),
      ...(manifest.annotations ? { annotations: manifest.annotations } : {})
    })
    return { manifestDigest, via: 'fallback-tag' }
  } finally {
    slot.leave() // no-op after add; otherwise siblings must not wait for this one
  }
}
