// Turns a failure into one message naming the subject, the phase and the fix.
import { describe } from '../../sigstore/error.js'

interface Coded {
  code?: string
  status?: number
  message?: string
  cause?: unknown
  subject?: string
  phase?: string
}

function chain(err: unknown): Coded[] {
  const out: Coded[] = []
  for (let e = err as Coded | undefined; e && typeof e === 'object' && out.length < 10; e = e.cause as Coded)
    out.push(e)
  return out
}

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
  const errors = chain(err)
  const codes = errors.map(e => e.code)
  if (codes.includes('MISSING_ID_TOKEN_PERMISSION') || codes.includes('INVALID_INPUT')) return undefined
  if (codes.some(c => c?.startsWith('TUF_')))
    return 'the public-good trusted root is fetched from tuf-repo-cdn.sigstore.dev: allow that host, or set trusted-root for a private Sigstore instance'
  if (
    codes.includes('VERIFICATION_FAILED') &&
    errors.some(e => /expected \d+ SCTs, got 0/.test(e.message ?? ''))
  )
    return (
      'the certificate carries no SCT that the trusted root accepts. Give the trusted_root.json that lists ' +
      "your Fulcio's CT log; for a private Fulcio without a CT log set insecure-ignore-sct: true (its " +
      'consumers then verify with cosign verify --insecure-ignore-sct)'
    )
  if (codes.includes('WRITE_ACCESS_DENIED') && codes.some(c => c?.startsWith('HTTP_')))
    return 'the registry could not be reached for a write: check its host name, the network and any proxy (HTTPS_PROXY, NO_PROXY)'
  if (codes.includes('GITHUB_ATTESTATION_REFUSED'))
    return 'grant the job `permissions:\n  attestations: write`, or set github-attestations: auto or false'
  const registry = errors.find(e => typeof e.code === 'string' && /^REGISTRY_|^AUTH_FAILED$/.test(e.code))
  if (!registry || registry.code === 'REGISTRY_NOT_FOUND') return undefined
  const text = registry.message ?? ''
  // src/oci starts every failure message with the operation: "pushing manifest …", "uploading blob …".
  const write =
    codes.includes('WRITE_ACCESS_DENIED') ||
    /^(pushing|uploading|starting a blob upload|mounting)\b/.test(text)
  const tag = /sha256-[0-9a-f]{64}(\.sig|\.att)?/.exec(text)?.[0]
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
  const top = err as Coded & { input?: string; problem?: string }
  const where = top?.subject ? `${top.subject} [${top.phase ?? phase}]` : `[${phase}]`
  const text =
    inputLabel && top?.code === 'INVALID_INPUT' && top.input && top.problem
      ? `${inputLabel(top.input)}: ${top.problem}`
      : describe(err)
  const message = top?.subject && text.startsWith(top.subject) ? text : `${where}: ${text}`
  const fix = fixFor(err)
  const code = chain(err)
    .map(e => e.code)
    .find(c => typeof c === 'string')
  return `${message}${fix ? `\nFix: ${fix}` : ''}${code ? ` (${code})` : ''}`
}
