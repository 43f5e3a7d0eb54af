// Registry credentials reach a token realm only over HTTPS, on the registry's own host, or on loopback.
import { describe, expect, it } from '@jest/globals'
import type { HttpClient } from '../../../src/http/index.js'
import { fetchToken } from '../../../src/oci/auth/token.js'

const tokenAnswer = {
  request: async () => ({
    status: 200,
    json: async () => ({ token: 't', expires_in: 300 }),
    discard: () => undefined
  })
} as unknown as HttpClient

const challenge = (realm: string) => ({ scheme: 'bearer', params: { realm, service: 's' } })
const basic = { username: 'ci', password: 'hunter2' }
const asking = (registry: string, realm: string, cred: object | null = basic) =>
  fetchToken(
    tokenAnswer,
    registry,
    challenge(realm) as never,
    ['repository:a:pull'],
    (cred ?? undefined) as never
  )

describe('token realm safety', () => {
  it('refuses to send credentials in the clear to a realm on another host, naming the realm', async () => {
    await expect(asking('registry.example.com', 'http://auth.example.net/token')).rejects.toMatchObject({
      code: 'INSECURE_TOKEN_REALM',
      message: expect.stringContaining(
        'token realm http://auth.example.net/token over plain HTTP on another host'
      )
    })
    await expect(
      asking('registry.example.com', 'http://auth.example.net/token', { identityToken: 'refresh' })
    ).rejects.toMatchObject({ code: 'INSECURE_TOKEN_REALM' })
  })

  it('allows HTTPS anywhere, plain HTTP on the same host or on loopback, and anonymous requests', async () => {
    await expect(asking('registry.example.com', 'https://auth.example.net/token')).resolves.toMatchObject({
      token: 't'
    })
    await expect(
      asking('registry.example.com:5000', 'http://registry.example.com:5001/token')
    ).resolves.toBeDefined()
    await expect(asking('127.0.0.1:5000', 'http://127.0.0.1:6000/token')).resolves.toBeDefined()
    await expect(asking('registry.example.com', 'http://localhost:6000/token')).resolves.toBeDefined()
    await expect(asking('registry.example.com', 'http://auth.example.net/token', null)).resolves.toBeDefined()
  })
})
