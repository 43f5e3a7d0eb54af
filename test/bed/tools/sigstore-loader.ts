// Starts the local Sigstore stack and keeps the part of it that belongs in state.json.
import { startSigstoreStack } from '../sigstore/index.js'
import type { TiedChild } from '../registries/tied-child.js'
import type { RealFulcioState, SigstoreState } from '../state.js'

export interface RunningSigstore {
  state: SigstoreState
  children: TiedChild[]
  close(): Promise<void>
}

export async function startSigstore(
  dir: string,
  say: (line: string) => void,
  opts: { realServers: boolean; realFulcio: boolean }
): Promise<RunningSigstore> {
  const stack = await startSigstoreStack({ dir, ...opts })
  const real = stack.real
  const fulcio = real?.fulcio
  const fulcioState: RealFulcioState | undefined =
    fulcio &&
    stack.realFulcioRootsPemPath &&
    stack.realCtlogPublicKeyPath &&
    stack.signingConfigRealFulcioPath &&
    stack.clientTrustConfigRealFulcioPath
      ? {
          url: fulcio.server.url,
          chainPath: stack.realFulcioRootsPemPath,
          issuer: fulcio.issuer.issuer,
          ctlogUrl: fulcio.server.ctlog.url,
          ctlogPublicKeyPath: stack.realCtlogPublicKeyPath,
          signingConfigPath: stack.signingConfigRealFulcioPath,
          clientTrustConfigPath: stack.clientTrustConfigRealFulcioPath,
          adminUrl: {
            fulcio: fulcio.server.adminUrl,
            ctlog: fulcio.server.ctlog.adminUrl,
            issuer: fulcio.issuer.adminUrl
          }
        }
      : undefined
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
    tufUrl: stack.tufUrl,
    tufRootPath: stack.tufRootPath,
    adminUrl: stack.adminUrl,
    signingConfigPath: stack.signingConfigPath,
    clientTrustConfigPath: stack.clientTrustConfigPath,
    ...(real &&
    stack.signingConfigRekorV2Path &&
    stack.clientTrustConfigRekorV2Path &&
    stack.rekorV2PublicKeyPath &&
    stack.realTsaCertChainPath
      ? {
          real: {
            rekorV2Url: real.rekorV2.url,
            rekorV2Origin: real.rekorV2.origin,
            rekorV2PublicKeyPath: stack.rekorV2PublicKeyPath,
            rekorV2LogId: real.rekorV2.keyId.toString('base64'),
            tsaUrl: real.tsa.timestampUrl,
            tsaCertChainPath: stack.realTsaCertChainPath,
            signingConfigPath: stack.signingConfigRekorV2Path,
            clientTrustConfigPath: stack.clientTrustConfigRekorV2Path,
            adminUrl: { rekorV2: real.rekorV2.adminUrl, tsa: real.tsa.adminUrl },
            ...(fulcioState ? { fulcio: fulcioState } : {})
          }
        }
      : {})
  }
  say(`sigstore stack: fulcio ${state.fulcioUrl}, rekor ${state.rekorUrl}, oidc ${state.oidcUrl}`)
  if (state.real)
    say(
      `real servers: rekor-tiles ${state.real.rekorV2Url}, timestamp-authority ${state.real.tsaUrl}` +
        (fulcioState
          ? `, fulcio ${fulcioState.url} (issuer ${fulcioState.issuer}), CT log ${fulcioState.ctlogUrl}`
          : '')
    )
  return { state, children: stack.children, close: () => stack.close() }
}
