import { describe, expect, it } from '@jest/globals'
import { planStatements } from '../../../src/pipeline/statements.js'
import { subjectAt } from '../support/subject.js'
import type { GitHubClaims } from '../../../src/github/claims.js'

const claims = {
  iss: 'https://token.actions.githubusercontent.com',
  repository: 'o/r',
  repository_id: '1',
  repository_owner_id: '2',
  ref: 'refs/heads/main',
  sha: 'f'.repeat(40),
  workflow_ref: 'o/r/.github/workflows/r.yml@refs/heads/main',
  job_workflow_ref: 'o/r/.github/workflows/r.yml@refs/heads/main',
  event_name: 'push',
  run_id: '3',
  run_attempt: '1'
} as GitHubClaims
const digest = `sha256:${'1'.repeat(64)}`

describe('planStatements', () => {
  it('signature bundle (referrers only), provenance versions and SBOM, all naming the subject', () => {
    const planned = planStatements({
      subject: subjectAt('ghcr.io/o/r', digest),
      claims,
      serverUrl: 'https://github.com',
      provenance: ['v1', 'v0.2'],
      sbom: {
        kind: 'spdx',
        predicateType: 'https://spdx.dev/Document',
        predicate: { spdxVersion: 'SPDX-2.3' }
      },
      bundleSignature: true
    })
    expect(planned.map(p => [p.kind, p.predicateType, p.inAttTag])).toEqual([
      ['signature', 'https://sigstore.dev/cosign/sign/v1', false],
      ['provenance-v1', 'https://slsa.dev/provenance/v1', true],
      ['provenance-v0.2', 'https://slsa.dev/provenance/v0.2', true],
      ['sbom-spdx', 'https://spdx.dev/Document', true]
    ])
    for (const p of planned) {
      const statement = JSON.parse(p.bytes.toString()) as { subject: unknown; predicate: unknown }
      expect(statement.subject).toEqual([{ name: 'ghcr.io/o/r', digest: { sha256: '1'.repeat(64) } }])
    }
    expect(JSON.parse(planned[0]!.bytes.toString()).predicate).toEqual({})
  })

  it('without the referrers format there is no bundle-format signature, and provenance can be turned off', () => {
    const planned = planStatements({
      subject: subjectAt('ghcr.io/o/r', digest),
      claims,
      serverUrl: 'https://github.com',
      provenance: [],
      bundleSignature: false
    })
    expect(planned).toEqual([])
  })

  it('refuses an SBOM statement over the limit before anything is signed, naming subject and limit', () => {
    const big = { bomFormat: 'CycloneDX', pad: 'x'.repeat(2 * 1024 * 1024) }
    const plan = (limit?: number) =>
      planStatements({
        subject: subjectAt('ghcr.io/o/r', digest),
        claims,
        serverUrl: 'https://github.com',
        provenance: [],
        sbom: { kind: 'cyclonedx', predicateType: 'https://cyclonedx.org/bom', predicate: big },
        bundleSignature: false,
        ...(limit ? { sbomLimitBytes: limit } : {})
      })
    expect(() => plan(1024 * 1024)).toThrow(
      expect.objectContaining({
        code: 'SBOM_TOO_LARGE',
        message: expect.stringMatching(/ghcr\.io\/o\/r@sha256:1{64}.*over the 1\.0 MiB limit/)
      })
    )
    expect(plan()).toHaveLength(1)
  })

  it('adds the custom predicate as kind custom, in the .att tag, with the predicate unchanged', () => {
    const planned = planStatements({
      subject: subjectAt('ghcr.io/o/r', digest),
      claims,
      serverUrl: 'https://github.com',
      provenance: [],
      custom: {
        predicateType: 'https://example.com/test-result/v1',
        predicate: { result: 'passed' },
        source: 'inline'
      },
      bundleSignature: false
    })
    expect(planned.map(p => [p.kind, p.predicateType, p.inAttTag])).toEqual([
      ['custom', 'https://example.com/test-result/v1', true]
    ])
    expect(JSON.parse(planned[0]!.bytes.toString())).toEqual({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: 'ghcr.io/o/r', digest: { sha256: '1'.repeat(64) } }],
      predicateType: 'https://example.com/test-result/v1',
      predicate: { result: 'passed' }
    })
  })
})
