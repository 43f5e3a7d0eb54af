// A signing session for dry runs: claims from the runner's environment (no token exists), the real signer and
// witness code wired to the in-process stand-ins, and trust in those stand-ins alone (nothing else trusts them).
import { toTrustMaterial } from '@sigstore/verify'
import { certificateIdentity, issuerForServer } from '../github/claims.js'
import type { GitHubClaims } from '../github/claims.js'
import { StaticIdentityProvider } from '../sigstore/identity/provider.js'
import { DRY_RUN_FULCIO_URL, DRY_RUN_REKOR_URL, DryRunSigstore } from './dry-run-sigstore.js'
import type { WorkflowRun } from './run/context.js'
import { wireSigningSession } from './session.js'
import type { SigningSession } from './session.js'

/** What the dry run needs of the run context (src/pipeline/run/context.ts reads it from the environment). */
export interface DryRunContext {
  serverUrl: string
  repository?: string | undefined
  eventName?: string | undefined
  workflowRun: WorkflowRun
}

/** What the OIDC token would have said, from the variables every runner sets (placeholders outside one). */
export function claimsFromContext(context: DryRunContext): GitHubClaims {
  const { serverUrl, workflowRun: run } = context
  const repository = context.repository || 'local/unknown'
  const ref = run.ref || 'refs/heads/unknown'
  const workflowRef = run.workflowRef || `${repository}/.github/workflows/unknown.yml@${ref}`
  const now = Math.floor(Date.now() / 1000)
  return {
    iss: issuerForServer(serverUrl),
    sub: `repo:${repository}:ref:${ref}`,
    aud: 'sigstore',
    exp: now + 600,
    iat: now,
    repository,
    repository_id: run.repositoryId || '0',
    repository_owner: run.repositoryOwner || repository.split('/')[0] || 'local',
    repository_owner_id: run.repositoryOwnerId || '0',
    ref,
    sha: run.sha || '0'.repeat(40),
    ...(run.workflow ? { workflow: run.workflow } : {}),
    workflow_ref: workflowRef,
    ...(run.workflowSha ? { workflow_sha: run.workflowSha } : {}),
    // A reusable workflow's own ref is only in the token; the caller's workflow stands in for it here.
    job_workflow_ref: workflowRef,
    event_name: context.eventName || 'unknown',
    run_id: run.runId || '0',
    run_attempt: run.runAttempt || '1',
    ...(run.runnerEnvironment ? { runner_environment: run.runnerEnvironment } : {})
  }
}

/** An unsigned JWT carrying `sub`, which the signer uses for its proof of possession. */
function placeholderToken(claims: GitHubClaims): string {
  const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url')
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: claims.sub, exp: claims.exp })}.`
}

export function openDryRunSession(context: DryRunContext): SigningSession {
  const claims = claimsFromContext(context)
  const standIn = new DryRunSigstore({ san: certificateIdentity(claims), issuer: claims.iss })
  // The same wiring as a real run; only the HTTP, the identity and the trust are the stand-in's.
  return wireSigningSession({
    claims,
    identity: new StaticIdentityProvider(placeholderToken(claims)),
    trust: toTrustMaterial(standIn.trustedRoot()),
    serverUrl: context.serverUrl,
    fulcioUrl: DRY_RUN_FULCIO_URL,
    rekorUrl: DRY_RUN_REKOR_URL,
    http: standIn,
    // The throwaway CA embeds no SCT; there is no CT log to have one from.
    ignoreSct: true
  })
}
