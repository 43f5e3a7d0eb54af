import { beforeAll, describe, expect, it } from '@jest/globals'
import { alpmCataloger, parseAlpmSections } from '../../../../src/sbom/catalogers/alpm.js'
import { resolveDependencies } from '../../../../src/sbom/output/dependencies.js'
import { ARCH_PACKAGES, archRootfs } from '../../../fixtures/sbom/arch.js'
import { byName, scanDir } from './scan-dir.js'

beforeAll(async () => {
  await archRootfs()
}, 120_000)

describe('alpm-db-cataloger on a pacman local database', () => {
  it('reports every package of /var/lib/pacman/local with Arch purls and the files it owns', async () => {
    const { packages, warnings, distro } = await scanDir(await archRootfs(), [alpmCataloger])
    expect(warnings).toEqual([])
    expect(distro?.id).toBe('arch')
    expect(packages.map(p => p.name).sort()).toEqual(ARCH_PACKAGES.map(p => p.name).sort())
    expect(byName(packages, 'gcc-libs')).toMatchObject({
      version: '14.2.1+r134+gab884fffe3fc-1',
      type: 'alpm',
      purl: 'pkg:alpm/arch/gcc-libs@14.2.1%2Br134%2Bgab884fffe3fc-1?arch=x86_64&distro=arch-rolling&upstream=gcc',
      foundBy: 'alpm-db-cataloger',
      locations: [
        '/var/lib/pacman/local/gcc-libs-14.2.1+r134+gab884fffe3fc-1/desc',
        '/var/lib/pacman/local/gcc-libs-14.2.1+r134+gab884fffe3fc-1/files'
      ],
      licenses: ['GPL-3.0-with-GCC-exception', 'GFDL-1.3-or-later']
    })
    // Directories of %FILES% are not owned files.
    expect(byName(packages, 'bash').files).toEqual([{ path: '/usr/bin/bash' }, { path: '/usr/bin/sh' }])
  })

  it('relates packages through exact depends and provides, never through a versioned constraint', async () => {
    const { packages } = await scanDir(await archRootfs(), [alpmCataloger])
    const edges = new Set<string>()
    for (const [from, to] of resolveDependencies(packages))
      for (const t of to) edges.add(`${packages[from]!.name} -> ${packages[t]!.name}`)
    expect(edges).toContain('bash -> readline') // by name and by libreadline.so=8-64
    expect(edges).toContain('readline -> ncurses') // libncursesw.so, a provide's bare name
    expect(edges).not.toContain('gcc-libs -> glibc') // glibc>=2.27
    expect(edges.size).toBe(9)
  })

  it('writes no purl off Arch and skips a desc without a name', async () => {
    const text = '%NAME%\nzlib\n\n%VERSION%\n1:1.3.1-2\n\n%ARCH%\nx86_64\n'
    const file = { path: '/var/lib/pacman/local/zlib-1:1.3.1-2/desc', size: text.length, mode: 0o644 }
    expect(alpmCataloger.wants(file)).toBe(true)
    const layer = { index: 0, diffId: 'x' }
    const [pkg] = (await alpmCataloger.parse(
      { ...file, data: Buffer.from(text), layer },
      { warn: () => {} }
    ))!
    expect(pkg).toMatchObject({ purl: '', version: '1:1.3.1-2' })
    const empty = { ...file, data: Buffer.from('%VERSION%\n1\n'), layer }
    expect(await alpmCataloger.parse(empty, { warn: () => {} })).toEqual([])
    expect(parseAlpmSections('%LICENSE%\r\nMIT\r\nBSD\r\n\r\n%X%\n')).toEqual(
      new Map([
        ['LICENSE', ['MIT', 'BSD']],
        ['X', []]
      ])
    )
  })
})
