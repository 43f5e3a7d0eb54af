export { RegistryClient } from './registry-client.js'
export type { RegistryClientOptions } from './registry-client.js'
export {
  ImageReference,
  InvalidReferenceError,
  DOCKER_HUB,
  apiHost,
  isLoopbackRegistry,
  parseReference,
  registryBaseUrl
} from './reference.js'
export { DigestMismatchError, isBlobUnknown, RegistryError, TagRaceError } from './errors.js'
export type { RegistryErrorCode } from './errors.js'
export { DigestVerifier, computeDigest, digestAlgorithm, digestProblem, verifyDigest } from './digest.js'
export {
  DOCKER_CONFIG,
  DOCKER_LAYER_GZIP,
  DOCKER_MANIFEST,
  DOCKER_MANIFEST_LIST,
  EMPTY_JSON_DESCRIPTOR,
  MANIFEST_ACCEPT,
  OCI_CONFIG,
  OCI_EMPTY,
  OCI_INDEX,
  OCI_LAYER,
  OCI_LAYER_GZIP,
  OCI_LAYER_ZSTD,
  OCI_MANIFEST,
  isIndexMediaType
} from './media-types.js'
export { manifestMediaType } from './manifest.js'
export type {
  Descriptor,
  FetchedManifest,
  ImageIndex,
  ImageManifest,
  Manifest,
  Platform
} from './manifest.js'
export type { ManifestWithEtag } from './manifests.js'
export { DEFAULT_CHUNK_SIZE, DEFAULT_CHUNK_THRESHOLD } from './blobs.js'
export type { BlobSource, UploadOptions } from './blobs.js'
export { nextLink } from './referrers.js'
export { Repository, digestTag, parseDigest } from './name.js'
export { platformString } from './platform.js'
export type { Digest } from './name.js'
export { TagWriters, convergeTag, processTagWriters } from './tag-writer.js'
export type { ConvergeOptions, Converged, TagSpec, TagState } from './tag-writer.js'
export { parseChallenges } from './auth/challenge.js'
export type { Challenge } from './auth/challenge.js'
export { anonymous, chainCredentials, describeCredential, staticCredentials } from './auth/credentials.js'
export type { Credential, CredentialProvider } from './auth/credentials.js'
export { DOCKER_HUB_SERVER, dockerConfigCredentials, dockerConfigPath } from './auth/docker-config.js'
export type { DockerConfigOptions } from './auth/docker-config.js'
export { runCredentialHelper } from './auth/cred-helper.js'
export { Authenticator, repositoryScope } from './auth/authenticator.js'
export type { Access } from './auth/authenticator.js'
