import { afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import { randomBytes } from 'node:crypto'
import { createHttpClient } from '../../../src/http/index.js'
import {
  OCI_MANIFEST,
  RegistryClient,
  type ImageReference,
  type RegistryError
} from '../../../src/oci/index.js'
import type { FlakyRegistryState } from '../../bed/state.js'
import { bed, blob, pushImageBlobs, readAll, repoOn } from './fixtures.js'

interface Rule {
  method?: string
  path: string
  action: 'status' | 'delay' | 'reset'
  status?: number
  delayMs?: number
  retryAfter?: string
  times?: number
}
interface Record {
  method: string
  path: string
  status: number
  fault?: string
}

const admin = createHttpClient({ retries: 0 })
let flaky: FlakyRegistryState

async function faults(rules: Rule[]): Promise<void> {
  const res = await admin.request(flaky.adminUrl, { method: 'POST', body: JSON.stringify({ rules }) })
  expect(res.status).toBe(200)
  res.discard()
}
async function log(repo: ImageReference): Promise<Record[]> {
  const all = await (await admin.request(`${flaky.adminUrl}/log`)).json<Record[]>()
  return all.filter(r => r.path.startsWith(`/v2/${repo.repository}/`))
}
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const client = (timeoutMs = 10000) =>
  new RegistryClient({
    http: createHttpClient({ retries: 3, minDelayMs: 20, maxDelayMs: 100, timeoutMs }),
    chunkThreshold: 1000,
    chunkSize: 4096
  })

beforeAll(() => {
  flaky = bed().registries.flaky
})
afterEach(async () => {
  ;(await admin.request(flaky.adminUrl, { method: 'DELETE' })).discard()
})

describe('retries through the fault-injecting proxy', () => {
  it('rides out 503s on a manifest GET', async () => {
    const repo = repoOn('flaky')
    const c = client()
    const image = await pushImageBlobs(c, repo)
    await c.putManifest(repo.withTag('v1'), image.bytes, OCI_MANIFEST)
    await faults([
      {
        method: 'GET',
        path: `^/v2/${esc(repo.repository)}/manifests/`,
        action: 'status',
        status: 503,
        times: 2
      }
    ])
    expect((await c.getManifest(repo.withTag('v1'))).digest).toBe(image.digest)
    const gets = (await log(repo)).filter(r => r.method === 'GET' && r.path.includes('/manifests/'))
    expect(gets.map(r => r.status)).toEqual([503, 503, 200])
  })

  it('retries a blob GET whose connection is reset, and a response that is too slow', async () => {
    const repo = repoOn('flaky')
    const c = client(500)
    const b = blob(randomBytes(3000))
    await c.uploadBlob(repo, b.bytes, b.descriptor.digest, 3000)
    const path = `^/v2/${esc(repo.repository)}/blobs/sha256`
    await faults([
      { method: 'GET', path, action: 'reset', times: 1 },
      { method: 'GET', path, action: 'delay', delayMs: 1500, times: 1 }
    ])
    expect((await readAll(await c.fetchBlob(repo, b.descriptor.digest))).equals(b.bytes)).toBe(true)
    const gets = (await log(repo)).filter(r => r.method === 'GET')
    expect(gets.map(r => r.fault ?? 'none')).toEqual(['reset', 'delay', 'none'])
  })

  it('waits out a 429 with Retry-After on a manifest PUT', async () => {
    const repo = repoOn('flaky')
    const c = client()
    const image = await pushImageBlobs(c, repo)
    await faults([
      { method: 'PUT', path: '/manifests/', action: 'status', status: 429, retryAfter: '1', times: 1 }
    ])
    const started = Date.now()
    expect(await c.putManifest(repo.withTag('v1'), image.bytes, OCI_MANIFEST)).toEqual({
      digest: image.digest
    })
    expect(Date.now() - started).toBeGreaterThanOrEqual(950)
  })

  it('sends a large blob in chunks and survives a failed chunk', async () => {
    const repo = repoOn('flaky')
    const c = client()
    const b = blob(randomBytes(10_000))
    await faults([
      {
        method: 'PATCH',
        path: `^/v2/${esc(repo.repository)}/blobs/uploads/`,
        action: 'status',
        status: 500,
        times: 1
      }
    ])
    await c.uploadBlob(repo, b.bytes, b.descriptor.digest, b.bytes.length)
    expect((await c.readBlob(repo, b.descriptor.digest)).equals(b.bytes)).toBe(true)
    const patches = (await log(repo)).filter(r => r.method === 'PATCH')
    expect(patches.map(r => r.status)).toEqual([500, 202, 202, 202])
  })

  it('gives up after its retries with the registry status in the error', async () => {
    const repo = repoOn('flaky')
    await faults([
      { path: `^/v2/${esc(repo.repository)}/manifests/`, action: 'status', status: 503, times: 50 }
    ])
    const err = await client()
      .getManifest(repo.withTag('v1'))
      .catch((e: unknown) => e)
    expect((err as RegistryError).code).toBe('REGISTRY_ERROR')
    expect((err as RegistryError).status).toBe(503)
    expect((await log(repo)).filter(r => r.path.includes('/manifests/'))).toHaveLength(4)
  })
})
