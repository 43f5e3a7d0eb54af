// Builds the run's signing collaborators with real defaults: verified identity, one signer, Rekor, trust.
import type { TrustMaterial } from '@sigstore/verify'
import type { Witness } from '@sigstore/sign'
import { certificateIdentity, githubServerUrl } from '../sigstore/identity/claims.js'
import type { GitHubClaims } from '../sigstore/identity/claims.js'
import type { IdentityProvider } from '../sigstore/identity/provider.js'
import { verifyIdToken } from '../sigstore/identity/verify-token.js'
import type { Http } from '../sigstore/http.js'
import { ArtifactSigner } from '../sigstore/sign-artifacts.js'
import { EphemeralSigner } from '../sigstore/signer/ephemeral-signer.js'
import { FulcioClient } from '../sigstore/signer/fulcio-client.js'
import { BundleVerifier } from '../sigstore/verify/bundle-verifier.js'
import type { ExpectedIdentity } from '../sigstore/verify/bundle-verifier.js'
import { loadTrustMaterial } from '../sigstore/verify/trust.js'
import { assertRekorAllowed } from '../sigstore/witness/privacy-guard.js'
import { DEFAULT_REKOR_URL, RekorClient } from '../sigstore/witness/rekor-client.js'
import { RekorWitness } from '../sigstore/witness/rekor-witness.js'
import { TsaWitness } from '../sigstore/witness/tsa-witness.js'
import { CachedIdentityProvider } from './cached-identity.js'

export interface SigstoreConfig {
  fulcioUrl?: string
  rekorUrl?: string
  tsaUrl?: string
  trustedRootPath?: string
  /** Expected token issuer (default: from GITHUB_SERVER_URL). */
  issuer?: string
  /** Where the issuer's discovery document is served, when not at the issuer URL itself. */
  oidcDiscoveryUrl?: string
  allowPublicRekorForPrivateRepos?: boolean
  /** Private Fulcio without a CT log: verify certificates without requiring an embedded SCT. */
  insecureIgnoreSct?: boolean
  /** GitHub server URL for provenance and the default issuer (default https://github.com; run() passes the run's). */
  serverUrl?: string
}

export interface SigningSession {
  claims: GitHubClaims
  identity: ExpectedIdentity
  serverUrl: string
  rekorUrl: string
  signer: ArtifactSigner
  ephemeral: EphemeralSigner
  rekor: RekorWitness
  verifier: BundleVerifier
  trust: TrustMaterial
  /** Aborts every Fulcio, Rekor and TSA request of the session, sent or waiting to retry; signing after
   * this fails at once. Called when a signature has failed, so the run's other signatures are not logged. */
  cancel(reason?: unknown): void
}

export async function openSigningSession(
  config: SigstoreConfig,
  collaborators: { identity: IdentityProvider; http?: Http }
): Promise<SigningSession> {
  const http = collaborators.http
  const serverUrl = githubServerUrl(config.serverUrl)
  const rekorUrl = config.rekorUrl ?? DEFAULT_REKOR_URL
  const identityProvider = new CachedIdentityProvider(collaborators.identity)
  const claims = await verifyIdToken(await identityProvider.getToken(), {
    ...(config.issuer ? { issuer: config.issuer } : {}),
    ...(config.oidcDiscoveryUrl ? { discoveryBaseUrl: config.oidcDiscoveryUrl } : {}),
    ...(http ? { http } : {}),
    serverUrl
  })
  // Refuse before anything is logged: the guard is about what becomes public.
  assertRekorAllowed(claims, rekorUrl, config.allowPublicRekorForPrivateRepos ?? false)
  const trust = await loadTrustMaterial(config.trustedRootPath)
  const cancelled = new AbortController()
  const { signal } = cancelled
  const ephemeral = new EphemeralSigner({
    identity: identityProvider,
    fulcio: new FulcioClient({
      ...(config.fulcioUrl ? { baseUrl: config.fulcioUrl } : {}),
      ...(http ? { http } : {}),
      signal
    })
  })
  const rekor = new RekorWitness({
    client: new RekorClient({ baseUrl: rekorUrl, ...(http ? { http } : {}), signal })
  })
  // Rekor last: a signature the TSA refused must not already be in the public log.
  const witnesses: Witness[] = [
    ...(config.tsaUrl ? [new TsaWitness({ url: config.tsaUrl, ...(http ? { http } : {}), signal })] : []),
    rekor
  ]
  return {
    claims,
    // Fulcio derives the SAN from github.com regardless of GHES naming in provenance.
    identity: { subjectAlternativeName: certificateIdentity(claims), issuer: claims.iss },
    serverUrl,
    rekorUrl,
    signer: new ArtifactSigner({ signer: ephemeral, witnesses }),
    ephemeral,
    rekor,
    verifier: new BundleVerifier(trust, { ignoreSct: config.insecureIgnoreSct ?? false }),
    trust,
    cancel: reason => cancelled.abort(reason)
  }
}
