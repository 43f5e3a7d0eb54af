import { beforeAll, describe, expect, it } from '@jest/globals'
import { conanInfoCataloger, splitConanRef } from '../../../../src/sbom/catalogers/conan.js'
import { resolveDependencies } from '../../../../src/sbom/output/dependencies.js'
import { conanRootfs } from '../../../fixtures/sbom/conan.js'
import { scanDir } from './scan-dir.js'

beforeAll(async () => {
  await conanRootfs()
}, 900_000)

describe('conan-info-cataloger on a Conan 1 cache', () => {
  it('reports each cached package and the packages it was built against, from package folders only', async () => {
    const { packages, warnings } = await scanDir(await conanRootfs(), [conanInfoCataloger])
    expect(warnings).toEqual([])
    // build/<id>/conaninfo.txt copies are not packages.
    for (const p of packages)
      expect(p.locations[0]).toMatch(
        /^\/root\/\.conan\/data\/[^/]+\/[^/]+\/acme\/stable\/package\/[0-9a-f]{40}\/conaninfo\.txt$/
      )
    const byPath = (name: string) => packages.filter(p => p.locations[0]!.includes(`/data/${name}/`))
    expect(byPath('appcore').map(p => [p.name, p.version, p.purl])).toEqual([
      ['fmtlite', '9.1.0', 'pkg:conan/acme/fmtlite@9.1.0?channel=stable'],
      ['appcore', '1.4.2', 'pkg:conan/acme/appcore@1.4.2?channel=stable']
    ])
    expect(byPath('fmtlite').map(p => p.purl)).toEqual(['pkg:conan/acme/fmtlite@9.1.0?channel=stable'])
    const edges = resolveDependencies(packages)
    const app = packages.findIndex(p => p.name === 'appcore')
    // appcore depends on the fmtlite its own conaninfo.txt lists, not on fmtlite's own package.
    expect(edges.get(app)!.map(i => packages[i]!.locations[0])).toEqual([packages[app]!.locations[0]])
  })

  it('splits Conan references as conan does', () => {
    expect(splitConanRef('zlib/1.3.1@_/_#rrev%1700000000:abc')).toEqual({
      name: 'zlib',
      version: '1.3.1',
      user: '_',
      channel: '_'
    })
    expect(splitConanRef('openssl/3.2.0:0123')).toEqual({ name: 'openssl', version: '3.2.0' })
    expect(splitConanRef('nover')).toBeUndefined()
  })
})
