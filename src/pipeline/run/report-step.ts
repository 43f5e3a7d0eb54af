// The run's end: outputs (and created_attestation_paths.txt), then the job summary when asked for.
import { errorText } from '../../errors/index.js'
import type { FileReport } from '../attest-files.js'
import type { AttestReport } from '../attest-subjects.js'
import type { WouldPush } from '../dry-run-report.js'
import type { Plan } from '../plan.js'
import type { RunContext } from './context.js'
import type { ActionInputs } from './inputs.js'
import { setOutputs } from './outputs.js'
import type { Phases } from './phases.js'
import type { PreparedSboms } from './sbom-step.js'
import { writeSummary } from './summary.js'
import type { Ui } from './ui.js'
import type { SigstoreServices } from '../../sigstore/signing-config/index.js'

export interface RunEnd {
  inputs: ActionInputs
  context: RunContext
  plan: Plan
  report: AttestReport
  /** The run's file subjects, signed and listed in their statements (when there were any). */
  files?: FileReport
  sboms: PreparedSboms
  rekorUrl: string
  /** The Fulcio, Rekor and TSA used (a dry run: what a real run would use, when known without TUF). */
  services?: SigstoreServices
  dryRun: boolean
  dryRunReason: string
  pushed: boolean
  wouldPush: WouldPush[]
}

export async function reportRun(ui: Ui, phases: Phases, e: RunEnd): Promise<void> {
  await setOutputs(ui, {
    digests: e.plan.digests,
    report: e.report,
    ...(e.files ? { files: e.files } : {}),
    rekorUrl: e.rekorUrl,
    ...(e.services ? { services: e.services } : {}),
    sbomPaths: e.sboms.paths,
    dryRun: e.dryRun,
    runnerTemp: e.context.runnerTemp,
    recordPaths: e.context.onRunner
  })
  if (!e.inputs.showSummary) return
  await writeSummary(ui, {
    plan: e.plan,
    report: e.report,
    ...(e.files ? { files: e.files } : {}),
    dryRun: e.dryRun,
    dryRunReason: e.dryRunReason,
    rekorUrl: e.rekorUrl,
    ...(e.services ? { services: e.services } : {}),
    formats: e.inputs.formats,
    ...(e.context.repository ? { repository: e.context.repository } : {}),
    ...(e.inputs.trustedRoot ? { trustedRoot: e.inputs.trustedRoot } : {}),
    wouldPush: e.wouldPush,
    sbomPackages: e.sboms.packages,
    pushed: e.pushed,
    timings: phases.timings
  }).catch(err => ui.warning(`job summary not written: ${errorText(err)}`))
}
