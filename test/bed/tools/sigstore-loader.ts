// Starts the local Sigstore stack and keeps the part of it that belongs in state.json.
import { startSigstoreStack } from '../sigstore/index.js'
import type { SigstoreState } from '../state.js'

export interface RunningSigstore {
  state: SigstoreState
  close(): Promise<void>
}

export async function startSigstore(dir: string, say: (line: string) => void): Promise<RunningSigstore> {
  const stack = await startSigstoreStack({ dir })
  const state: SigstoreState = {
    oidcUrl: stack.oidcUrl,
    issuer: stack.issuer,
    tokenRequestUrl: stack.tokenRequestUrl,
    tokenRequestToken: stack.tokenRequestToken,
    fulcioUrl: stack.fulcioUrl,
    rekorUrl: stack.rekorUrl,
    tsaUrl: stack.tsaUrl,
    trustedRootPath: stack.trustedRootPath,
    signingConfigPath: stack.signingConfigPath,
    fulcioRootsPemPath: stack.fulcioRootsPemPath,
    rekorPublicKeyPath: stack.rekorPublicKeyPath,
    ctlogPublicKeyPath: stack.ctlogPublicKeyPath,
    tsaCertChainPath: stack.tsaCertChainPath,
    tufUrl: stack.tufUrl,
    tufRootPath: stack.tufRootPath,
    adminUrl: stack.adminUrl
  }
  say(`sigstore stack: fulcio ${state.fulcioUrl}, rekor ${state.rekorUrl}, oidc ${state.oidcUrl}`)
  return { state, close: () => stack.close() }
}
