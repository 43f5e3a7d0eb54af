// The one way the bed asks sigstore-python to verify a bundle: identity policy, the bed's client trust config.
import { dirname, join } from 'node:path'
import type { BedState } from '../state.js'
import { requireSigstore } from '../state.js'

export interface PythonVerify {
  bundle: string
  /** The artifact the bundle is about: `sha256:<hex>` for an image digest. */
  artifact: string
  identity: string
  issuer: string
}

/** Program and arguments for `python -m sigstore verify identity` against the bed's stack. */
export function sigstorePythonVerifyCommand(state: BedState, v: PythonVerify): [string, string[]] {
  const trustConfig = join(dirname(requireSigstore(state).trustedRootPath), 'client_trust_config.json')
  return [
    state.tools.sigstorePython,
    [
      '-m',
      'sigstore',
      '--trust-config',
      trustConfig,
      'verify',
      'identity',
      '--bundle',
      v.bundle,
      '--cert-identity',
      v.identity,
      '--cert-oidc-issuer',
      v.issuer,
      v.artifact
    ]
  ]
}
