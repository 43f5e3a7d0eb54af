// Subjects are `registry/repository@sha256:…`; each must exist before anything about it is signed or logged.
import { parseReference } from '../oci/reference.js'
import type { ImageReference } from '../oci/reference.js'
import type { Descriptor } from '../oci/manifest.js'
import type { PublishRegistry } from '../oci/publish-registry.js'
import { PipelineError } from './errors.js'

export interface ResolvedSubject {
  input: string
  repo: ImageReference
  digest: string
  /** The artifact's own descriptor, used as the referrers' `subject`. */
  descriptor: Descriptor
}

/** Strings are parsed and checked in the registry; subjects a plan already found pass through unchanged. */
export async function resolveSubjects(
  registry: PublishRegistry,
  inputs: ReadonlyArray<string | ResolvedSubject>
): Promise<ResolvedSubject[]> {
  const refs = inputs.map(input => {
    if (typeof input !== 'string') return input
    let ref: ImageReference
    try {
      ref = parseReference(input)
    } catch (cause) {
      throw new PipelineError('SUBJECT_INVALID', input, 'plan', 'not an image reference', { cause })
    }
    if (!ref.digest) {
      throw new PipelineError(
        'SUBJECT_INVALID',
        input,
        'plan',
        'needs a digest: give registry/repository@sha256:<hex>'
      )
    }
    return { input, ref, digest: ref.digest }
  })
  return Promise.all(
    refs.map(async subject => {
      if (!('ref' in subject)) return subject
      const { input, ref, digest } = subject
      const head = await registry.headManifest(ref)
      if (!head) {
        throw new PipelineError(
          'SUBJECT_NOT_FOUND',
          input,
          'plan',
          `${digest} is not in ${ref.repoString()}; push the artifact first (nothing was signed or logged)`
        )
      }
      const repo = parseReference(ref.repoString())
      return {
        input,
        repo,
        digest,
        descriptor: { mediaType: head.mediaType, digest: head.digest, size: head.size }
      }
    })
  )
}
