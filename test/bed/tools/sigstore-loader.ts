// Starts test/bed/sigstore when that module exists; until it does the bed runs registries only and
// state.json has no "sigstore" (suites needing it fail through requireSigstore with a clear message).
import type { SigstoreState } from '../state.js'

export interface RunningSigstore {
  state: SigstoreState
  close(): Promise<void>
}

interface StackModule {
  startSigstoreStack(opts: { dir: string }): Promise<SigstoreState & { close(): Promise<void> }>
}

const MODULE = '../sigstore/index.js'

export async function startSigstoreIfPresent(
  dir: string,
  say: (line: string) => void
): Promise<RunningSigstore | undefined> {
  let mod: StackModule
  try {
    mod = (await import(MODULE)) as StackModule
  } catch (err) {
    const e = err as NodeJS.ErrnoException
    if (e.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes('sigstore/index')) {
      say('test/bed/sigstore is not there yet: running registries only (no "sigstore" in state.json)')
      return undefined
    }
    throw err
  }
  const stack = await mod.startSigstoreStack({ dir })
  const state: SigstoreState = {
    oidcUrl: stack.oidcUrl,
    issuer: stack.issuer,
    tokenRequestUrl: stack.tokenRequestUrl,
    tokenRequestToken: stack.tokenRequestToken,
    fulcioUrl: stack.fulcioUrl,
    rekorUrl: stack.rekorUrl,
    tsaUrl: stack.tsaUrl,
    trustedRootPath: stack.trustedRootPath,
    fulcioRootsPemPath: stack.fulcioRootsPemPath,
    rekorPublicKeyPath: stack.rekorPublicKeyPath,
    ctlogPublicKeyPath: stack.ctlogPublicKeyPath,
    tsaCertChainPath: stack.tsaCertChainPath,
    adminUrl: stack.adminUrl
  }
  say(`sigstore stack: fulcio ${state.fulcioUrl}, rekor ${state.rekorUrl}, oidc ${state.oidcUrl}`)
  return { state, close: () => stack.close() }
}
