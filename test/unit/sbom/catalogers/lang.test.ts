import { beforeAll, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { npmCataloger } from '../../../../src/sbom/catalogers/npm.js'
import { normalizePythonName, pythonCataloger } from '../../../../src/sbom/catalogers/python.js'
import { run } from '../../../fixtures/sbom/cache.js'
import { npmRootfs, pythonRootfs, SITE_PACKAGES } from '../../../fixtures/sbom/lang.js'
import { fuzzCataloger } from './fuzz.js'
import { byName, scanDir } from './scan-dir.js'

// First use builds the fixture from real packages (minutes on a cold machine); later runs reuse the cache.
beforeAll(async () => {
  await pythonRootfs()
  await npmRootfs()
}, 900_000)

describe('python-installed-package-cataloger on a pip --target install', () => {
  it('finds what pip lists, with normalised names and pypi purls', async () => {
    const root = await pythonRootfs()
    const { packages, warnings } = await scanDir(root, [pythonCataloger])
    expect(warnings).toEqual([])
    // pip itself is the oracle for names and versions of what it installed.
    const listed = JSON.parse(
      run('python3', [
        '-m',
        'pip',
        'list',
        '--disable-pip-version-check',
        '--format',
        'json',
        '--path',
        join(root, SITE_PACKAGES)
      ])
    ) as Array<{ name: string; version: string }>
    const expected = listed.map(p => `${normalizePythonName(p.name)}@${p.version}`).sort()
    const ours = (list: typeof packages): string[] => list.map(p => `${p.name}@${p.version}`).sort()
    // pip list leaves out what setuptools vendors in setuptools/_vendor; those dist-info are real and Syft reports them.
    const vendored = packages.filter(p => p.locations[0]!.includes('/setuptools/_vendor/'))
    expect(vendored.length).toBeGreaterThan(0)
    expect(ours(packages.filter(p => !vendored.includes(p)))).toEqual(expected)
    expect(byName(packages, 'pyyaml').purl).toBe('pkg:pypi/pyyaml@6.0.2')
    expect(byName(packages, 'zope-interface').purl).toBe('pkg:pypi/zope-interface@7.2')
    expect(byName(packages, 'typing-extensions').purl).toBe('pkg:pypi/typing-extensions@4.12.2')
    const six = byName(packages, 'six')
    expect(six.purl).toBe('pkg:pypi/six@1.16.0')
    expect(six.locations).toEqual([`${SITE_PACKAGES}/six-1.16.0-py3.11.egg-info/PKG-INFO`])
    const requests = byName(packages, 'requests')
    expect(requests.dependsOn).toEqual(
      expect.arrayContaining(['charset-normalizer', 'idna', 'urllib3', 'certifi'])
    )
    expect(requests.licenses).toEqual(['Apache-2.0'])
  })

  it('survives mutated METADATA', async () => {
    const root = await pythonRootfs()
    const path = `${SITE_PACKAGES}/requests-2.32.3.dist-info/METADATA`
    const data = await readFile(join(root, path))
    const report = await fuzzCataloger(
      pythonCataloger,
      [{ path, size: data.length, mode: 0o644, data, layer: { index: 0, diffId: 'sha256:fuzz' } }],
      2000
    )
    expect(report.slowestMs).toBeLessThan(1000)
  })
})

describe('javascript-package-cataloger on an npm install', () => {
  it('finds every installed package and the application, with scoped names escaped', async () => {
    const root = await npmRootfs()
    const { packages, warnings } = await scanDir(root, [npmCataloger])
    expect(warnings).toEqual([])
    expect(packages.map(p => p.purl).sort()).toEqual(
      [
        'pkg:npm/%40sindresorhus/is@4.6.0',
        'pkg:npm/debug@4.3.7',
        'pkg:npm/fixture-app@1.0.0',
        'pkg:npm/left-pad@1.3.0',
        `pkg:npm/ms@${byName(packages, 'ms').version}`
      ].sort()
    )
    expect(byName(packages, 'ms').version).toBe(
      (
        JSON.parse(await readFile(join(root, 'app/node_modules/ms/package.json'), 'utf8')) as {
          version: string
        }
      ).version
    )
    expect(byName(packages, 'left-pad').licenses).toEqual(['WTFPL'])
  })

  it('warns on broken JSON and survives mutations', async () => {
    const root = await npmRootfs()
    const path = '/app/node_modules/debug/package.json'
    const data = await readFile(join(root, path))
    const report = await fuzzCataloger(
      npmCataloger,
      [{ path, size: data.length, mode: 0o644, data, layer: { index: 0, diffId: 'sha256:fuzz' } }],
      1000
    )
    expect(report.warnings).toBeGreaterThan(0)
    expect(report.slowestMs).toBeLessThan(1000)
  })
})
