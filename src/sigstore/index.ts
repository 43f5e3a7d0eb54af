// The Sigstore side: identity, the run's signer, Rekor/TSA witnesses, trust and verification.
export { SigstoreError, describe } from './error.js'
export type { SigstoreErrorCode } from './error.js'
export {
  GITHUB_ACTIONS_ISSUER,
  certificateIdentity,
  issuerForServer,
  missingClaims,
  workflowPath
} from './identity/claims.js'
export type { GitHubClaims } from './identity/claims.js'
export {
  ActionsIdentityProvider,
  PERMISSIONS_YAML,
  StaticIdentityProvider,
  identityFromEnv
} from './identity/provider.js'
export type { ActionsTokenOptions, IdentityProvider } from './identity/provider.js'
export { decodeClaims, verifyIdToken } from './identity/verify-token.js'
export type { VerifyTokenOptions } from './identity/verify-token.js'
export { EphemeralSigner, RENEW_BEFORE_MS } from './signer/ephemeral-signer.js'
export type { EphemeralSignerOptions, SigningCertificate } from './signer/ephemeral-signer.js'
export { DEFAULT_FULCIO_URL, FulcioClient } from './signer/fulcio-client.js'
export { ArtifactSigner, INTOTO_PAYLOAD_TYPE } from './sign-artifacts.js'
export type { SignedMaterial, SignedPayload, SignedStatement } from './sign-artifacts.js'
export { DEFAULT_REKOR_URL, RekorClient } from './witness/rekor-client.js'
export type { ProposedEntry, RekorEntry } from './witness/rekor-client.js'
export { RekorWitness, envelopeBytes, proposedEntry } from './witness/rekor-witness.js'
export { TsaWitness } from './witness/tsa-witness.js'
export { assertRekorAllowed, isPublicGoodRekor } from './witness/privacy-guard.js'
export { toCosignRekorBundle, toTransparencyLogEntry } from './witness/tlog-entry.js'
export { BundleVerifier, anchoredIdentity } from './verify/bundle-verifier.js'
export type { ExpectedIdentity } from './verify/bundle-verifier.js'
export { bundleFromLayer } from './verify/layer-bundle.js'
export { verifyPublished } from './verify/published.js'
export type { PublishedItem, PublishedSubject } from './verify/published.js'
export { loadTrustMaterial } from './verify/trust.js'
