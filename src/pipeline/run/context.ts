// The GitHub run as the runner describes it in environment variables, read in one place.
import { serverUrlFromEnv } from '../../sigstore/identity/claims.js'
import type { TriState } from './inputs.js'

export interface RunContext {
  eventName?: string
  serverUrl: string
  apiUrl: string
  repository?: string
  runnerTemp: string
  /** Both Actions OIDC request variables are present (the job has `id-token: write`). */
  hasOidcRequest: boolean
}

export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  return {
    eventName: env.GITHUB_EVENT_NAME || undefined,
    serverUrl: serverUrlFromEnv(env),
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    repository: env.GITHUB_REPOSITORY || undefined,
    runnerTemp: env.RUNNER_TEMP || env.TMPDIR || '/tmp',
    hasOidcRequest: Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN)
  }
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
