// A signing session for dry runs: claims from the runner's environment (no token exists), the real signer and
// witness code wired to the in-process stand-ins, and trust in those stand-ins alone (nothing else trusts them).
import { toTrustMaterial } from '@sigstore/verify'
import { certificateIdentity, issuerForServer, serverUrlFromEnv } from '../sigstore/identity/claims.js'
import type { GitHubClaims } from '../sigstore/identity/claims.js'
import { StaticIdentityProvider } from '../sigstore/identity/provider.js'
import { DRY_RUN_FULCIO_URL, DRY_RUN_REKOR_URL, DryRunSigstore } from './dry-run-sigstore.js'
import { wireSigningSession } from './session.js'
import type { SigningSession } from './session.js'

/** What the OIDC token would have said, from the variables every runner sets (placeholders outside one). */
export function claimsFromEnvironment(env: NodeJS.ProcessEnv = process.env): GitHubClaims {
  const serverUrl = serverUrlFromEnv(env)
  const repository = env.GITHUB_REPOSITORY || 'local/unknown'
  const ref = env.GITHUB_REF || 'refs/heads/unknown'
  const workflowRef = env.GITHUB_WORKFLOW_REF || `${repository}/.github/workflows/unknown.yml@${ref}`
  const now = Math.floor(Date.now() / 1000)
  return {
    iss: issuerForServer(serverUrl),
    sub: `repo:${repository}:ref:${ref}`,
    aud: 'sigstore',
    exp: now + 600,
    iat: now,
    repository,
    repository_id: env.GITHUB_REPOSITORY_ID || '0',
    repository_owner: env.GITHUB_REPOSITORY_OWNER || repository.split('/')[0] || 'local',
    repository_owner_id: env.GITHUB_REPOSITORY_OWNER_ID || '0',
    ref,
    sha: env.GITHUB_SHA || '0'.repeat(40),
    ...(env.GITHUB_WORKFLOW ? { workflow: env.GITHUB_WORKFLOW } : {}),
    workflow_ref: workflowRef,
    ...(env.GITHUB_WORKFLOW_SHA ? { workflow_sha: env.GITHUB_WORKFLOW_SHA } : {}),
    // A reusable workflow's own ref is only in the token; the caller's workflow stands in for it here.
    job_workflow_ref: workflowRef,
    event_name: env.GITHUB_EVENT_NAME || 'unknown',
    run_id: env.GITHUB_RUN_ID || '0',
    run_attempt: env.GITHUB_RUN_ATTEMPT || '1',
    ...(env.RUNNER_ENVIRONMENT ? { runner_environment: env.RUNNER_ENVIRONMENT } : {})
  }
}

/** An unsigned JWT carrying `sub`, which the signer uses for its proof of possession. */
function placeholderToken(claims: GitHubClaims): string {
  const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url')
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: claims.sub, exp: claims.exp })}.`
}

export function openDryRunSession(env: NodeJS.ProcessEnv = process.env): SigningSession {
  const claims = claimsFromEnvironment(env)
  const standIn = new DryRunSigstore({ san: certificateIdentity(claims), issuer: claims.iss })
  // The same wiring as a real run; only the HTTP, the identity and the trust are the stand-in's.
  return wireSigningSession({
    claims,
    identity: new StaticIdentityProvider(placeholderToken(claims)),
    trust: toTrustMaterial(standIn.trustedRoot()),
    serverUrl: serverUrlFromEnv(env),
    fulcioUrl: DRY_RUN_FULCIO_URL,
    rekorUrl: DRY_RUN_REKOR_URL,
    http: standIn,
    // The throwaway CA embeds no SCT; there is no CT log to have one from.
    ignoreSct: true
  })
}
