// Sigstore signing configs: the v0.2 document, service selection, and the services a run uses.
export { parseSigningConfig, parseSigningConfigText, SIGNING_CONFIG_MEDIA_TYPE } from './document.js'
export type { ServiceConfiguration, ServiceEntry, ServiceSelector, SigningConfig } from './document.js'
export { choiceLabel, loadSigningConfig, PUBLIC_GOOD_TARGETS, readSigningConfigFile } from './load.js'
export type { SigningConfigChoice } from './load.js'
export { selectService, selectServices, selectSigningServices, validAt } from './select.js'
export type { SelectedService, SelectedServices, SupportedVersions } from './select.js'
export { resolveServices, SUPPORTED_API_VERSIONS } from './resolve.js'
export type { ExplicitServices, ResolveOptions, ServiceUse, SigstoreServices } from './resolve.js'
