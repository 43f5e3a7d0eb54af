import { afterEach, describe, expect, it } from '@jest/globals'
import { pushSampleImage, readBedState } from '../../bed/state.js'

const state = readBedState()
const flaky = state.registries.flaky
const admin = (method: string, body?: unknown) =>
  fetch(flaky.adminUrl, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  })

describe('flaky proxy in front of "distribution"', () => {
  afterEach(async () => {
    await admin('DELETE')
  })

  it('passes registry traffic through: what is pushed via the proxy is in distribution', async () => {
    const digest = await pushSampleImage(state, 'flaky', 'through/proxy', 'v1')
    const direct = await fetch(`http://${state.registries.distribution.host}/v2/through/proxy/manifests/v1`, {
      method: 'HEAD',
      headers: { accept: 'application/vnd.oci.image.manifest.v1+json' }
    })
    expect(direct.headers.get('docker-content-digest')).toBe(digest)
  })

  it('injects a configured 503 with Retry-After, then passes through', async () => {
    expect(
      (
        await admin('POST', {
          rules: [{ path: '^/v2/$', action: 'status', status: 503, retryAfter: '1', times: 1 }]
        })
      ).status
    ).toBe(200)
    const first = await fetch(`http://${flaky.host}/v2/`)
    expect(first.status).toBe(503)
    expect(first.headers.get('retry-after')).toBe('1')
    const second = await fetch(`http://${flaky.host}/v2/`)
    expect(second.status).toBe(200)
    expect(second.headers.get('docker-distribution-api-version')).toBe('registry/2.0')
    const log = (await (await fetch(`${flaky.adminUrl}/log`)).json()) as Array<{
      path: string
      status: number
    }>
    expect(
      log
        .filter(r => r.path === '/v2/')
        .slice(-2)
        .map(r => r.status)
    ).toEqual([503, 200])
  })

  it('resets connections on demand', async () => {
    await admin('POST', { rules: [{ path: '^/v2/$', action: 'reset', times: 1 }] })
    await expect(fetch(`http://${flaky.host}/v2/`)).rejects.toThrow()
    expect((await fetch(`http://${flaky.host}/v2/`)).status).toBe(200)
  })

  it('delays on demand', async () => {
    await admin('POST', { rules: [{ path: '^/v2/$', action: 'delay', delayMs: 300, times: 1 }] })
    const started = Date.now()
    expect((await fetch(`http://${flaky.host}/v2/`)).status).toBe(200)
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
  })
})
