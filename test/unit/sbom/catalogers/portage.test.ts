import { beforeAll, describe, expect, it } from '@jest/globals'
import {
  parseLicenseGroups,
  portageCataloger,
  portageLicenseExpression
} from '../../../../src/sbom/catalogers/portage.js'
import { GENTOO_PACKAGES, gentooRootfs } from '../../../fixtures/sbom/gentoo.js'
import { byName, scanDir } from './scan-dir.js'

beforeAll(async () => {
  await gentooRootfs()
}, 120_000)

describe('portage-cataloger on a Portage installed-package database', () => {
  it('reports category/name and version from each CONTENTS path, with its owned files and license', async () => {
    const { packages, warnings } = await scanDir(await gentooRootfs(), [portageCataloger])
    expect(warnings).toEqual([])
    expect(packages.length).toBe(GENTOO_PACKAGES.length)
    const dir = '/var/db/pkg/app-shells/bash-5.2_p37'
    expect(byName(packages, 'app-shells/bash')).toEqual({
      name: 'app-shells/bash',
      version: '5.2_p37',
      type: 'portage',
      purl: 'pkg:ebuild/app-shells%2Fbash@5.2_p37',
      foundBy: 'portage-cataloger',
      locations: [`${dir}/CONTENTS`, `${dir}/LICENSE`, `${dir}/SIZE`],
      // dir and sym lines own nothing
      files: [{ path: '/bin/bash', digest: { algorithm: 'md5', value: '9f1c1f3e8b4e7d0d6f60c3f0a3c4a2b1' } }],
      licenses: ['GPL-3+']
    })
    expect(byName(packages, 'sys-apps/portage').licenses).toEqual([
      'Apache-2.0 AND BSD AND BSD-2 AND ISC AND GPL-2 AND GPL-2+ AND LGPL-2.1'
    ])
  })

  it("turns Gentoo's LICENSE syntax into one expression the way Syft reads it", () => {
    expect(portageLicenseExpression('|| ( Artistic GPL-1+ )')).toBe('Artistic OR GPL-1+')
    // `||` is not scoped to its parentheses, and USE-conditional licenses are dropped.
    expect(portageLicenseExpression('GPL-3+ || ( GPL-3+ libgcc ) FDL-1.3+ fortran? ( MIT )')).toBe(
      'GPL-3+ AND (GPL-3+ OR libgcc OR FDL-1.3+)'
    )
    expect(portageLicenseExpression('@UNKNOWN-GROUP MIT', new Map())).toBe('@UNKNOWN-GROUP AND MIT')
  })

  it('expands nested license groups and gives up on cycles or missing groups', () => {
    expect(parseLicenseGroups('# c\nA MIT @B\nB ISC MIT\n')).toEqual(
      new Map([
        ['A', ['MIT', 'ISC']],
        ['B', ['ISC', 'MIT']]
      ])
    )
    expect(parseLicenseGroups('A @B\nB @A\n')).toBeUndefined()
    expect(parseLicenseGroups('A @MISSING\n')).toBeUndefined()
  })

  it('skips a CONTENTS whose directory is not <name>-<version>', async () => {
    const path = '/var/db/pkg/virtual/notaversion/CONTENTS'
    const file = { path, size: 0, mode: 0o644 }
    expect(portageCataloger.wants(file)).toBe(true)
    const parsed = await portageCataloger.parse(
      { ...file, data: Buffer.alloc(0), layer: { index: 0, diffId: 'x' } },
      { warn: () => {} }
    )
    expect(parsed).toEqual([])
    expect(portageCataloger.wants({ path: '/usr/share/doc/CONTENTS', size: 0, mode: 0o644 })).toBe(false)
  })
})
