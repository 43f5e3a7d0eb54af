// The run's file subjects: statements and sign-blob bundles written under the runner's temp folder.
import { join } from 'node:path'
import type { SbomPredicate } from '../../attest/sbom-predicate.js'
import type { GitHubAttestationStore } from '../../publish/github-store.js'
import { attestFiles } from '../attest-files.js'
import type { FileReport } from '../attest-files.js'
import type { Plan } from '../plan.js'
import type { SigningSession } from '../session.js'
import type { ActionInputs } from './inputs.js'
import type { Phases } from './phases.js'
import type { Ui } from './ui.js'

export async function fileStep(
  plan: Plan,
  inputs: Pick<ActionInputs, 'provenance' | 'customPredicate'>,
  o: {
    /** The caller's SBOM file: files get one only when given (there is nothing to generate one from). */
    sbom: SbomPredicate | undefined
    session: SigningSession
    githubStore: GitHubAttestationStore | undefined
    runnerTemp: string
    dryRun: boolean
    phases: Phases
    ui: Ui
  }
): Promise<FileReport | undefined> {
  if (!plan.files.length) return undefined
  return o.phases.run(`Sign files (${plan.files.length}), write bundles`, async () => {
    const r = await attestFiles(
      {
        files: plan.files,
        provenance: inputs.provenance,
        ...(o.sbom ? { sbom: o.sbom } : {}),
        ...(inputs.customPredicate ? { custom: inputs.customPredicate } : {}),
        bundleDir: join(o.runnerTemp, o.dryRun ? 'oci-attest-dry-run-files' : 'oci-attest-files'),
        // A dry run's self-signed key is trusted by nothing, so its bundles are not verified (as for images).
        verifyBeforeWrite: !o.dryRun
      },
      { session: o.session, ...(o.githubStore ? { githubStore: o.githubStore } : {}) }
    )
    for (const s of r.signatures) o.ui.info(`${s.subject.ref}: signature ${s.item.bundlePath}`)
    for (const s of r.statements) o.ui.info(`${r.files.length} file(s): ${s.kind} ${s.bundlePath}`)
    return r
  })
}
