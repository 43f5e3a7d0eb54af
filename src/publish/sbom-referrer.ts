// The bare SBOM as an OCI artifact referrer (no signature): what `trivy --sbom-sources oci` and other
// registry-SBOM readers take first. Trivy downloads a single-layer referrer whose layer media type equals the
// descriptor's artifactType; oras names the file after the layer's title.
import type { SbomKind } from '../attest/sbom-predicate.js'
import { computeDigest } from '../oci/digest.js'
import { EMPTY_JSON_DESCRIPTOR, OCI_MANIFEST } from '../oci/media-types.js'
import type { Descriptor, ImageManifest } from '../oci/manifest.js'
import type { ImageReference } from '../oci/reference.js'
import { TITLE_ANNOTATION, pushArtifactReferrer } from './bundle-referrer.js'
import type { ReferrerPushOptions, ReferrerResult } from './bundle-referrer.js'
import type { PublishRegistry } from '../oci/publish-registry.js'

export const SBOM_ARTIFACT_TYPES: Record<SbomKind, string> = {
  cyclonedx: 'application/vnd.cyclonedx+json',
  spdx: 'application/spdx+json'
}
const FILE_NAMES: Record<SbomKind, string> = { cyclonedx: 'sbom.cdx.json', spdx: 'sbom.spdx.json' }

export function sbomReferrerManifest(
  document: Buffer,
  kind: SbomKind,
  subject: Descriptor,
  created: Date
): ImageManifest {
  const artifactType = SBOM_ARTIFACT_TYPES[kind]
  return {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType,
    config: { ...EMPTY_JSON_DESCRIPTOR },
    layers: [
      {
        mediaType: artifactType,
        digest: computeDigest(document),
        size: document.length,
        annotations: { [TITLE_ANNOTATION]: FILE_NAMES[kind] }
      }
    ],
    subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
    annotations: { 'org.opencontainers.image.created': created.toISOString().replace(/\.\d{3}Z$/, 'Z') }
  }
}

export function pushSbomReferrer(
  registry: PublishRegistry,
  repo: ImageReference,
  subject: Descriptor,
  sbom: { kind: SbomKind; predicate: object },
  opts: ReferrerPushOptions & { created?: Date } = {}
): Promise<ReferrerResult> {
  // The same document the SBOM attestation carries as its predicate.
  const document = Buffer.from(JSON.stringify(sbom.predicate))
  const manifest = sbomReferrerManifest(document, sbom.kind, subject, opts.created ?? new Date())
  return pushArtifactReferrer(registry, repo, manifest, document, opts)
}
