// Environment for cosign's environment-variable trust mode against the bed's Sigstore stack.
import { join } from 'node:path'
import type { BedState } from '../state.js'

export type CosignVersion = 'v2' | 'v3'

export function cosignEnv(state: BedState, version: CosignVersion): Record<string, string> {
  const s = state.sigstore
  return {
    SIGSTORE_ROOT_FILE: s.fulcioRootsPemPath,
    SIGSTORE_REKOR_PUBLIC_KEY: s.rekorPublicKeyPath,
    SIGSTORE_CT_LOG_PUBLIC_KEY_FILE: s.ctlogPublicKeyPath,
    SIGSTORE_TSA_CERTIFICATE_FILE: s.tsaCertChainPath,
    // A cache of its own per version, so nothing falls back to ~/.sigstore or the public TUF repository.
    TUF_ROOT: join(state.dir, 'cosign', version, 'tuf')
  }
}
