import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { withFaults, type RequestRecord } from '../bed/http-faults.js'

let server: Server
let base: string

beforeAll(async () => {
  const { handler } = withFaults((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' })
    res.end('ok')
  })
  server = createServer((req, res) => void handler(req, res))
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise(r => server.close(r))
})

const rules = (body: unknown) =>
  fetch(`${base}/__faults`, { method: 'POST', body: JSON.stringify({ rules: body }) })

describe('withFaults', () => {
  it('answers the injected status with Retry-After for the first N matches only', async () => {
    expect(
      (await rules([{ path: '^/a', action: 'status', status: 503, retryAfter: '2', times: 2 }])).status
    ).toBe(200)
    const first = await fetch(`${base}/a`)
    expect(first.status).toBe(503)
    expect(first.headers.get('retry-after')).toBe('2')
    expect((await fetch(`${base}/a`)).status).toBe(503)
    expect((await fetch(`${base}/a`)).status).toBe(200)
    expect((await fetch(`${base}/b`)).status).toBe(200)
  })

  it('matches on method', async () => {
    await rules([{ method: 'POST', path: '.', action: 'status', status: 500 }])
    expect((await fetch(`${base}/x`)).status).toBe(200)
    expect((await fetch(`${base}/x`, { method: 'POST' })).status).toBe(500)
  })

  it('resets the connection', async () => {
    await rules([{ path: '^/r', action: 'reset', times: 1 }])
    await expect(fetch(`${base}/r`)).rejects.toThrow()
    expect((await fetch(`${base}/r`)).status).toBe(200)
  })

  it('delays before answering', async () => {
    await rules([{ path: '^/d', action: 'delay', delayMs: 300 }])
    const start = Date.now()
    expect((await fetch(`${base}/d`)).status).toBe(200)
    expect(Date.now() - start).toBeGreaterThanOrEqual(290)
  })

  it('applies a rate of 0 never and 1 always', async () => {
    await rules([
      { path: '^/never', action: 'status', status: 500, rate: 0 },
      { path: '^/always', action: 'status', status: 502, rate: 1 }
    ])
    expect((await fetch(`${base}/never`)).status).toBe(200)
    expect((await fetch(`${base}/always`)).status).toBe(502)
  })

  it('clears rules on DELETE and logs schemes but never credentials', async () => {
    await rules([{ path: '.', action: 'status', status: 500 }])
    await fetch(`${base}/__faults`, { method: 'DELETE' })
    await fetch(`${base}/logged`, { headers: { authorization: 'Bearer s3cr3t-token' } })
    const log = (await (await fetch(`${base}/__faults/log`)).json()) as RequestRecord[]
    const entry = log.find(r => r.path === '/logged')
    expect(entry).toEqual({ method: 'GET', path: '/logged', status: 200, authorization: 'Bearer' })
    expect(JSON.stringify(log)).not.toContain('s3cr3t')
    expect(log.find(r => r.path === '/a')?.fault).toBe('status')
  })

  it('rejects rules with a bad regex or action', async () => {
    expect((await rules([{ path: '(', action: 'status' }])).status).toBe(400)
    expect((await rules([{ path: '.', action: 'explode' }])).status).toBe(400)
  })
})
