// The SBOM generator against a registry that needs a login (the bed's Basic-auth one): credentials asked of
// the provider per registry, progress and warnings reported as they happen, errors keep their code.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { RegistryClient, staticCredentials } from '../../../src/oci/index.js'
import type { CredentialProvider } from '../../../src/oci/index.js'
import { generateSbom } from '../../../src/sbom/index.js'
import type { ScanProgress } from '../../../src/sbom/index.js'
import { readBedState } from '../../bed/state.js'
import { buildImage, pushImages } from '../../fixtures/sbom/build-synthetic-image.js'

const STATUS = `Package: base-files
Status: install ok installed
Architecture: amd64
Version: 12.4+deb12u9

this line is not a field
`

describe('generateSbom from a registry that needs a login', () => {
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
  const ref = `${basic.host}/sbom/registry-auth:v1`

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
  })

  it('asks the provider for the registry credentials, and reports progress and warnings', async () => {
    asked.length = 0
    const progress: ScanProgress[] = []
    const warnings: string[] = []
    const result = await generateSbom({
      source: ref,
      format: 'cyclonedx-json',
      registry: new RegistryClient({ credentials }),
      onProgress: p => progress.push(p),
      onWarning: m => warnings.push(m)
    })
    expect(asked).toContain(basic.host)
    expect(result.document).toHaveProperty('bomFormat', 'CycloneDX')
    expect(result.packages.map(p => p.purl)).toEqual([
      'pkg:deb/debian/base-files@12.4%2Bdeb12u9?arch=amd64&distro=debian-12'
    ])
    expect(progress.at(-1)).toMatchObject({ layersDone: 1, layersTotal: 1 })
    // The malformed line is reported as it is found, naming the database, and returned too.
    expect(warnings.some(w => w.includes('var/lib/dpkg/status'))).toBe(true)
    expect(result.warnings).toEqual(warnings)
  })

  it('rejects with the generator’s code and message, and the registry’s refusal without credentials', async () => {
    await expect(
      generateSbom({
        source: ref,
        format: 'cyclonedx-json',
        limits: { maxLayerBytes: 16 },
        registry: new RegistryClient({ credentials })
      })
    ).rejects.toMatchObject({
      code: 'SBOM_LAYER_TOO_LARGE',
      message: expect.stringMatching(/beyond 16 bytes/)
    })
    await expect(
      generateSbom({ source: ref, format: 'cyclonedx-json', registry: new RegistryClient() })
    ).rejects.toMatchObject({
      message: expect.stringMatching(/refused anonymous/)
    })
  })
})
