// The services a run signs with: explicit URLs first, the rest chosen by a signing config (public good's by
// default), checked against what this client can write before any request is made.
import { SigstoreError } from '../error.js'
import type { SigningConfig } from './document.js'
import { choiceLabel, loadSigningConfig } from './load.js'
import type { SigningConfigChoice } from './load.js'
import { selectService, selectServices } from './select.js'
import type { SelectedService, SupportedVersions } from './select.js'

/** What selection may pick, as sigstore-go's signer: Rekor 1 and 2 (rekor-tiles, hashedrekord v0.0.2). */
export const SUPPORTED_API_VERSIONS: SupportedVersions = { fulcio: [1], oidc: [1], rekor: [1, 2], tsa: [1] }
export interface ServiceUse extends SelectedService {
  /** `input`: an explicit fulcio-url/rekor-url/tsa-url; `signing-config`: chosen by the document. */
  from: 'input' | 'signing-config'
}

export interface SigstoreServices {
  /** The signing config that chose at least one service (its label: public-good, a path…). */
  signingConfig?: string
  fulcio: ServiceUse
  /** One log today; the list is the config's shape (ALL/EXACT may name several). */
  rekor: ServiceUse[]
  /** Timestamp authorities every signature gets a timestamp from (none: Rekor v1's SET is the time). */
  tsa: ServiceUse[]
}

export interface ExplicitServices {
  fulcioUrl?: string
  rekorUrl?: string
  tsaUrl?: string
}

export interface ResolveOptions {
  /** Undefined: not given, so public good's default when a service is missing from `explicit`. */
  choice?: SigningConfigChoice
  explicit: ExplicitServices
  now?: Date
  load?: (choice: SigningConfigChoice) => Promise<SigningConfig>
}

export async function resolveServices(o: ResolveOptions): Promise<SigstoreServices> {
  const { explicit } = o
  const now = o.now ?? new Date()
  // Explicit URLs for both Fulcio and Rekor need no document: no TUF request unless one was asked for.
  const needed = o.choice !== undefined || !explicit.fulcioUrl || !explicit.rekorUrl
  const choice = o.choice ?? { kind: 'public-good' }
  const config = needed ? await (o.load ?? loadSigningConfig)(choice) : undefined
  const input = (url: string): ServiceUse => ({ url, majorApiVersion: 1, operator: '', from: 'input' })
  const chosen = (s: SelectedService): ServiceUse => ({ ...s, from: 'signing-config' })

  const fulcio = explicit.fulcioUrl
    ? input(explicit.fulcioUrl)
    : chosen(
        selectService(nonEmpty(config!, 'caUrls', 'fulcio-url'), 'caUrls', SUPPORTED_API_VERSIONS.fulcio, now)
      )
  const rekor = explicit.rekorUrl
    ? [input(explicit.rekorUrl)]
    : selectServices(
        nonEmpty(config!, 'rekorTlogUrls', 'rekor-url'),
        'rekorTlogUrls',
        SUPPORTED_API_VERSIONS.rekor,
        now
      ).map(chosen)
  if (rekor.length > 1)
    throw new SigstoreError(
      'SIGNING_CONFIG_UNSUPPORTED',
      `signing config ${config!.source} selects ${rekor.length} Rekor logs (${rekor.map(r => r.url).join(', ')}); ` +
        'oci-attest writes each signature to one log: set rekor-url to the one to use'
    )
  // Rekor v2 gives no signed entry time, so a TSA timestamp becomes required; with v1 only an explicit
  // tsa-url adds one (as before signing configs: the public-good default does not send one).
  const needsTimestamp = rekor.some(r => r.majorApiVersion >= 2)
  const tsa = explicit.tsaUrl
    ? [input(explicit.tsaUrl)]
    : needsTimestamp
      ? selectServices(
          nonEmpty(config!, 'tsaUrls', 'tsa-url'),
          'tsaUrls',
          SUPPORTED_API_VERSIONS.tsa,
          now
        ).map(chosen)
      : []
  const fromConfig = [fulcio, ...rekor, ...tsa].some(s => s.from === 'signing-config')
  return { ...(fromConfig ? { signingConfig: choiceLabel(choice) } : {}), fulcio, rekor, tsa }
}

function nonEmpty(
  config: SigningConfig,
  list: 'caUrls' | 'rekorTlogUrls' | 'tsaUrls',
  input: string
): SigningConfig {
  if (config[list].length) return config
  throw new SigstoreError(
    'SIGNING_CONFIG_NO_SERVICE',
    `signing config ${config.source}: $.${list} lists no service; add one, or set ${input}`
  )
}
