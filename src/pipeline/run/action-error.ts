// Failures the run itself decides on (not a domain module's): a refused GitHub store, a failed dry-run check.
import { CodedError } from '../../errors/index.js'

export class ActionError extends CodedError<'GITHUB_ATTESTATION_REFUSED' | 'DRY_RUN_CHECK_FAILED'> {
  constructor(code: 'GITHUB_ATTESTATION_REFUSED' | 'DRY_RUN_CHECK_FAILED', message: string) {
    super(code, message)
    this.name = 'ActionError'
  }
}
