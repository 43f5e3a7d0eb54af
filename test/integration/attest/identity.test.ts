// The OIDC side against the bed's issuer: Actions token endpoint, token verification, the public-Rekor guard.
import { beforeAll, describe, expect, it } from '@jest/globals'
import type { BedState, SigstoreState } from '../../bed/state.js'
import { requireSigstore } from '../../bed/state.js'
import { openSigningSession } from '../../../src/pipeline/session.js'
import {
  ActionsIdentityProvider,
  PERMISSIONS_YAML,
  StaticIdentityProvider
} from '../../../src/sigstore/identity/provider.js'
import { verifyIdToken } from '../../../src/sigstore/identity/verify-token.js'
import { mintToken, readBedState } from '../interop/fixture.js'

let state: BedState
let s: SigstoreState

beforeAll(() => {
  state = readBedState()
  s = requireSigstore(state)
})

describe('Actions OIDC token', () => {
  it('asks the runner endpoint for audience sigstore with the request token and masks both', async () => {
    const masked: string[] = []
    const provider = new ActionsIdentityProvider({
      request: { url: s.tokenRequestUrl, bearer: s.tokenRequestToken },
      maskSecret: v => masked.push(v)
    })
    const token = await provider.getToken()
    const claims = await verifyIdToken(token, { discoveryBaseUrl: s.oidcUrl })
    expect(claims.aud).toBe('sigstore')
    expect(masked).toEqual([s.tokenRequestToken, token])
  })

  it('without the request variables fails with the permissions YAML that fixes it', async () => {
    const provider = new ActionsIdentityProvider({ request: { url: s.tokenRequestUrl } })
    const err = await provider.getToken().catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'MISSING_ID_TOKEN_PERMISSION' })
    expect((err as Error).message).toContain(
      'permissions:\n  id-token: write\n  contents: read\n  packages: write'
    )
    expect(PERMISSIONS_YAML).toBe('permissions:\n  id-token: write\n  contents: read\n  packages: write')
  })

  it('a refused request token is reported without printing it', async () => {
    const provider = new ActionsIdentityProvider({
      request: { url: s.tokenRequestUrl, bearer: 'not-the-token' }
    })
    const err = (await provider.getToken().catch((e: unknown) => e)) as Error & { code: string }
    expect(err.code).toBe('ID_TOKEN_REQUEST_FAILED')
    expect(err.message).not.toContain('not-the-token')
  })
})

describe('token verification against the issuer JWKS', () => {
  const verify = (token: string) => verifyIdToken(token, { discoveryBaseUrl: s.oidcUrl })

  it('accepts a genuine token and exposes typed claims', async () => {
    const claims = await verify(await mintToken(state, { repository: 'org/repo', run_id: '7' }))
    expect(claims.repository).toBe('org/repo')
    expect(claims.run_id).toBe('7')
  })

  it.each([
    ['another audience', { aud: 'not-sigstore' }, /audience/],
    ['an expired token', { exp: Math.floor(Date.now() / 1000) - 10 }, /expired/],
    ['another issuer', { iss: 'https://issuer.example.com' }, /issuer/],
    ['a token without job_workflow_ref', { job_workflow_ref: null }, /job_workflow_ref/]
  ])('rejects %s', async (_name, claims, message) => {
    await expect(verify(await mintToken(state, claims))).rejects.toMatchObject({
      code: 'ID_TOKEN_INVALID',
      message: expect.stringMatching(message)
    })
  })

  it('rejects claims changed after signing', async () => {
    const [h, p, sig] = (await mintToken(state)).split('.')
    const claims = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>
    const forged = Buffer.from(JSON.stringify({ ...claims, repository: 'attacker/repo' })).toString(
      'base64url'
    )
    await expect(verify(`${h}.${forged}.${sig}`)).rejects.toMatchObject({
      code: 'ID_TOKEN_INVALID',
      message: expect.stringMatching(/signature/)
    })
  })

  it('the expected issuer follows the server URL (the run passes GITHUB_SERVER_URL)', async () => {
    const token = await mintToken(state)
    await expect(
      verifyIdToken(token, {
        discoveryBaseUrl: s.oidcUrl,
        serverUrl: 'https://ghes.example.com'
      })
    ).rejects.toMatchObject({
      message: expect.stringContaining('https://ghes.example.com/_services/token')
    })
  })
})

describe('public Rekor guard', () => {
  const open = async (claims: Record<string, unknown>, allow: boolean) =>
    openSigningSession(
      {
        rekorUrl: 'https://rekor.sigstore.dev',
        fulcioUrl: s.fulcioUrl,
        trustedRootPath: s.trustedRootPath,
        oidcDiscoveryUrl: s.oidcUrl,
        allowPublicRekorForPrivateRepos: allow
      },
      { identity: new StaticIdentityProvider(await mintToken(state, claims)) }
    )

  it('refuses a private repository on the public-good Rekor, explaining both choices', async () => {
    const err = (await open({ repository_visibility: 'private' }, false).catch((e: unknown) => e)) as Error
    expect(err).toMatchObject({ code: 'PUBLIC_REKOR_PRIVATE_REPOSITORY' })
    expect(err.message).toMatch(/allow-public-rekor-for-private-repos: true/)
    expect(err.message).toMatch(/your own Sigstore instance/)
    await expect(open({ repository_visibility: 'internal' }, false)).rejects.toMatchObject({
      code: 'PUBLIC_REKOR_PRIVATE_REPOSITORY'
    })
  })

  it('lets a public repository, or an explicit opt-in, through', async () => {
    await expect(open({ repository_visibility: 'public' }, false)).resolves.toBeDefined()
    await expect(open({ repository_visibility: 'private' }, true)).resolves.toBeDefined()
  })
})
