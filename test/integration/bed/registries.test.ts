import { describe, expect, it } from '@jest/globals'
import { readBedState } from '../../bed/state.js'

const state = readBedState()
const v2 = (host: string, headers: Record<string, string> = {}) => fetch(`http://${host}/v2/`, { headers })
const basic = (user: string, password: string) =>
  'Basic ' + Buffer.from(`${user}:${password}`).toString('base64')

describe('test bed registries', () => {
  it.each(['referrers', 'distribution', 'flaky'] as const)(
    '%s answers GET /v2/ without credentials',
    async name => {
      const res = await v2(state.registries[name].host)
      expect(res.status).toBe(200)
    }
  )

  it('distribution-based registries say which API they speak', async () => {
    const res = await v2(state.registries.distribution.host)
    expect(res.headers.get('docker-distribution-api-version')).toBe('registry/2.0')
  })

  it('basic wants credentials and accepts only the right ones', async () => {
    const { host, username, password } = state.registries.basic
    const anonymous = await v2(host)
    expect(anonymous.status).toBe(401)
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic realm="/)
    expect((await v2(host, { authorization: basic(username, password) })).status).toBe(200)
    expect((await v2(host, { authorization: basic(username, password + 'x') })).status).toBe(401)
  })

  it('bearer challenges with the token server realm and service from the state', async () => {
    const { host, realm, service } = state.registries.bearer
    const res = await v2(host)
    expect(res.status).toBe(401)
    expect(res.headers.get('www-authenticate')).toBe(`Bearer realm="${realm}",service="${service}"`)
    // Basic credentials are not a way around the token flow.
    const { username, password } = state.registries.bearer
    expect((await v2(host, { authorization: basic(username, password) })).status).toBe(401)
  })

  it('every registry listens on loopback only, on distinct ports', () => {
    const hosts = Object.values(state.registries).map(r => r.host)
    for (const host of hosts) expect(host).toMatch(/^127\.0\.0\.1:\d+$/)
    expect(new Set(hosts).size).toBe(hosts.length)
  })
})
