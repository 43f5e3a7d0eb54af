import { beforeAll, describe, expect, it } from '@jest/globals'
import { bitnamiCataloger, parsePurl } from '../../../../src/sbom/catalogers/bitnami.js'
import { formatPurl } from '../../../../src/sbom/purl.js'
import { BITNAMI_COMPONENTS, bitnamiRootfs, REDIS_SPDX } from '../../../fixtures/sbom/bitnami.js'
import { byName, scanDir } from './scan-dir.js'

beforeAll(async () => {
  await bitnamiRootfs()
}, 900_000)

describe('bitnami-cataloger on Bitnami-style embedded SBOMs', () => {
  it('reports the pkg:bitnami packages of the SPDX document and every entry of the components list', async () => {
    const { packages, warnings } = await scanDir(await bitnamiRootfs(), [bitnamiCataloger])
    expect(warnings).toEqual([])
    const bitnamiInSpdx = REDIS_SPDX.packages.filter(p =>
      p.externalRefs.some(r => r.referenceLocator.startsWith('pkg:bitnami'))
    )
    expect(packages.map(p => p.name).sort()).toEqual(
      [...bitnamiInSpdx.map(p => p.name), ...Object.keys(BITNAMI_COMPONENTS)].sort()
    )
    expect(byName(packages, 'redis')).toMatchObject({
      version: '7.2.4-3',
      type: 'bitnami',
      purl: 'pkg:bitnami/redis@7.2.4-3?arch=amd64&distro=debian-12',
      foundBy: 'bitnami-cataloger',
      locations: ['/opt/bitnami/redis/.spdx-redis.spdx'],
      licenses: ['BSD-3-Clause']
    })
    // Purls read from an SBOM are written again in canonical form: qualifiers sorted.
    expect(byName(packages, 'jemalloc').purl).toBe('pkg:bitnami/jemalloc@5.3.0?arch=amd64&distro=debian-12')
    expect(byName(packages, 'wait-for-port')).toMatchObject({
      version: '1.0.7-7',
      purl: 'pkg:bitnami/wait-for-port@1.0.7-7?arch=amd64&distro=debian-12',
      locations: ['/opt/bitnami/.bitnami_components.json']
    })
  })

  it('only reads .spdx-* files under /opt/bitnami', () => {
    const at = (path: string) => bitnamiCataloger.wants({ path, size: 10, mode: 0o644 })
    expect(at('/opt/bitnami/redis/.spdx-redis.spdx')).toBe(true)
    expect(at('/opt/other/.spdx-redis.spdx')).toBe(false)
    expect(at('/opt/bitnami/redis/redis.spdx')).toBe(false)
  })

  it('round-trips escaped purl parts', () => {
    const purl = 'pkg:npm/%40scope/name@1.0.0%2Bbuild?b=2&a=x%3Ay#sub/path'
    expect(parsePurl(purl)).toEqual({
      type: 'npm',
      namespace: '@scope',
      name: 'name',
      version: '1.0.0+build',
      qualifiers: { a: 'x:y', b: '2' },
      subpath: 'sub/path'
    })
    expect(formatPurl(parsePurl(purl)!)).toBe('pkg:npm/%40scope/name@1.0.0%2Bbuild?a=x%3Ay&b=2#sub/path')
  })
})
