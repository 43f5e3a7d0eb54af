// Starts the local Sigstore stack and keeps the part of it that belongs in state.json.
import { startSigstoreStack } from '../sigstore/index.js'
import type { TiedChild } from '../registries/tied-child.js'
import type { SigstoreState } from '../state.js'

export interface RunningSigstore {
  state: SigstoreState
  children: TiedChild[]
  close(): Promise<void>
}

export async function startSigstore(
  dir: string,
  say: (line: string) => void,
  opts: { realServers: boolean }
): Promise<RunningSigstore> {
  const stack = await startSigstoreStack({ dir, realServers: opts.realServers })
  const real = stack.real
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
    stack.realTsaCertChainPath &&
    stack.signingConfigRealFulcioPath &&
    stack.clientTrustConfigRealFulcioPath &&
    stack.realFulcioRootsPemPath &&
    stack.realCtlogPublicKeyPath
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
            fulcioUrl: real.fulcio.url,
            fulcioChainPath: stack.realFulcioRootsPemPath,
            fulcioIssuer: real.fulcioIssuer.issuer,
            ctlogUrl: real.fulcio.ctlog.url,
            ctlogPublicKeyPath: stack.realCtlogPublicKeyPath,
            fulcioSigningConfigPath: stack.signingConfigRealFulcioPath,
            fulcioClientTrustConfigPath: stack.clientTrustConfigRealFulcioPath,
            adminUrl: {
              rekorV2: real.rekorV2.adminUrl,
              tsa: real.tsa.adminUrl,
              fulcio: real.fulcio.adminUrl,
              ctlog: real.fulcio.ctlog.adminUrl,
              fulcioIssuer: real.fulcioIssuer.adminUrl
            }
          }
        }
      : {})
  }
  say(`sigstore stack: fulcio ${state.fulcioUrl}, rekor ${state.rekorUrl}, oidc ${state.oidcUrl}`)
  if (state.real)
    say(
      `real servers: rekor-tiles ${state.real.rekorV2Url}, timestamp-authority ${state.real.tsaUrl}, ` +
        `fulcio ${state.real.fulcioUrl} (issuer ${state.real.fulcioIssuer}), CT log ${state.real.ctlogUrl}`
    )
  return { state, children: stack.children, close: () => stack.close() }
}
