// The contract between the running test bed and the suites: .testbed/state.json, its types and its reader.
import { readFileSync } from 'node:fs'
import { DEFAULT_STATE_PATH } from './tools/paths.js'

export interface AnonymousRegistryState {
  host: string
  auth: 'none'
}
export interface FlakyRegistryState extends AnonymousRegistryState {
  /** Fault injection and request log of the proxy (see test/bed/http-faults.ts). */
  adminUrl: string
  /** The registry behind the proxy. */
  upstream: string
}
export interface BasicRegistryState {
  host: string
  auth: 'basic'
  username: string
  password: string
}
export interface BearerRegistryState {
  host: string
  auth: 'bearer'
  username: string
  password: string
  realm: string
  service: string
  /** A refresh token for `username`, as `docker login` stores it in config.json `identitytoken`. */
  identityToken: string
  /** Anonymous clients get pull (only) on repositories under this prefix, like public images elsewhere. */
  anonymousPullPrefix: string
  /** Fault injection and request log of the token server. */
  tokenAdminUrl: string
}
export interface BedRegistries {
  referrers: AnonymousRegistryState
  distribution: AnonymousRegistryState
  basic: BasicRegistryState
  bearer: BearerRegistryState
  flaky: FlakyRegistryState
}
export type RegistryName = keyof BedRegistries
export type RegistryState = BedRegistries[RegistryName]

export interface SigstoreState {
  oidcUrl: string
  issuer: string
  tokenRequestUrl: string
  tokenRequestToken: string
  fulcioUrl: string
  rekorUrl: string
  tsaUrl: string
  trustedRootPath: string
  fulcioRootsPemPath: string
  rekorPublicKeyPath: string
  ctlogPublicKeyPath: string
  tsaCertChainPath: string
  /** A TUF mirror of the trust material and its root.json, for clients that read trust only through TUF. */
  tufUrl: string
  tufRootPath: string
  adminUrl: { oidc: string; fulcio: string; rekor: string; tsa: string }
  /** Signing config (v0.2) selecting the stand-ins: Fulcio, Rekor v1 (majorApiVersion 1) and the stand-in TSA. */
  signingConfigPath: string
  /** sigstore-python's --trust-config: trustedRootPath's root + the signingConfigPath config. */
  clientTrustConfigPath: string
  /** The real rekor-tiles and timestamp-authority; every `full` bed has them (see requireRealSigstore). */
  real?: RealSigstoreState
}

/** Real Sigstore servers, each behind the bed's fault proxy (POST rules to adminUrl.*, see http-faults.ts). */
export interface RealSigstoreState {
  /** rekor-tiles v2.3.0 (POSIX storage): Rekor v2, `POST <rekorV2Url>/api/v2/log/entries`. */
  rekorV2Url: string
  /** Its checkpoint origin: the hostname of rekorV2Url ("127.0.0.1"), which sigstore-go requires. */
  rekorV2Origin: string
  /** Its Ed25519 checkpoint key (PEM SPKI). In trustedRootPath with keyDetails PKIX_ED25519. */
  rekorV2PublicKeyPath: string
  /** base64 C2SP key ID, SHA-256(origin "\n" 0x01 raw key): the logId.keyId of its entries and in the root. */
  rekorV2LogId: string
  /** timestamp-authority v2.1.3's RFC 3161 endpoint (.../api/v1/timestamp); its chain is in trustedRootPath too. */
  tsaUrl: string
  /** That TSA's chain (PEM, leaf first), as GET /api/v1/timestamp/certchain serves it. */
  tsaCertChainPath: string
  /** Signing config (v0.2) selecting Fulcio (stand-in), Rekor v2 (majorApiVersion 2) and this TSA. */
  signingConfigPath: string
  /** sigstore-python's --trust-config with that signing config. */
  clientTrustConfigPath: string
  adminUrl: { rekorV2: string; tsa: string }
  /** The real Fulcio and its CT log; every `full` bed has them (see requireRealFulcio). */
  fulcio?: RealFulcioState
}

/** sigstore/fulcio v1.8.8 (--ca=ephemeralca) and TesseraCT v0.1.1, each behind the bed's fault proxy. */
export interface RealFulcioState {
  /** Fulcio's REST API (POST /api/v2/signingCert). Its chain is in trustedRootPath beside the stand-in's. */
  url: string
  /** Its ephemeral CA chain (PEM, root last), as GET /api/v2/trustBundle serves it. */
  chainPath: string
  /**
   * The issuer Fulcio trusts (its `github-workflow` type): the stand-in's GitHub-shaped claims, but `iss` is this
   * loopback URL, since Fulcio fetches discovery from `iss`. Certificates carry it as their OIDC issuer.
   * POST <issuer>/__mint for a token.
   */
  issuer: string
  /** TesseraCT (POSIX): Fulcio's CT log (RFC 6962 add-pre-chain); its key is in trustedRootPath's ctlogs. */
  ctlogUrl: string
  ctlogPublicKeyPath: string
  /** Signing config (v0.2) selecting this Fulcio and its issuer, Rekor v2 and the real TSA. */
  signingConfigPath: string
  /** sigstore-python's --trust-config with that signing config. */
  clientTrustConfigPath: string
  adminUrl: { fulcio: string; ctlog: string; issuer: string }
}

export interface BedTools {
  cosignV2: string
  cosignV3: string
  sigstorePython: string
  crane: string
  /** GitHub CLI, for `gh attestation verify`. */
  gh: string
  /** Sigstore policy-controller's `policy-tester`: a ClusterImagePolicy evaluated without a cluster. */
  policyTester: string
  /** The Kyverno CLI (`kyverno apply --registry`), Kyverno's own engine without a cluster. */
  kyverno: string
  /** oras, whose `pull` writes an artifact's titled layers as files. */
  oras: string
  /** Our TUF_ROOT initialiser (test/bed/tools/tuf-init), for clients that read trust only through TUF. */
  tufInit: string
}

/** `full`: every registry, for the suites; `demo`: only `registries.distribution`, for `npm run demo`. */
export type BedProfile = 'full' | 'demo'

export interface BedState {
  pid: number
  profile?: BedProfile
  /** The directory the bed writes (storage, logs, sigstore material). */
  dir: string
  registries: BedRegistries
  sigstore: SigstoreState
  tools: BedTools
}

export class BedStateError extends Error {
  readonly code = 'TESTBED_NOT_RUNNING'
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}

const HOW_TO_START =
  'start it with `npm test` (Jest starts it) or `node --import tsx test/bed/start.ts --keep-running` and export the OCI_ATTEST_BED_STATE it prints'

/** The path suites read: OCI_ATTEST_BED_STATE (set by the Jest global setup), else .testbed/state.json. */
export function bedStatePath(): string {
  return process.env.OCI_ATTEST_BED_STATE || DEFAULT_STATE_PATH
}

const FULL_REGISTRIES = ['referrers', 'distribution', 'basic', 'bearer', 'flaky'] as const

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function check(cond: boolean, path: string, what: string): void {
  if (!cond)
    throw new BedStateError(`test bed state ${path} is malformed: ${what}; restart the bed (${HOW_TO_START})`)
}

export function readBedState(path = bedStatePath(), profile: BedProfile = 'full'): BedState {
  let raw: string
  try {
    raw = readFileSync(path, 'utf8')
  } catch (cause) {
    throw new BedStateError(`the test bed is not running (no ${path}): ${HOW_TO_START}`, { cause })
  }
  let state: BedState
  try {
    state = JSON.parse(raw) as BedState
  } catch (cause) {
    throw new BedStateError(`test bed state ${path} is not JSON; restart the bed (${HOW_TO_START})`, {
      cause
    })
  }
  check(typeof state === 'object' && state !== null && Number.isInteger(state.pid), path, 'no "pid"')
  if (!pidAlive(state.pid)) {
    throw new BedStateError(
      `the test bed is not running (pid ${state.pid} from ${path} is gone): ${HOW_TO_START}`
    )
  }
  check(typeof state.registries === 'object' && state.registries !== null, path, 'no "registries"')
  if (profile === 'full' && state.profile === 'demo')
    throw new BedStateError(`the bed at ${path} is the demo's (one registry only): ${HOW_TO_START}`)
  const names = profile === 'demo' ? (['distribution'] as const) : FULL_REGISTRIES
  for (const name of names) {
    const r = state.registries[name]
    check(typeof r?.host === 'string' && /^127\.0\.0\.1:\d+$/.test(r.host), path, `registries.${name}.host`)
  }
  check(typeof state.sigstore?.fulcioUrl === 'string', path, 'no "sigstore"')
  check(typeof state.tools?.cosignV3 === 'string', path, 'no "tools"')
  return state
}

/** The real servers of a `full` bed (a demo bed runs them only when started with --real-sigstore). */
export function requireRealSigstore(state: BedState): RealSigstoreState {
  const real = requireSigstore(state).real
  if (!real)
    throw new BedStateError(
      `the test bed in ${state.dir} runs no rekor-tiles/timestamp-authority (a demo bed?): ${HOW_TO_START}`
    )
  return real
}

/** The real Fulcio of a `full` bed (a demo bed runs it only when started with --real-fulcio). */
export function requireRealFulcio(state: BedState): RealFulcioState {
  const fulcio = requireRealSigstore(state).fulcio
  if (!fulcio)
    throw new BedStateError(`the test bed in ${state.dir} runs no real Fulcio (a demo bed?): ${HOW_TO_START}`)
  return fulcio
}

/** The Sigstore part of the state (kept for callers written while the stack was optional). */
export function requireSigstore(state: BedState): SigstoreState {
  if (!state.sigstore)
    throw new BedStateError(`the test bed in ${state.dir} has no "sigstore" in its state: ${HOW_TO_START}`)
  return state.sigstore
}

export { cosignEnv } from './tools/cosign-env.js'
export { pushSampleImage } from './tools/sample-image.js'
