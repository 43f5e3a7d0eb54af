// SLSA provenance from the verified OIDC claims: v1 exactly as GitHub builds it, and v0.2 with the same facts.
import type { GitHubClaims } from '../github/claims.js'
import { workflowPath } from '../github/claims.js'

export const SLSA_V1 = 'https://slsa.dev/provenance/v1'
export const SLSA_V02 = 'https://slsa.dev/provenance/v0.2'
export const GITHUB_WORKFLOW_BUILD_TYPE = 'https://actions.github.io/buildtypes/workflow/v1'

export type ProvenanceVersion = 'v1' | 'v0.2'

const trim = (url: string): string => url.replace(/\/$/, '')

function facts(claims: GitHubClaims, serverUrl: string) {
  const server = trim(serverUrl)
  return {
    server,
    repositoryUrl: `${server}/${claims.repository}`,
    sourceUri: `git+${server}/${claims.repository}@${claims.ref}`,
    builderId: `${server}/${claims.job_workflow_ref}`,
    invocationId: `${server}/${claims.repository}/actions/runs/${claims.run_id}/attempts/${claims.run_attempt}`,
    path: workflowPath(claims)
  }
}

export function provenanceV1(claims: GitHubClaims, serverUrl = 'https://github.com') {
  const f = facts(claims, serverUrl)
  return {
    buildDefinition: {
      buildType: GITHUB_WORKFLOW_BUILD_TYPE,
      externalParameters: { workflow: { ref: claims.ref, repository: f.repositoryUrl, path: f.path } },
      internalParameters: {
        github: {
          event_name: claims.event_name,
          repository_id: claims.repository_id,
          repository_owner_id: claims.repository_owner_id,
          runner_environment: claims.runner_environment
        }
      },
      resolvedDependencies: [{ uri: f.sourceUri, digest: { gitCommit: claims.sha } }]
    },
    runDetails: { builder: { id: f.builderId }, metadata: { invocationId: f.invocationId } }
  }
}

/** Field names as in-toto-golang's v0.2 struct, which cosign decodes for `--type slsaprovenance`. */
export function provenanceV02(claims: GitHubClaims, serverUrl = 'https://github.com') {
  const f = facts(claims, serverUrl)
  return {
    builder: { id: f.builderId },
    buildType: GITHUB_WORKFLOW_BUILD_TYPE,
    invocation: {
      configSource: { uri: f.sourceUri, digest: { sha1: claims.sha }, entryPoint: f.path },
      parameters: {},
      environment: {
        github_event_name: claims.event_name,
        github_repository_id: claims.repository_id,
        github_repository_owner_id: claims.repository_owner_id,
        github_run_attempt: claims.run_attempt,
        github_run_id: claims.run_id,
        github_runner_environment: claims.runner_environment,
        github_sha1: claims.sha
      }
    },
    metadata: {
      buildInvocationID: f.invocationId,
      completeness: { parameters: true, environment: false, materials: false },
      reproducible: false
    },
    materials: [{ uri: f.sourceUri, digest: { sha1: claims.sha } }]
  }
}

export function provenancePredicate(version: ProvenanceVersion, claims: GitHubClaims, serverUrl?: string) {
  return version === 'v1'
    ? { predicateType: SLSA_V1, predicate: provenanceV1(claims, serverUrl) as object }
    : { predicateType: SLSA_V02, predicate: provenanceV02(claims, serverUrl) as object }
}
