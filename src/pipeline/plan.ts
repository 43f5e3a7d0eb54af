// Plan: every input resolved to `registry/repository@sha256:…` once, up front; indexes expanded per `platforms`.
import { errorText } from '../errors/index.js'
import { isIndexMediaType } from '../oci/media-types.js'
import type { Descriptor, FetchedManifest, ImageIndex, ImageManifest } from '../oci/manifest.js'
import { parseDigest, Repository } from '../oci/name.js'
import { platformString } from '../oci/platform.js'
import { parseReference } from '../oci/reference.js'
import type { ImageReference } from '../oci/reference.js'
import type { PublishRegistry } from '../oci/publish-registry.js'
import type { FileSubject, ImageKind, RegistrySubject } from '../subject/index.js'
import { PipelineError } from './errors.js'

export const HELM_CONFIG_MEDIA_TYPE = 'application/vnd.cncf.helm.config.v1+json'
const IMAGE_CONFIG_MEDIA_TYPES = new Set([
  'application/vnd.oci.image.config.v1+json',
  'application/vnd.docker.container.image.v1+json'
])

export type PlatformSelection = 'both' | 'index' | 'platforms'

export interface Plan {
  /** What is in registries: the stages that push switch on this list. */
  subjects: RegistrySubject[]
  /** Files on the runner and checksums lines (plan-files.ts): signed and written to files, never pushed. */
  files: FileSubject[]
  /** Each input as given → its digest. */
  digests: Record<string, string>
  skipped: { repository: string; digest: string; platform: string; reason: string }[]
}

export type PlanRegistry = Pick<PublishRegistry, 'getManifest'>

function kindOf(manifest: FetchedManifest): ImageKind {
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

/** An input line and its reference, parsed once for the whole run (credentials read its registry too). */
export interface SubjectInput {
  input: string
  ref: ImageReference
}

export function parseSubjectInputs(inputs: readonly string[]): SubjectInput[] {
  return inputs.map(input => {
    try {
      return { input, ref: parseReference(input) }
    } catch (cause) {
      throw new PipelineError(
        'SUBJECT_INVALID',
        input,
        'plan',
        `not an image reference (${errorText(cause)}); write registry/repository@sha256:<hex> or registry/repository:tag`,
        { cause }
      )
    }
  })
}

export async function planSubjects(
  registry: PlanRegistry,
  inputs: readonly string[] | readonly SubjectInput[],
  platforms: PlatformSelection
): Promise<Plan> {
  const parsed = inputs.map(i => (typeof i === 'string' ? parseSubjectInputs([i])[0]! : i))
  const plan: Plan = { subjects: [], files: [], digests: {}, skipped: [] }
  const seen = new Set<string>()
  const add = (s: RegistrySubject): void => {
    if (seen.has(s.ref)) return
    seen.add(s.ref)
    plan.subjects.push(s)
  }
  const resolved = await Promise.all(
    parsed.map(async ({ input, ref }) => ({ input, ref, manifest: await fetchSubject(registry, input, ref) }))
  )
  for (const { input, ref, manifest } of resolved) {
    const repository = Repository.of(ref)
    plan.digests[input] = manifest.digest
    const kind = kindOf(manifest)
    const own = subjectOf(input, repository, manifest, kind)
    if (kind !== 'index') {
      add(own)
      continue
    }
    if (platforms !== 'platforms') add(own)
    if (platforms === 'index') continue
    const children: Descriptor[] = []
    for (const child of (manifest.json as ImageIndex).manifests ?? []) {
      const platform = platformString(child.platform)
      if (platform.startsWith('unknown/unknown')) {
        plan.skipped.push({
          repository: repository.toString(),
          digest: child.digest,
          platform,
          reason: 'attestation manifest (unknown/unknown)'
        })
        continue
      }
      children.push(child)
    }
    // Each platform manifest is read (and digest-checked) before anything is signed for it, and kept.
    const fetched = await Promise.all(
      children.map(child => fetchChild(registry, input, repository, manifest.digest, child))
    )
    children.forEach((child, i) => {
      const nested = isIndexMediaType(child.mediaType)
      add({
        ...subjectOf(input, repository, fetched[i]!, nested ? 'index' : 'image'),
        platform: platformString(child.platform),
        index: own.digest
      })
    })
  }
  return plan
}

function subjectOf(
  input: string,
  repository: Repository,
  manifest: FetchedManifest,
  kind: ImageKind
): RegistrySubject {
  const digest = parseDigest(manifest.digest)
  return {
    source: 'registry',
    input,
    repository,
    digest,
    ref: `${repository}@${digest}`,
    descriptor: { mediaType: manifest.mediaType, digest, size: manifest.size },
    kind,
    manifest
  }
}

async function fetchChild(
  registry: PlanRegistry,
  input: string,
  repository: Repository,
  index: string,
  child: Descriptor
): Promise<FetchedManifest> {
  const where = `platform manifest ${child.digest} (${platformString(child.platform)}) of index ${index}`
  try {
    return await registry.getManifest(repository.withDigest(child.digest))
  } catch (cause) {
    const missing = (cause as { code?: string }).code === 'REGISTRY_NOT_FOUND'
    throw new PipelineError(
      missing ? 'SUBJECT_NOT_FOUND' : 'SUBJECT_FAILED',
      input,
      'plan',
      missing
        ? `${where} is not in ${repository}; push every platform image before signing, or set platforms: index (nothing was signed or logged)`
        : `cannot read ${where}: ${errorText(cause)}`,
      { cause }
    )
  }
}
