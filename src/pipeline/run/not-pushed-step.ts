// Runs that push nothing (dry run, push-to-registry: false): what would have been pushed, and for a dry run
// the verification a real run would do, against the stand-in trust.
import { checkDryRun, describeWrites } from '../dry-run-report.js'
import type { WouldPush } from '../dry-run-report.js'
import type { AttestReport } from '../attest-subjects.js'
import type { RecordingRegistry } from '../dry-run-registry.js'
import type { SigningSession } from '../session.js'
import { ActionError } from './action-error.js'
import type { Phases } from './phases.js'
import type { Ui } from './ui.js'

export function reportNotPushed(
  phases: Phases,
  ui: Ui,
  o: { recording: RecordingRegistry; report: AttestReport; session: SigningSession; dryRun: boolean }
): Promise<WouldPush[]> {
  const { recording, report, session, dryRun } = o
  return phases.run(
    dryRun ? 'DRY RUN: checks and what would be pushed' : 'Not pushed (push-to-registry: false)',
    async () => {
      const writes = describeWrites(recording)
      for (const w of writes) {
        ui.info(
          `${dryRun ? 'DRY RUN would push' : 'not pushed'}: ${w.target} — ${w.what}, ${w.mediaType}, ${w.size} B`
        )
        for (const c of w.contents) ui.info(`    ${c}`)
      }
      const problems = dryRun ? await checkDryRun(report, recording, session.published) : []
      if (problems.length)
        throw new ActionError('DRY_RUN_CHECK_FAILED', `a real run would fail: ${problems.join('; ')}`)
      if (dryRun)
        ui.info(`DRY RUN checks passed: bundles parse, DSSE signatures verify, subjects match, manifests fit`)
      return writes
    }
  )
}
