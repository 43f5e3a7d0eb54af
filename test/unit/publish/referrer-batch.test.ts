// Error paths of the per-subject referrer batch: a failed sibling must neither hang nor drop the others.
import { describe, expect, it } from '@jest/globals'
import type { Descriptor } from '../../../src/oci/manifest.js'
import { RegistryError } from '../../../src/oci/errors.js'
import { EMPTY_JSON_DESCRIPTOR } from '../../../src/oci/media-types.js'
import { parseReference } from '../../../src/oci/reference.js'
import { pushBundleReferrer } from '../../../src/publish/bundle-referrer.js'
import type { PublishRegistry } from '../../../src/oci/publish-registry.js'

const SUBJECT = {
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  digest: `sha256:${'a'.repeat(64)}`,
  size: 9
}
const repo = parseReference('127.0.0.1:1/team/app')

/** Records fallback-index additions; blob uploads of `failing` bytes are refused. */
function fakeRegistry(failing: Buffer): { registry: PublishRegistry; adds: Descriptor[][] } {
  const adds: Descriptor[][] = []
  let current: Descriptor[] | undefined
  const registry = {
    uploadBlob: async (_r: unknown, data: Buffer) => {
      await new Promise(r => setTimeout(r, 5))
      if (Buffer.isBuffer(data) && data.equals(failing))
        throw Object.assign(new Error('refused'), { code: 'X' })
      return {}
    },
    putManifest: async () => ({ digest: 'unused' }),
    supportsReferrersApi: async () => false,
    addReferrerToFallbackIndex: async (_r: unknown, _s: string, d: Descriptor) => {
      // Descriptors handed over in one tick count as one write.
      if (!current) {
        current = []
        adds.push(current)
        queueMicrotask(() => (current = undefined))
      }
      current.push(d)
      return { changed: true }
    }
  } as unknown as PublishRegistry
  return { registry, adds }
}

describe('referrer batch', () => {
  it('writes the siblings that succeeded together once one of them failed', async () => {
    const bad = Buffer.from('{"bad":true}')
    const { registry, adds } = fakeRegistry(bad)
    const bundles = [Buffer.from('{"n":1}'), bad, Buffer.from('{"n":3}')]
    const results = await Promise.allSettled(
      bundles.map(b => pushBundleReferrer(registry, repo, SUBJECT, b, 'p', { emptyConfigPresent: true }))
    )
    expect(results.map(r => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
    expect(adds).toHaveLength(1)
    expect(adds[0]).toHaveLength(2)
  })

  it('writes a referrer pushed on its own at once, and a later one in a new batch', async () => {
    const { registry, adds } = fakeRegistry(Buffer.alloc(0))
    await pushBundleReferrer(registry, repo, SUBJECT, Buffer.from('{"n":1}'), 'p', {
      emptyConfigPresent: true
    })
    await pushBundleReferrer(registry, repo, SUBJECT, Buffer.from('{"n":2}'), 'p', {
      emptyConfigPresent: true
    })
    expect(adds.map(a => a.length)).toEqual([1, 1])
  })
})

describe('bundle referrer push', () => {
  it('uploads the shared {} config and the bundle again when the registry lost a blob link, then pushes', async () => {
    const uploads: string[] = []
    let puts = 0
    const registry = {
      uploadBlob: async (_r: unknown, _d: Buffer, digest: string) => uploads.push(digest),
      putManifest: async () => {
        if (++puts === 1)
          throw new RegistryError(
            'REGISTRY_ERROR',
            'pushing manifest: registry answered 400 (MANIFEST_BLOB_UNKNOWN)',
            { status: 400, registryCodes: ['MANIFEST_BLOB_UNKNOWN'] }
          )
        return { digest: 'unused' }
      },
      supportsReferrersApi: async () => true
    } as unknown as PublishRegistry
    const result = await pushBundleReferrer(registry, repo, SUBJECT, Buffer.from('{"n":1}'), 'p')
    expect(result.via).toBe('api')
    expect(puts).toBe(2)
    expect(uploads.filter(d => d === EMPTY_JSON_DESCRIPTOR.digest)).toHaveLength(2)
    expect(uploads).toHaveLength(4)
  })
})

describe('referrer push order', () => {
  it('uploads the layer while the shared empty config goes up, and PUTs the manifest only after both', async () => {
    const events: string[] = []
    let configDone!: () => void
    const emptyConfig = new Promise<void>(resolve => (configDone = resolve)).then(() => {
      events.push('config uploaded')
    })
    const registry = {
      uploadBlob: async () => void events.push('layer uploaded'),
      putManifest: async () => (events.push('manifest PUT'), { digest: 'unused' }),
      supportsReferrersApi: async () => true
    } as unknown as PublishRegistry
    const pushed = pushBundleReferrer(registry, repo, SUBJECT, Buffer.from('{"n":1}'), 'p', { emptyConfig })
    await new Promise(resolve => setImmediate(resolve))
    expect(events).toEqual(['layer uploaded'])
    configDone()
    await pushed
    expect(events).toEqual(['layer uploaded', 'config uploaded', 'manifest PUT'])
  })

  it('fails the push, without writing the manifest, when the shared config upload failed', async () => {
    const put: string[] = []
    const registry = {
      uploadBlob: async () => ({}),
      putManifest: async () => (put.push('PUT'), { digest: 'unused' }),
      supportsReferrersApi: async () => true
    } as unknown as PublishRegistry
    const emptyConfig = Promise.reject(
      new RegistryError('REGISTRY_DENIED', 'config refused', { status: 403 })
    )
    await expect(
      pushBundleReferrer(registry, repo, SUBJECT, Buffer.from('{"n":2}'), 'p', { emptyConfig })
    ).rejects.toThrow('config refused')
    expect(put).toEqual([])
  })
})
