// Bundles reach GitHub's attestation store as its REST API documents; refusals for permissions become warnings.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { BedState } from '../../bed/state.js'
import { pushSampleImage } from '../../bed/tools/sample-image.js'
import { RegistryClient } from '../../../src/oci/index.js'
import { attestSubjects } from '../../../src/pipeline/attest-subjects.js'
import { planned, sbomFromFile } from '../support/subjects.js'
import type { SigningSession } from '../../../src/pipeline/session.js'
import { GitHubAttestationStore } from '../../../src/publish/github-store.js'
import { openSession, readBedState, sbomFile } from '../interop/fixture.js'
import { startGitHubApi } from './github-api-server.js'
import type { GitHubApiStandIn } from './github-api-server.js'

const TOKEN = 'ghs_test_token_for_local_api'
let state: BedState
let session: SigningSession
let api: GitHubApiStandIn

beforeAll(async () => {
  state = readBedState()
  session = await openSession(state)
  api = await startGitHubApi(TOKEN)
})
afterAll(async () => api.close())

async function subject(): Promise<string> {
  const digest = await pushSampleImage(state, 'distribution', 'gh/app', `g${Date.now()}`)
  return `${state.registries.distribution.host}/gh/app@${digest}`
}

describe('GitHub attestation store', () => {
  it('stores every statement bundle with a URL per item', async () => {
    const store = new GitHubAttestationStore({
      token: TOKEN,
      repository: session.claims.repository,
      apiUrl: api.url
    })
    const report = await attestSubjects(
      {
        subjects: await planned(new RegistryClient(), [await subject()]),
        ...(await sbomFromFile(await sbomFile(state))),
        verify: false
      },
      { registry: new RegistryClient(), session, githubStore: store }
    )
    expect(api.rejected).toEqual([])
    expect(api.accepted.map(a => a.predicateType).sort()).toEqual([
      'https://cyclonedx.org/bom',
      'https://sigstore.dev/cosign/sign/v1',
      'https://slsa.dev/provenance/v0.2',
      'https://slsa.dev/provenance/v1'
    ])
    expect(new Set(api.accepted.map(a => a.repository))).toEqual(new Set([session.claims.repository]))
    const urls = report.subjects[0]!.items.filter(i => i.githubAttestationUrl)
    expect(urls).toHaveLength(4)
    expect(report.subjects[0]!.warnings).toEqual([])
  })

  it.each([403, 404, 422])(
    'HTTP %i (permission or plan) is a warning naming attestations: write',
    async status => {
      api.forceStatus = status
      try {
        const store = new GitHubAttestationStore({
          token: TOKEN,
          repository: session.claims.repository,
          apiUrl: api.url
        })
        const report = await attestSubjects(
          {
            subjects: await planned(new RegistryClient(), [await subject()]),
            provenance: ['v1'],
            verify: false
          },
          { registry: new RegistryClient(), session, githubStore: store }
        )
        expect(report.subjects[0]!.warnings).toHaveLength(1)
        expect(report.subjects[0]!.warnings[0]).toContain('attestations: write')
        expect(report.subjects[0]!.items.some(i => i.githubAttestationUrl)).toBe(false)
      } finally {
        delete api.forceStatus
      }
    }
  )

  it('a wrong token is an error, not a warning', async () => {
    const store = new GitHubAttestationStore({
      token: 'wrong',
      repository: session.claims.repository,
      apiUrl: api.url
    })
    await expect(store.store(Buffer.from('{}'))).rejects.toMatchObject({ code: 'GITHUB_ATTESTATION_FAILED' })
  })
})
