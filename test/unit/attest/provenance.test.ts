import { describe, expect, it } from '@jest/globals'
import { provenanceV02, provenanceV1 } from '../../../src/attest/provenance.js'
import type { GitHubClaims } from '../../../src/github/claims.js'

const claims: GitHubClaims = {
  iss: 'https://token.actions.githubusercontent.com',
  sub: 'repo:NVIDIA/gpu-operator:ref:refs/tags/v25.3.0',
  aud: 'sigstore',
  exp: 0,
  repository: 'NVIDIA/gpu-operator',
  repository_id: '123',
  repository_owner: 'NVIDIA',
  repository_owner_id: '456',
  repository_visibility: 'public',
  ref: 'refs/tags/v25.3.0',
  sha: 'c0ffee'.padEnd(40, '0'),
  workflow_ref: 'NVIDIA/gpu-operator/.github/workflows/release.yml@refs/tags/v25.3.0',
  job_workflow_ref: 'NVIDIA/gpu-operator/.github/workflows/release.yml@refs/tags/v25.3.0',
  event_name: 'push',
  run_id: '789',
  run_attempt: '2',
  runner_environment: 'github-hosted'
}

describe('SLSA provenance', () => {
  it('v1 is built exactly as GitHub builds it', () => {
    expect(provenanceV1(claims)).toEqual({
      buildDefinition: {
        buildType: 'https://actions.github.io/buildtypes/workflow/v1',
        externalParameters: {
          workflow: {
            ref: 'refs/tags/v25.3.0',
            repository: 'https://github.com/NVIDIA/gpu-operator',
            path: '.github/workflows/release.yml'
          }
        },
        internalParameters: {
          github: {
            event_name: 'push',
            repository_id: '123',
            repository_owner_id: '456',
            runner_environment: 'github-hosted'
          }
        },
        resolvedDependencies: [
          {
            uri: 'git+https://github.com/NVIDIA/gpu-operator@refs/tags/v25.3.0',
            digest: { gitCommit: claims.sha }
          }
        ]
      },
      runDetails: {
        builder: {
          id: 'https://github.com/NVIDIA/gpu-operator/.github/workflows/release.yml@refs/tags/v25.3.0'
        },
        metadata: { invocationId: 'https://github.com/NVIDIA/gpu-operator/actions/runs/789/attempts/2' }
      }
    })
  })

  it('v0.2 carries the same facts under in-toto v0.2 field names', () => {
    const p = provenanceV02(claims, 'https://ghe.example.com/')
    expect(p.builder.id).toBe(
      'https://ghe.example.com/NVIDIA/gpu-operator/.github/workflows/release.yml@refs/tags/v25.3.0'
    )
    expect(p.invocation.configSource).toEqual({
      uri: 'git+https://ghe.example.com/NVIDIA/gpu-operator@refs/tags/v25.3.0',
      digest: { sha1: claims.sha },
      entryPoint: '.github/workflows/release.yml'
    })
    expect(p.metadata.buildInvocationID).toBe(
      'https://ghe.example.com/NVIDIA/gpu-operator/actions/runs/789/attempts/2'
    )
    expect(p.materials).toEqual([{ uri: p.invocation.configSource.uri, digest: { sha1: claims.sha } }])
    expect(Object.keys(p.metadata)).toEqual(['buildInvocationID', 'completeness', 'reproducible'])
  })

  it('builder id follows a reusable workflow (job_workflow_ref), the source follows the caller', () => {
    const reusable = {
      ...claims,
      job_workflow_ref: 'org/attest/.github/workflows/attest.yml@refs/heads/main'
    }
    const p = provenanceV1(reusable)
    expect(p.runDetails.builder.id).toBe(
      'https://github.com/org/attest/.github/workflows/attest.yml@refs/heads/main'
    )
    expect(p.buildDefinition.externalParameters.workflow.path).toBe('.github/workflows/release.yml')
  })
})
