// The claims GitHub Actions puts in its OIDC token, as far as certificates and provenance use them: below
// sigstore (which reads them from the token) and attest (which writes them into provenance).
export interface GitHubClaims {
  iss: string
  sub: string
  aud: string | string[]
  exp: number
  iat?: number
  nbf?: number
  repository: string
  repository_id: string
  repository_owner: string
  repository_owner_id: string
  repository_visibility?: string
  ref: string
  sha: string
  workflow?: string
  workflow_ref: string
  workflow_sha?: string
  job_workflow_ref: string
  job_workflow_sha?: string
  event_name: string
  run_id: string
  run_attempt: string
  runner_environment?: string
  environment?: string
  actor?: string
}

export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com'

/** The issuer follows the server as @actions/attest has it: github.com and GHE.com cloud vs GHES `_services/token`. */
/** GITHUB_SERVER_URL as every reader takes it: trailing slashes dropped, github.com when unset or empty. */
/** The GitHub server URL without trailing slashes; github.com when none is given. */
export function githubServerUrl(url: string | undefined): string {
  return (url || 'https://github.com').replace(/\/+$/, '')
}

export function issuerForServer(serverUrl = 'https://github.com'): string {
  const url = new URL(serverUrl)
  if (url.hostname === 'github.com') return GITHUB_ACTIONS_ISSUER
  if (url.hostname.endsWith('.ghe.com')) {
    const tenant = url.hostname.slice(0, -'.ghe.com'.length)
    return `https://token.actions.${tenant}.ghe.com`
  }
  return `${url.origin}/_services/token`
}

/** The one URI SAN Fulcio puts in a GitHub workflow certificate. */
export function certificateIdentity(claims: GitHubClaims, serverUrl = 'https://github.com'): string {
  return `${serverUrl.replace(/\/$/, '')}/${claims.job_workflow_ref}`
}

/** `.github/workflows/release.yml` out of `owner/repo/.github/workflows/release.yml@refs/heads/main`. */
export function workflowPath(claims: GitHubClaims): string {
  const withoutRepo = claims.workflow_ref.startsWith(`${claims.repository}/`)
    ? claims.workflow_ref.slice(claims.repository.length + 1)
    : claims.workflow_ref
  const at = withoutRepo.indexOf('@')
  return at === -1 ? withoutRepo : withoutRepo.slice(0, at)
}

const REQUIRED: (keyof GitHubClaims)[] = [
  'iss',
  'sub',
  'repository',
  'repository_id',
  'repository_owner_id',
  'ref',
  'sha',
  'workflow_ref',
  'job_workflow_ref',
  'event_name',
  'run_id',
  'run_attempt'
]

/** Names of GitHub claims the token lacks (provenance cannot be built without them). */
export function missingClaims(payload: Record<string, unknown>): string[] {
  return REQUIRED.filter(k => typeof payload[k] !== 'string' || payload[k] === '')
}
