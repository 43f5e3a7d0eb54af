// Token caching and expiry need a controllable clock, so this runs the Authenticator against a small token server.
import { afterEach, describe, expect, it } from '@jest/globals'
import { createHttpClient } from '../../../src/http/index.js'
import { Authenticator, staticCredentials, type RegistryError } from '../../../src/oci/index.js'
import { startServer, type LocalServer } from '../http/local-server.js'

let server: LocalServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function tokenServer(expiresIn?: number) {
  let n = 0
  server = await startServer((req, res) => {
    n++
    if (req.headers.authorization !== `Basic ${Buffer.from('u:p').toString('base64')}`)
      return res.writeHead(401).end('{"details":"bad credentials"}')
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ access_token: `t${n}`, ...(expiresIn ? { expires_in: expiresIn } : {}) }))
  })
  return `Bearer realm="${server.url}/token",service="reg"`
}

describe('Authenticator', () => {
  it('caches a token per scope set until shortly before it expires', async () => {
    const challenge = await tokenServer(300)
    let now = 1_000_000
    const auth = new Authenticator(
      createHttpClient(),
      staticCredentials({ reg: { username: 'u', password: 'p' } }),
      () => now
    )
    const pull = ['repository:a:pull']
    expect(await auth.onUnauthorized('reg', pull, challenge)).toBe('Bearer t1')
    expect(await auth.authorization('reg', pull)).toBe('Bearer t1')
    expect(await auth.authorization('reg', ['repository:a:pull,push'])).toBe('Bearer t2')
    expect(await auth.authorization('reg', pull)).toBe('Bearer t1')
    now += 289_000
    expect(await auth.authorization('reg', pull)).toBe('Bearer t1')
    now += 2_000 // inside the 10 s safety margin before a 300 s token expires
    expect(await auth.authorization('reg', pull)).toBe('Bearer t3')
    const scopes = server!.requests.map(r =>
      new URL(r.url, 'http://x').searchParams.getAll('scope').join(' ')
    )
    expect(scopes).toEqual(['repository:a:pull', 'repository:a:pull,push', 'repository:a:pull'])
    expect(
      server!.requests.every(r => new URL(r.url, 'http://x').searchParams.get('service') === 'reg')
    ).toBe(true)
  })

  it('treats a token without expires_in as valid for 60 seconds', async () => {
    const challenge = await tokenServer()
    let now = 0
    const auth = new Authenticator(
      createHttpClient(),
      staticCredentials({ reg: { username: 'u', password: 'p' } }),
      () => now
    )
    await auth.onUnauthorized('reg', ['s'], challenge)
    now = 45_000
    expect(await auth.authorization('reg', ['s'])).toBe('Bearer t1')
    now = 51_000
    expect(await auth.authorization('reg', ['s'])).toBe('Bearer t2')
  })

  it('fetches a new token when the registry rejects the cached one, and gives up when it rejects that too', async () => {
    const challenge = await tokenServer(300)
    const auth = new Authenticator(
      createHttpClient(),
      staticCredentials({ reg: { username: 'u', password: 'p' } })
    )
    const first = await auth.onUnauthorized('reg', ['s'], challenge)
    const second = await auth.onUnauthorized('reg', ['s'], challenge, first)
    expect(second).toBe('Bearer t2')
    const basic = new Authenticator(
      createHttpClient(),
      staticCredentials({ reg: { username: 'u', password: 'p' } })
    )
    const sent = await basic.onUnauthorized('reg', ['s'], 'Basic realm="r"')
    const err = await basic.onUnauthorized('reg', ['s'], 'Basic realm="r"', sent).catch((e: unknown) => e)
    expect((err as RegistryError).code).toBe('REGISTRY_UNAUTHORIZED')
    expect((err as Error).message).not.toContain(':p')
  })

  it('says which token service refused which credential, without the password', async () => {
    const challenge = await tokenServer(300)
    const auth = new Authenticator(
      createHttpClient(),
      staticCredentials({ reg: { username: 'u', password: 'wrong' } })
    )
    const err = await auth.onUnauthorized('reg', ['repository:a:pull'], challenge).catch((e: unknown) => e)
    expect((err as RegistryError).code).toBe('AUTH_FAILED')
    expect((err as Error).message).toMatch(/token service .*\/token for reg answered 401 to user "u"/)
    expect((err as Error).message).not.toContain('wrong')
  })
})
