// Plan: every input resolved to `registry/repository@sha256:…` once, up front; indexes expanded per `platforms`.
import { errorText } from '../errors/index.js'
import { isIndexMediaType } from '../oci/media-types.js'
import type { Descriptor, FetchedManifest, ImageIndex, ImageManifest, Platform } from '../oci/manifest.js'
import { parseReference } from '../oci/reference.js'
import type { ImageReference } from '../oci/reference.js'
import type { PublishRegistry } from '../oci/publish-registry.js'
import { PipelineError } from './errors.js'

export const HELM_CONFIG_MEDIA_TYPE = 'application/vnd.cncf.helm.config.v1+json'
const IMAGE_CONFIG_MEDIA_TYPES = new Set([
  'application/vnd.oci.image.config.v1+json',
  'application/vnd.docker.container.image.v1+json'
])

export type PlatformSelection = 'both' | 'index' | 'platforms'
export type SubjectKind = 'index' | 'image' | 'chart' | 'artifact'

export interface PlannedSubject {
  /** The input line this subject came from. */
  input: string
  /** `registry/repository`, no tag or digest. */
  repository: string
  digest: string
  mediaType: string
  size: number
  kind: SubjectKind
  /** `os/arch[/variant]` for a platform image of an index. */
  platform?: string
  /** The index digest a platform image was found in. */
  index?: string
  /** Only container images have layers an SBOM can be read from. */
  sbomEligible: boolean
}

export interface Plan {
  subjects: PlannedSubject[]
  /** Each input as given → its digest. */
  digests: Record<string, string>
  skipped: { repository: string; digest: string; platform: string; reason: string }[]
}

export type PlanRegistry = Pick<PublishRegistry, 'getManifest'>

export function platformString(p: Platform | undefined): string {
  if (!p) return 'unknown/unknown'
  return [p.os, p.architecture, p.variant].filter(Boolean).join('/')
}

function kindOf(manifest: FetchedManifest): SubjectKind {
  if (isIndexMediaType(manifest.mediaType)) return 'index'
  const config = (manifest.json as ImageManifest).config?.mediaType ?? ''
  if (config === HELM_CONFIG_MEDIA_TYPE) return 'chart'
  return IMAGE_CONFIG_MEDIA_TYPES.has(config) ? 'image' : 'artifact'
}

async function fetchSubject(
  registry: PlanRegistry,
  input: string,
  ref: ImageReference
): Promise<FetchedManifest> {
  try {
    return await registry.getManifest(ref)
  } catch (cause) {
    const code = (cause as { code?: string }).code
    const what = ref.digest
      ? `${ref.digest} is not in ${ref.repoString()}`
      : `tag ${ref.tag ?? 'latest'} is not in ${ref.repoString()}`
    throw new PipelineError(
      code === 'REGISTRY_NOT_FOUND' ? 'SUBJECT_NOT_FOUND' : 'SUBJECT_FAILED',
      input,
      'plan',
      code === 'REGISTRY_NOT_FOUND'
        ? `${what}; push the artifact first, or fix the reference (nothing was signed or logged)`
        : `cannot read it: ${errorText(cause)}`,
      { cause }
    )
  }
}

export async function planSubjects(
  registry: PlanRegistry,
  inputs: string[],
  platforms: PlatformSelection
): Promise<Plan> {
  const plan: Plan = { subjects: [], digests: {}, skipped: [] }
  const seen = new Set<string>()
  const add = (s: PlannedSubject): void => {
    const key = `${s.repository}@${s.digest}`
    if (seen.has(key)) return
    seen.add(key)
    plan.subjects.push(s)
  }
  const resolved = await Promise.all(
    inputs.map(async input => {
      let ref: ImageReference
      try {
        ref = parseReference(input)
      } catch (cause) {
        throw new PipelineError(
          'SUBJECT_INVALID',
          input,
          'plan',
          `not an image reference (${errorText(cause)}); write registry/repository@sha256:<hex> or registry/repository:tag`,
          { cause }
        )
      }
      return { input, ref, manifest: await fetchSubject(registry, input, ref) }
    })
  )
  for (const { input, ref, manifest } of resolved) {
    const repository = ref.repoString()
    plan.digests[input] = manifest.digest
    const kind = kindOf(manifest)
    const own = {
      input,
      repository,
      digest: manifest.digest,
      mediaType: manifest.mediaType,
      size: manifest.size
    }
    if (kind !== 'index') {
      add({ ...own, kind, sbomEligible: kind === 'image' })
      continue
    }
    if (platforms !== 'platforms') add({ ...own, kind, sbomEligible: false })
    if (platforms === 'index') continue
    const children: Descriptor[] = []
    for (const child of (manifest.json as ImageIndex).manifests ?? []) {
      const platform = platformString(child.platform)
      if (platform.startsWith('unknown/unknown')) {
        plan.skipped.push({
          repository,
          digest: child.digest,
          platform,
          reason: 'attestation manifest (unknown/unknown)'
        })
        continue
      }
      children.push(child)
    }
    // Each platform manifest is read (and digest-checked) before anything is signed for it.
    await Promise.all(children.map(child => fetchChild(registry, input, ref, manifest.digest, child)))
    for (const child of children)
      add(childSubject(input, repository, manifest.digest, child, platformString(child.platform)))
  }
  return plan
}

async function fetchChild(
  registry: PlanRegistry,
  input: string,
  ref: ImageReference,
  index: string,
  child: Descriptor
): Promise<void> {
  const where = `platform manifest ${child.digest} (${platformString(child.platform)}) of index ${index}`
  try {
    await registry.getManifest(ref.withDigest(child.digest))
  } catch (cause) {
    const missing = (cause as { code?: string }).code === 'REGISTRY_NOT_FOUND'
    throw new PipelineError(
      missing ? 'SUBJECT_NOT_FOUND' : 'SUBJECT_FAILED',
      input,
      'plan',
      missing
        ? `${where} is not in ${ref.repoString()}; push every platform image before signing, or set platforms: index (nothing was signed or logged)`
        : `cannot read ${where}: ${errorText(cause)}`,
      { cause }
    )
  }
}

function childSubject(
  input: string,
  repository: string,
  index: string,
  child: Descriptor,
  platform: string
): PlannedSubject {
  const nested = isIndexMediaType(child.mediaType)
  return {
    input,
    repository,
    digest: child.digest,
    mediaType: child.mediaType,
    size: child.size,
    kind: nested ? 'index' : 'image',
    platform,
    index,
    sbomEligible: !nested
  }
}
