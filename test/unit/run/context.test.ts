import { describe, expect, it } from '@jest/globals'
import { decideDryRun, readRunContext } from '../../../src/pipeline/run/context.js'

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
})
