import { beforeAll, describe, expect, it } from '@jest/globals'
import { basename, dirname } from 'node:path'
import { rLicenses, rPackageCataloger } from '../../../../src/sbom/catalogers/r.js'
import { rRootfs } from '../../../fixtures/sbom/debs-lang.js'
import { byName, scanDir } from './scan-dir.js'

beforeAll(async () => {
  await rRootfs()
}, 900_000)

describe('r-package-cataloger on Debian R packages', () => {
  it('reports R base packages and CRAN packages from their DESCRIPTION files', async () => {
    const { packages, warnings } = await scanDir(await rRootfs(), [rPackageCataloger])
    expect(warnings).toEqual([])
    // R installs each package into a directory named after it: an independent oracle for the name.
    for (const p of packages) expect(basename(dirname(p.locations[0]!))).toBe(p.name)
    const base = packages.filter(p => p.locations[0]!.startsWith('/usr/lib/R/library/'))
    expect(base.length).toBe(15)
    for (const p of base) expect(p.version).toBe('4.2.2')
    expect(byName(packages, 'jsonlite')).toMatchObject({
      version: '1.8.4',
      type: 'R-package',
      purl: 'pkg:cran/jsonlite@1.8.4',
      foundBy: 'r-package-cataloger',
      locations: ['/usr/lib/R/site-library/jsonlite/DESCRIPTION'],
      licenses: ['MIT']
    })
    expect(byName(packages, 'R6').purl).toBe('pkg:cran/R6@2.5.1')
  })

  it('reads license constraints as SPDX-style "or later" suffixes', () => {
    expect(rLicenses('GPL (>= 2)')).toEqual(['GPL2+'])
    expect(rLicenses('GPL-2 | GPL-3')).toEqual(['GPL-2', 'GPL-3'])
    expect(rLicenses('LGPL (>= 2.1, < 3)')).toEqual(['LGPL2.1+'])
    expect(rLicenses('GPL (== 2)')).toEqual(['GPL2'])
    expect(rLicenses('MIT + file LICENSE')).toEqual(['MIT'])
    expect(rLicenses('GPL (>= 2) | file LICENSE')).toEqual(['GPL2+'])
  })

  it('skips a DESCRIPTION that is not an R package', async () => {
    const text = 'Unnamed repository; edit this file to name the repository.\n'
    const file = { path: '/src/DESCRIPTION', size: text.length, mode: 0o644, data: Buffer.from(text) }
    expect(
      await rPackageCataloger.parse({ ...file, layer: { index: 0, diffId: 'x' } }, { warn: () => {} })
    ).toEqual([])
  })
})
