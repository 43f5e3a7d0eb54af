// Proves every subject's repository accepts our writes before anything is signed: a refusal after Rekor has
// logged would leave public entries for attestations that exist nowhere.
import { errorText } from '../errors/index.js'
import { parseReference } from '../oci/reference.js'
import type { ImageReference } from '../oci/reference.js'
import { PipelineError } from './errors.js'

export const WRITE_PROBE_PHASE = 'Registry: check write access'

/** What the probe needs of the registry client: an upload session opened and cancelled, nothing stored. */
export interface PushAccessChecker {
  checkPushAccess(repo: ImageReference): Promise<void>
}

/** One probe per repository of the subjects (`registry/repo@digest`), all at once. */
export async function probeWriteAccess(registry: PushAccessChecker, subjects: string[]): Promise<void> {
  const byRepository = new Map<string, string>()
  for (const s of subjects) {
    const repository = parseReference(s).repoString()
    if (!byRepository.has(repository)) byRepository.set(repository, s)
  }
  await Promise.all(
    [...byRepository].map(async ([repository, subject]) => {
      try {
        await registry.checkPushAccess(parseReference(repository))
      } catch (cause) {
        throw new PipelineError(
          'WRITE_ACCESS_DENIED',
          subject,
          WRITE_PROBE_PHASE,
          `${repository} does not accept writes with the credentials at hand, so nothing was signed or ` +
            `logged: ${errorText(cause)}`,
          { cause }
        )
      }
    })
  )
}
