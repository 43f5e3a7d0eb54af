// The GitHub run as the runner describes it in environment variables, read in one place: run() reads it once
// and passes this typed object down; nothing below reads GITHUB_*, ACTIONS_* or RUNNER_* itself.
import { githubServerUrl } from '../../github/claims.js'
import type { ActionsTokenRequest } from '../../sigstore/identity/provider.js'
import type { TriState } from './inputs.js'

/** For private or test Sigstore setups whose OIDC discovery is not served at the issuer URL itself. */
export const OIDC_DISCOVERY_ENV = 'OCI_ATTEST_OIDC_DISCOVERY_URL'

/** What the workflow run says about itself; the dry run builds its stand-in token claims from it. */
export interface WorkflowRun {
  ref?: string
  sha?: string
  workflow?: string
  workflowRef?: string
  workflowSha?: string
  runId?: string
  runAttempt?: string
  repositoryId?: string
  repositoryOwner?: string
  repositoryOwnerId?: string
  runnerEnvironment?: string
}

export interface RunContext {
  eventName?: string
  serverUrl: string
  apiUrl: string
  repository?: string
  runnerTemp: string
  /** Both Actions OIDC request variables are present (the job has `id-token: write`). */
  hasOidcRequest: boolean
  /** The Actions token endpoint and its bearer, when the job may ask for an OIDC token. */
  oidcRequest?: ActionsTokenRequest
  /** OCI_ATTEST_OIDC_DISCOVERY_URL. */
  oidcDiscoveryUrl?: string
  /** GITHUB_ACTOR: the user name sent with a GITHUB_TOKEN to ghcr.io. */
  actor?: string
  /** GITHUB_ACTIONS=true: running on an Actions runner. */
  onRunner: boolean
  /** RUNNER_DEBUG=1 or ACTIONS_STEP_DEBUG=true: the job asked for debug lines. */
  debug: boolean
  workflowRun: WorkflowRun
}

const value = (v: string | undefined): string | undefined => v || undefined

export function readRunContext(env: NodeJS.ProcessEnv): RunContext {
  const tokenUrl = value(env.ACTIONS_ID_TOKEN_REQUEST_URL)
  const tokenBearer = value(env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
  const context: RunContext = {
    eventName: value(env.GITHUB_EVENT_NAME),
    serverUrl: githubServerUrl(env.GITHUB_SERVER_URL),
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    repository: value(env.GITHUB_REPOSITORY),
    runnerTemp: env.RUNNER_TEMP || env.TMPDIR || '/tmp',
    hasOidcRequest: Boolean(tokenUrl && tokenBearer),
    onRunner: env.GITHUB_ACTIONS === 'true',
    debug: env.RUNNER_DEBUG === '1' || env.ACTIONS_STEP_DEBUG === 'true',
    workflowRun: {
      ref: value(env.GITHUB_REF),
      sha: value(env.GITHUB_SHA),
      workflow: value(env.GITHUB_WORKFLOW),
      workflowRef: value(env.GITHUB_WORKFLOW_REF),
      workflowSha: value(env.GITHUB_WORKFLOW_SHA),
      runId: value(env.GITHUB_RUN_ID),
      runAttempt: value(env.GITHUB_RUN_ATTEMPT),
      repositoryId: value(env.GITHUB_REPOSITORY_ID),
      repositoryOwner: value(env.GITHUB_REPOSITORY_OWNER),
      repositoryOwnerId: value(env.GITHUB_REPOSITORY_OWNER_ID),
      runnerEnvironment: value(env.RUNNER_ENVIRONMENT)
    }
  }
  // Set only when present, so a partial request (URL without bearer) reaches the provider's own message.
  if (tokenUrl || tokenBearer) context.oidcRequest = { url: tokenUrl, bearer: tokenBearer }
  const discovery = value(env[OIDC_DISCOVERY_ENV])
  if (discovery) context.oidcDiscoveryUrl = discovery
  const actor = value(env.GITHUB_ACTOR)
  if (actor) context.actor = actor
  return context
}

// Pull-request events never sign: fork PRs have no token, and same-repo PRs must not publish unreviewed code.
const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target'])

export interface DryRunDecision {
  dryRun: boolean
  reason: string
}

export function decideDryRun(setting: TriState, context: RunContext): DryRunDecision {
  if (setting === 'true') return { dryRun: true, reason: 'dry-run: true' }
  if (setting === 'false') return { dryRun: false, reason: 'dry-run: false' }
  if (context.eventName && PULL_REQUEST_EVENTS.has(context.eventName))
    return { dryRun: true, reason: `dry-run: auto, and the event is ${context.eventName}` }
  if (!context.hasOidcRequest)
    return {
      dryRun: true,
      reason:
        'dry-run: auto, and the job has no OIDC token (ACTIONS_ID_TOKEN_REQUEST_* unset: fork pull request, or `id-token: write` missing)'
    }
  return { dryRun: false, reason: 'dry-run: auto, with an OIDC token and a non-PR event' }
}
