// A signing session for dry runs: claims from the runner's environment (no token exists), the real signer and
// witness code wired to the in-process stand-ins, and trust in nothing (dry-run bundles verify nowhere).
import { TrustedRoot } from '@sigstore/protobuf-specs'
import { toTrustMaterial } from '@sigstore/verify'
import { certificateIdentity, issuerForServer } from '../sigstore/identity/claims.js'
import type { GitHubClaims } from '../sigstore/identity/claims.js'
import { StaticIdentityProvider } from '../sigstore/identity/provider.js'
import { ArtifactSigner } from '../sigstore/sign-artifacts.js'
import { EphemeralSigner } from '../sigstore/signer/ephemeral-signer.js'
import { FulcioClient } from '../sigstore/signer/fulcio-client.js'
import { BundleVerifier } from '../sigstore/verify/bundle-verifier.js'
import { RekorClient } from '../sigstore/witness/rekor-client.js'
import { RekorWitness } from '../sigstore/witness/rekor-witness.js'
import { DRY_RUN_FULCIO_URL, DRY_RUN_REKOR_URL, DryRunSigstore } from './dry-run-sigstore.js'
import type { WorkflowRun } from './run/context.js'
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
  const serverUrl = context.serverUrl
  const identity = { subjectAlternativeName: certificateIdentity(claims), issuer: claims.iss }
  const standIn = new DryRunSigstore({ san: identity.subjectAlternativeName, issuer: identity.issuer })
  const ephemeral = new EphemeralSigner({
    identity: new StaticIdentityProvider(placeholderToken(claims)),
    fulcio: new FulcioClient({ baseUrl: DRY_RUN_FULCIO_URL, http: standIn })
  })
  const rekor = new RekorWitness({ client: new RekorClient({ baseUrl: DRY_RUN_REKOR_URL, http: standIn }) })
  const trust = toTrustMaterial(
    TrustedRoot.fromJSON({
      mediaType: 'application/vnd.dev.sigstore.trustedroot+json;version=0.1',
      tlogs: [],
      certificateAuthorities: [],
      ctlogs: [],
      timestampAuthorities: []
    })
  )
  return {
    claims,
    identity,
    serverUrl,
    rekorUrl: DRY_RUN_REKOR_URL,
    signer: new ArtifactSigner({ signer: ephemeral, witnesses: [rekor] }),
    ephemeral,
    rekor,
    verifier: new BundleVerifier(trust),
    trust,
    // The stand-ins answer at once in-process and publish nothing: there is nothing to cancel.
    cancel: () => undefined
  }
}
