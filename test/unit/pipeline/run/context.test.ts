import { describe, expect, it } from '@jest/globals'
import { decideDryRun, readRunContext } from '../../../../src/pipeline/run/context.js'
import { claimsFromContext } from '../../../../src/pipeline/dry-run-session.js'

const oidc = { ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:1/t?x=1', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't' }

describe('decideDryRun', () => {
  it.each([
    ['auto', { GITHUB_EVENT_NAME: 'push', ...oidc }, false],
    ['auto', { GITHUB_EVENT_NAME: 'push' }, true],
    ['auto', { GITHUB_EVENT_NAME: 'pull_request', ...oidc }, true],
    ['auto', { GITHUB_EVENT_NAME: 'pull_request_target', ...oidc }, true],
    ['auto', { GITHUB_EVENT_NAME: 'release', ACTIONS_ID_TOKEN_REQUEST_URL: 'http://x' }, true],
    ['true', { GITHUB_EVENT_NAME: 'push', ...oidc }, true],
    ['false', { GITHUB_EVENT_NAME: 'pull_request' }, false]
  ] as const)('dry-run %s with %j → %s', (setting, env, expected) => {
    expect(decideDryRun(setting, readRunContext(env)).dryRun).toBe(expected)
  })

  it('says why a run is dry', () => {
    expect(decideDryRun('auto', readRunContext({ GITHUB_EVENT_NAME: 'workflow_dispatch' })).reason).toMatch(
      /no OIDC token.*id-token: write/
    )
  })

  it('reads server and API URLs with GitHub.com defaults', () => {
    expect(readRunContext({})).toMatchObject({
      serverUrl: 'https://github.com',
      apiUrl: 'https://api.github.com'
    })
    expect(readRunContext({ GITHUB_SERVER_URL: 'https://ghe.example.com/' }).serverUrl).toBe(
      'https://ghe.example.com'
    )
  })

  it('reads every variable the run uses into typed fields, once', () => {
    const context = readRunContext({
      GITHUB_ACTIONS: 'true',
      GITHUB_ACTOR: 'octocat',
      RUNNER_DEBUG: '1',
      RUNNER_TEMP: '/runner/tmp',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'https://token.example/?x=1',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'bearer',
      OCI_ATTEST_OIDC_DISCOVERY_URL: 'https://issuer.example',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_SHA: 'f'.repeat(40),
      GITHUB_WORKFLOW_REF: 'o/r/.github/workflows/w.yml@refs/heads/main',
      GITHUB_RUN_ID: '7',
      RUNNER_ENVIRONMENT: 'github-hosted'
    })
    expect(context).toMatchObject({
      onRunner: true,
      actor: 'octocat',
      debug: true,
      runnerTemp: '/runner/tmp',
      hasOidcRequest: true,
      oidcRequest: { url: 'https://token.example/?x=1', bearer: 'bearer' },
      oidcDiscoveryUrl: 'https://issuer.example',
      workflowRun: {
        ref: 'refs/heads/main',
        sha: 'f'.repeat(40),
        workflowRef: 'o/r/.github/workflows/w.yml@refs/heads/main',
        runId: '7',
        runnerEnvironment: 'github-hosted'
      }
    })
    expect(readRunContext({ ACTIONS_STEP_DEBUG: 'true' }).debug).toBe(true)
    const bare = readRunContext({})
    expect(bare).toMatchObject({ onRunner: false, debug: false, hasOidcRequest: false })
    expect('oidcRequest' in bare || 'actor' in bare || 'oidcDiscoveryUrl' in bare).toBe(false)
  })

  it('gives the dry run its stand-in claims from the context, not from process.env', () => {
    const claims = claimsFromContext(
      readRunContext({
        GITHUB_REPOSITORY: 'o/r',
        GITHUB_REF: 'refs/tags/v1',
        GITHUB_EVENT_NAME: 'pull_request'
      })
    )
    expect(claims).toMatchObject({
      repository: 'o/r',
      repository_owner: 'o',
      ref: 'refs/tags/v1',
      sub: 'repo:o/r:ref:refs/tags/v1',
      event_name: 'pull_request',
      workflow_ref: 'o/r/.github/workflows/unknown.yml@refs/tags/v1'
    })
  })
})
