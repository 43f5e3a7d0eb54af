// The SBOM generator on its worker thread: same result as in this thread, credentials asked of this thread
// per registry (the bed's Basic-auth registry), progress and warnings relayed, errors keep their code.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { isMainThread } from 'node:worker_threads'
import { RegistryClient, staticCredentials } from '../../../src/oci/index.js'
import type { CredentialProvider } from '../../../src/oci/index.js'
import { generateSbom } from '../../../src/sbom/index.js'
import type { ScanProgress } from '../../../src/sbom/index.js'
import { generateSbomIsolated, setSbomWorkerEntry } from '../../../src/sbom/worker/run-isolated.js'
import { readBedState } from '../../bed/state.js'
import { buildImage, pushImages } from '../../fixtures/sbom/build-synthetic-image.js'

const STATUS = `Package: base-files
Status: install ok installed
Architecture: amd64
Version: 12.4+deb12u9

this line is not a field
`

describe('generateSbomIsolated', () => {
  const bed = readBedState()
  const basic = bed.registries.basic
  const asked: string[] = []
  const credentials: CredentialProvider = {
    get: async registry => {
      asked.push(registry)
      return staticCredentials({ [basic.host]: { username: basic.username, password: basic.password } }).get(
        registry
      )
    }
  }
  const ref = `${basic.host}/sbom/worker:v1`

  beforeAll(async () => {
    const image = buildImage([
      {
        compression: 'gzip',
        entries: [
          { type: 'file', path: 'etc/os-release', data: 'ID=debian\nVERSION_ID="12"\n' },
          { type: 'file', path: 'var/lib/dpkg/status', data: STATUS }
        ]
      }
    ])
    await pushImages(new RegistryClient({ credentials }), ref, [image])
    // The TypeScript entry, loaded through tsx in the worker as the bundles load themselves.
    setSbomWorkerEntry(new URL('../../../src/sbom/worker/entry.ts', import.meta.url), ['--import', 'tsx'])
  })

  it('gives the in-thread result from a worker, asking this thread for the registry credentials', async () => {
    expect(isMainThread).toBe(true)
    asked.length = 0
    const progress: ScanProgress[] = []
    const warnings: string[] = []
    const isolated = await generateSbomIsolated(
      {
        source: ref,
        format: 'cyclonedx-json',
        write: { serialNumber: 'urn:uuid:0', timestamp: new Date(0) }
      },
      { credentials, onProgress: p => progress.push(p), onWarning: m => warnings.push(m) }
    )
    expect(asked).toContain(basic.host)
    const inThread = await generateSbom({
      source: ref,
      format: 'cyclonedx-json',
      registry: new RegistryClient({ credentials }),
      write: { serialNumber: 'urn:uuid:0', timestamp: new Date(0) }
    })
    expect(isolated.serialized).toBe(inThread.serialized)
    // The worker sends the text only; the document is parsed again on this side.
    expect(isolated.document).toEqual(inThread.document)
    expect(isolated.document).toEqual(JSON.parse(isolated.serialized))
    expect(isolated.document).toHaveProperty('bomFormat', 'CycloneDX')
    expect(isolated.packages.map(p => p.purl)).toEqual([
      'pkg:deb/debian/base-files@12.4%2Bdeb12u9?arch=amd64&distro=debian-12'
    ])
    expect(isolated.manifestDigest).toBe(inThread.manifestDigest)
    expect(progress.at(-1)).toMatchObject({ layersDone: 1, layersTotal: 1 })
    // The malformed line is reported, naming the database, from the worker as from here.
    expect(warnings.some(w => w.includes('var/lib/dpkg/status'))).toBe(true)
  })

  it('rejects with the generator’s code and message, and the registry’s refusal without credentials', async () => {
    await expect(
      generateSbomIsolated(
        { source: ref, format: 'cyclonedx-json', limits: { maxLayerBytes: 16 } },
        { credentials }
      )
    ).rejects.toMatchObject({
      code: 'SBOM_LAYER_TOO_LARGE',
      message: expect.stringMatching(/beyond 16 bytes/)
    })
    await expect(generateSbomIsolated({ source: ref, format: 'cyclonedx-json' })).rejects.toMatchObject({
      message: expect.stringMatching(/refused anonymous/)
    })
  })

  it('fails with a message naming the worker when its script cannot start', async () => {
    setSbomWorkerEntry(new URL('../../../src/sbom/worker/no-such-entry.ts', import.meta.url), [
      '--import',
      'tsx'
    ])
    try {
      await expect(
        generateSbomIsolated({ source: ref, format: 'cyclonedx-json' }, { credentials })
      ).rejects.toThrow(/SBOM worker/)
    } finally {
      setSbomWorkerEntry(new URL('../../../src/sbom/worker/entry.ts', import.meta.url), ['--import', 'tsx'])
    }
  })
})
