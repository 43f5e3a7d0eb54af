import { describe, expect, it } from '@jest/globals'
import { githubServerUrl, issuerForServer, workflowPath } from '../../../src/github/claims.js'
import type { GitHubClaims } from '../../../src/github/claims.js'
import { assertRekorAllowed, isPublicGoodRekor } from '../../../src/sigstore/witness/privacy-guard.js'

describe('GitHub claims', () => {
  it('issuer follows the server as @actions/attest has it', () => {
    expect(issuerForServer()).toBe('https://token.actions.githubusercontent.com')
    expect(issuerForServer('https://github.com/')).toBe('https://token.actions.githubusercontent.com')
    expect(issuerForServer('https://octo.ghe.com')).toBe('https://token.actions.octo.ghe.com')
    expect(issuerForServer('https://ghes.corp.example')).toBe('https://ghes.corp.example/_services/token')
  })

  it('reads the server URL one way everywhere: empty or unset is github.com, trailing slashes go', () => {
    expect(githubServerUrl(undefined)).toBe('https://github.com')
    expect(githubServerUrl('')).toBe('https://github.com')
    expect(githubServerUrl('https://ghes.corp.example//')).toBe('https://ghes.corp.example')
    expect(issuerForServer(githubServerUrl(''))).toBe('https://token.actions.githubusercontent.com')
  })

  it('workflow path comes from workflow_ref without repository and ref', () => {
    const c = {
      repository: 'o/r',
      workflow_ref: 'o/r/.github/workflows/a@b.yml@refs/heads/main'
    } as GitHubClaims
    expect(workflowPath(c)).toBe('.github/workflows/a')
    expect(workflowPath({ ...c, workflow_ref: 'o/r/.github/workflows/rel.yml@refs/tags/v1' })).toBe(
      '.github/workflows/rel.yml'
    )
  })
})

describe('public Rekor guard (pure)', () => {
  it('only the public-good host counts as public', () => {
    expect(isPublicGoodRekor('https://rekor.sigstore.dev')).toBe(true)
    expect(isPublicGoodRekor('https://rekor.internal.example')).toBe(false)
    // Rekor v2's yearly shards are as public as v1; a look-alike host is not public good.
    expect(isPublicGoodRekor('https://log2025-1.rekor.sigstore.dev')).toBe(true)
    expect(isPublicGoodRekor('https://rekor.sigstore.dev.example')).toBe(false)
    expect(isPublicGoodRekor('https://notrekor.sigstore.dev')).toBe(false)
  })

  it('missing visibility is treated as not public', () => {
    expect(() => assertRekorAllowed({ repository: 'o/r' }, 'https://rekor.sigstore.dev', false)).toThrow(
      expect.objectContaining({ code: 'PUBLIC_REKOR_PRIVATE_REPOSITORY' })
    )
    expect(() =>
      assertRekorAllowed({ repository: 'o/r' }, 'https://rekor.internal.example', false)
    ).not.toThrow()
  })
})
