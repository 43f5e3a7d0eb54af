// Proves every subject's repository accepts our writes before anything is signed: a refusal after Rekor has
// logged would leave public entries for attestations that exist nowhere.
import { errorText } from '../errors/index.js'
import type { ImageReference } from '../oci/reference.js'
import type { RegistrySubject } from '../subject/index.js'
import { PipelineError } from './errors.js'

export const WRITE_PROBE_PHASE = 'Registry: check write access'

/** What the probe needs of the registry client: an upload session opened and cancelled, nothing stored. */
export interface PushAccessChecker {
  checkPushAccess(repo: ImageReference): Promise<void>
}

/** One probe per repository of the subjects, all at once. */
export async function probeWriteAccess(
  registry: PushAccessChecker,
  subjects: readonly Pick<RegistrySubject, 'repository' | 'ref'>[]
): Promise<void> {
  const byRepository = new Map<string, Pick<RegistrySubject, 'repository' | 'ref'>>()
  for (const s of subjects)
    if (!byRepository.has(s.repository.toString())) byRepository.set(s.repository.toString(), s)
  await Promise.all(
    [...byRepository].map(async ([repository, subject]) => {
      try {
        await registry.checkPushAccess(subject.repository)
      } catch (cause) {
        throw new PipelineError(
          'WRITE_ACCESS_DENIED',
          subject.ref,
          WRITE_PROBE_PHASE,
          `${repository} does not accept writes with the credentials at hand, so nothing was signed or ` +
            `logged: ${errorText(cause)}`,
          { cause }
        )
      }
    })
  )
}
