import { describe, expect, it } from '@jest/globals'
import { CachedIdentityProvider } from '../../../src/pipeline/cached-identity.js'

const jwt = (exp: number) => `h.${Buffer.from(JSON.stringify({ exp })).toString('base64url')}.s`

describe('CachedIdentityProvider', () => {
  it('asks once for concurrent callers and again only when the token is about to expire', async () => {
    let now = 1_000_000_000
    let calls = 0
    const inner = {
      getToken: async () => {
        calls++
        return jwt(now / 1000 + 300)
      }
    }
    const cached = new CachedIdentityProvider(inner, () => now)
    const tokens = await Promise.all([cached.getToken(), cached.getToken(), cached.getToken()])
    expect(new Set(tokens).size).toBe(1)
    expect(calls).toBe(1)
    now += 250_000 // 50 s of validity left
    await cached.getToken()
    expect(calls).toBe(2)
  })

  it('does not keep a failed request', async () => {
    let fail = true
    const cached = new CachedIdentityProvider({
      getToken: async () => {
        if (fail) throw new Error('endpoint down')
        return jwt(Date.now() / 1000 + 600)
      }
    })
    await expect(cached.getToken()).rejects.toThrow('endpoint down')
    fail = false
    await expect(cached.getToken()).resolves.toMatch(/^h\./)
  })
})
