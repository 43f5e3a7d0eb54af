// Builds the run's signing collaborators with real defaults: verified identity, one signer, Rekor, trust.
import type { TrustMaterial } from '@sigstore/verify'
import type { Witness } from '@sigstore/sign'
import { certificateIdentity, githubServerUrl } from '../github/claims.js'
import type { GitHubClaims } from '../github/claims.js'
import type { IdentityProvider } from '../sigstore/identity/provider.js'
import { verifyIdToken } from '../sigstore/identity/verify-token.js'
import type { Http } from '../http/index.js'
import { ArtifactSigner } from '../sigstore/sign-artifacts.js'
import { EphemeralSigner } from '../sigstore/signer/ephemeral-signer.js'
import { FulcioClient } from '../sigstore/signer/fulcio-client.js'
import { BundleVerifier } from '../sigstore/verify/bundle-verifier.js'
import { loadTrustMaterial } from '../sigstore/verify/trust.js'
import { assertRekorAllowed } from '../sigstore/witness/privacy-guard.js'
import { DEFAULT_REKOR_URL, RekorClient } from '../sigstore/witness/rekor-client.js'
import { RekorWitness, type LogWitness } from '../sigstore/witness/rekor-witness.js'
import { RekorV2Client } from '../sigstore/witness/rekor-v2-client.js'
import { RekorV2Witness } from '../sigstore/witness/rekor-v2-witness.js'
import { SigstoreError } from '../sigstore/error.js'
import { TsaWitness } from '../sigstore/witness/tsa-witness.js'
import { PublishedVerifier } from '../verify/index.js'
import { CachedIdentityProvider } from './cached-identity.js'

export interface SigstoreConfig {
  fulcioUrl?: string
  rekorUrl?: string
  /** 2: a rekor-tiles log (hashedrekord v0.0.2 entries, no SET); needs a TSA. Default 1. */
  rekorApiVersion?: 1 | 2
  /** Every signature gets a timestamp from each (in order, before Rekor). */
  tsaUrls?: string[]
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
  /** The run's own certificate identity, exact. */
  identity: { subjectAlternativeName: string; issuer: string }
  serverUrl: string
  rekorUrl: string
  signer: ArtifactSigner
  ephemeral: EphemeralSigner
  rekor: LogWitness
  verifier: BundleVerifier
  /** Self-verification: this run's identity, subject digest and name, statements as stock verifiers parse them. */
  published: PublishedVerifier
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
  assertTimestampedIfRekorV2(config.rekorApiVersion ?? 1, config.tsaUrls ?? [], rekorUrl)
  const identityProvider = new CachedIdentityProvider(collaborators.identity)
  const claims = await verifyIdToken(await identityProvider.getToken(), {
    ...(config.issuer ? { issuer: config.issuer } : {}),
    ...(config.oidcDiscoveryUrl ? { discoveryBaseUrl: config.oidcDiscoveryUrl } : {}),
    ...(http ? { http } : {}),
    serverUrl
  })
  // Refuse before anything is logged: the guard is about what becomes public.
  assertRekorAllowed(claims, rekorUrl, config.allowPublicRekorForPrivateRepos ?? false)
  return wireSigningSession({
    claims,
    identity: identityProvider,
    trust: await loadTrustMaterial(config.trustedRootPath),
    serverUrl,
    rekorUrl,
    rekorApiVersion: config.rekorApiVersion ?? 1,
    ...(config.fulcioUrl ? { fulcioUrl: config.fulcioUrl } : {}),
    tsaUrls: config.tsaUrls ?? [],
    ...(http ? { http } : {}),
    ignoreSct: config.insecureIgnoreSct ?? false
  })
}

/** What a session is wired from: the real services and trust, or a dry run's in-process stand-ins. */
export interface SessionWiring {
  claims: GitHubClaims
  identity: IdentityProvider
  trust: TrustMaterial
  serverUrl: string
  rekorUrl: string
  /** Default 1. */
  rekorApiVersion?: 1 | 2
  fulcioUrl?: string
  tsaUrls?: string[]
  http?: Http
  /** Certificates without an embedded SCT verify (private Fulcio without a CT log, the dry run's CA). */
  ignoreSct: boolean
}

/** One signer, its witnesses and the verifiers, the same for real and dry runs. */
export function wireSigningSession(w: SessionWiring): SigningSession {
  const { claims, http, trust, rekorUrl } = w
  const cancelled = new AbortController()
  const { signal } = cancelled
  const ephemeral = new EphemeralSigner({
    identity: w.identity,
    fulcio: new FulcioClient({
      ...(w.fulcioUrl ? { baseUrl: w.fulcioUrl } : {}),
      ...(http ? { http } : {}),
      signal
    })
  })
  const transport = { baseUrl: rekorUrl, ...(http ? { http } : {}), signal }
  const rekor: LogWitness & Witness =
    w.rekorApiVersion === 2
      ? new RekorV2Witness({ client: new RekorV2Client(transport) })
      : new RekorWitness({ client: new RekorClient(transport) })
  // Rekor last: a signature the TSA refused must not already be in the public log.
  const witnesses: Witness[] = [
    ...(w.tsaUrls ?? []).map(url => new TsaWitness({ url, ...(http ? { http } : {}), signal })),
    rekor
  ]
  // Fulcio derives the SAN from github.com regardless of GHES naming in provenance.
  const identity = { subjectAlternativeName: certificateIdentity(claims), issuer: claims.iss }
  const verifier = new BundleVerifier(trust, { ignoreSct: w.ignoreSct })
  return {
    claims,
    identity,
    serverUrl: w.serverUrl,
    rekorUrl,
    signer: new ArtifactSigner({ signer: ephemeral, witnesses }),
    ephemeral,
    rekor,
    verifier,
    published: new PublishedVerifier(verifier, { identity, subjectName: true, strictStatements: true }),
    trust,
    cancel: reason => cancelled.abort(reason)
  }
}

/** Rekor v2 entries carry no time of their own: without a TSA timestamp no verifier can accept them. */
export function assertTimestampedIfRekorV2(
  apiVersion: 1 | 2,
  tsaUrls: readonly string[],
  rekorUrl: string
): void {
  if (apiVersion === 2 && tsaUrls.length === 0)
    throw new SigstoreError(
      'REKOR_V2_NEEDS_TSA',
      `Rekor v2 (${rekorUrl}) logs entries without a signed time, so every signature needs an RFC 3161 ` +
        'timestamp, and no TSA is configured: set tsa-url (or use a signing config that names a TSA), or sign ' +
        'to a Rekor v1 log'
    )
}
