// Turns a failure into one message naming the subject, the phase and the fix.
import { CodedError, codedChain, errorChain, errorText, isWriteOperation } from '../../errors/index.js'
import { RegistryError } from '../../oci/errors.js'
import { SigstoreError } from '../../sigstore/error.js'
import { PipelineError } from '../errors.js'
import { InputError } from './inputs.js'

/** The codes of a cause chain, ours and third parties' alike (sigstore-js's TUF_*, Node's E*). */
const codesOf = (err: unknown): (string | undefined)[] =>
  errorChain(err).map(e => {
    const code = (e as { code?: unknown }).code
    return typeof code === 'string' ? code : undefined
  })

/** The registry's answers; the first of them in a chain decides (a 404 is a wrong reference: no fix). */
const REGISTRY_ANSWERS: ReadonlySet<string> = new Set([
  'REGISTRY_NOT_FOUND',
  'REGISTRY_UNAUTHORIZED',
  'REGISTRY_DENIED',
  'REGISTRY_ERROR',
  'REGISTRY_CONFLICT',
  'AUTH_FAILED'
])

/** The tags this tool writes: cosign's `sha256-<hex>.sig`/`.att` and the referrers fallback `sha256-<hex>`. */
const DIGEST_TAG = /^sha256-[0-9a-f]{64}(\.sig|\.att)?$/

const WRITE_ACCESS_FIX =
  'the registry refused a write. Grant the job `permissions:\n  packages: write` (ghcr.io with github-token), or ' +
  'log in as an account that can push (docker/login-action, or registry-username/registry-password); ' +
  'to only sign and log without pushing, set push-to-registry: false'

const IMMUTABLE_FIX =
  'the registry refused to write a sha256-<hex> tag, which happens when tags are immutable. Exempt tags ' +
  'matching `sha256-*` from the immutability rule (ECR exclusion filter, Harbor/Artifactory rule), or set ' +
  'formats: referrers on a registry with the OCI referrers API'

/** A fix for what the cause chain shows, or undefined when the message already says it. */
export function fixFor(err: unknown): string | undefined {
  const codes = codesOf(err)
  const coded = codedChain(err)
  if (codes.includes('MISSING_ID_TOKEN_PERMISSION') || codes.includes('INVALID_INPUT')) return undefined
  if (codes.some(c => c?.startsWith('TUF_')))
    return (
      "public good's trusted root and signing config are fetched from tuf-repo-cdn.sigstore.dev: allow that host, " +
      'or for a private Sigstore instance set trusted-root and signing-config (a file) or fulcio-url and rekor-url'
    )
  if (coded.some(e => e instanceof SigstoreError && e.code === 'VERIFICATION_FAILED' && e.check === 'sct'))
    return (
      'the certificate carries no SCT that the trusted root accepts. Give the trusted_root.json that lists ' +
      "your Fulcio's CT log; for a private Fulcio without a CT log set insecure-ignore-sct: true (its " +
      'consumers then verify with cosign verify --insecure-ignore-sct)'
    )
  if (codes.includes('WRITE_ACCESS_DENIED') && codes.some(c => c?.startsWith('HTTP_')))
    return 'the registry could not be reached for a write: check its host name, the network and any proxy (HTTPS_PROXY, NO_PROXY)'
  if (codes.includes('GITHUB_ATTESTATION_REFUSED'))
    return 'grant the job `permissions:\n  attestations: write`, or set github-attestations: auto or false'
  const registry = coded.find(e => e instanceof RegistryError && REGISTRY_ANSWERS.has(e.code))
  if (!registry || registry.code === 'REGISTRY_NOT_FOUND') return undefined
  const write = codes.includes('WRITE_ACCESS_DENIED') || isWriteOperation(registry.operation)
  const tag = registry.tag !== undefined && DIGEST_TAG.test(registry.tag) ? registry.tag : undefined
  if (tag && registry.status !== undefined && [400, 409, 412].includes(registry.status))
    return `${IMMUTABLE_FIX} (tag ${tag})`
  if (
    registry.code === 'REGISTRY_UNAUTHORIZED' ||
    registry.code === 'REGISTRY_DENIED' ||
    registry.code === 'AUTH_FAILED'
  )
    return write
      ? WRITE_ACCESS_FIX
      : 'check the registry credentials (registry-username/registry-password, docker login)'
  if (write && registry.status !== undefined && registry.status >= 400 && registry.status < 500)
    return `${WRITE_ACCESS_FIX}; if tags are immutable: ${IMMUTABLE_FIX}`
  return undefined
}

/** How the caller names an input: `input "platforms"` on a runner, `--platforms` on the command line. */
export type InputLabel = (input: string) => string

export function failureMessage(err: unknown, phase: string, inputLabel?: InputLabel): string {
  const subject = err instanceof CodedError ? err.subject : undefined
  const where = subject ? `${subject} [${err instanceof PipelineError ? err.phase : phase}]` : `[${phase}]`
  const text =
    inputLabel && err instanceof InputError && err.input && err.problem
      ? `${inputLabel(err.input)}: ${err.problem}`
      : errorText(err)
  const message = subject && text.startsWith(subject) ? text : `${where}: ${text}`
  const fix = fixFor(err)
  const code = codesOf(err).find(c => c !== undefined)
  return `${message}${fix ? `\nFix: ${fix}` : ''}${code ? ` (${code})` : ''}`
}
