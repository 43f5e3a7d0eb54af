// Where signatures go: cosign's tag layout, bundle referrers, GitHub's attestation store, bundle files.
export {
  BUNDLE_MEDIA_TYPE,
  COSIGN_SIGN_PREDICATE,
  pushBundleReferrer,
  referrerManifest,
  uploadEmptyConfig
} from './bundle-referrer.js'
export type { ReferrerResult } from './bundle-referrer.js'
export { bundleDirectory, bundleFileName, writeBundleFile } from './bundle-file.js'
export {
  ANNOTATION,
  DSSE_MEDIA_TYPE,
  SIMPLE_SIGNING_MEDIA_TYPE,
  appendToCosignTag,
  cosignTag,
  layoutConfig,
  mergeLayers
} from './cosign-layout.js'
export type { AppendResult, CosignLayer, TagSuffix } from './cosign-layout.js'
export { attestationLayer, signatureLayer, simpleSigningPayload } from './cosign-payloads.js'
export type { LayerMaterial } from './cosign-payloads.js'
export { PublishError } from './errors.js'
export type { PublishErrorCode } from './errors.js'
export { GitHubAttestationStore, selectGitHubStore } from './github-store.js'
export type { GitHubStoreMode, GitHubStoreOptions, GitHubStoreResult } from './github-store.js'
export type { PublishRegistry } from './registry.js'
export { RepositoryLocks, processLocks } from './repo-lock.js'
