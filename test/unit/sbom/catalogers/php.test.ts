import { beforeAll, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import {
  composerInstalledCataloger,
  composerPurl,
  pearCataloger
} from '../../../../src/sbom/catalogers/php.js'
import { unserialize } from '../../../../src/sbom/catalogers/php-serialize.js'
import { COMPOSER1_PACKAGES, COMPOSER_PACKAGES, phpRootfs } from '../../../fixtures/sbom/php.js'
import { fuzzCataloger } from './fuzz.js'
import { byName, scanDir } from './scan-dir.js'

beforeAll(async () => {
  await phpRootfs()
}, 900_000)

describe('php-pear-serialized-cataloger on Debian php-pear', () => {
  it('reports every package of the PEAR registry with its channel as the purl namespace', async () => {
    const { packages, warnings } = await scanDir(await phpRootfs(), [pearCataloger])
    expect(warnings).toEqual([])
    // PEAR names each registry file after the lower-cased package name.
    expect(packages.map(p => `${p.name.toLowerCase()}.reg`).sort()).toEqual(
      packages.map(p => basename(p.locations[0]!)).sort()
    )
    expect(packages.length).toBe(6)
    expect(byName(packages, 'PEAR')).toMatchObject({
      version: '1.10.13',
      type: 'php-pear',
      purl: 'pkg:pear/pear.php.net/PEAR@1.10.13',
      foundBy: 'php-pear-serialized-cataloger',
      locations: ['/usr/share/php/.registry/pear.reg'],
      licenses: ['New BSD License']
    })
  })

  it('survives mutated registry files', async () => {
    const path = '/usr/share/php/.registry/archive_tar.reg'
    const data = await readFile(join(await phpRootfs(), path))
    const report = await fuzzCataloger(
      pearCataloger,
      [{ path, size: data.length, mode: 0o644, data, layer: { index: 0, diffId: 'sha256:fuzz' } }],
      1000
    )
    expect(report.slowestMs).toBeLessThan(1000)
  })

  it('unserializes byte-counted UTF-8 strings, numbers, booleans and nested arrays', () => {
    const value = unserialize(Buffer.from('a:3:{s:5:"café";i:7;i:0;a:1:{s:1:"x";b:1;}s:1:"n";N;}'))
    expect(value).toEqual(
      new Map<string | number, unknown>([
        ['café', 7],
        [0, new Map([['x', true]])],
        ['n', null]
      ])
    )
    expect(() => unserialize(Buffer.from('s:9:"short";'))).toThrow()
  })
})

describe('php-composer-installed-cataloger on Composer vendor trees', () => {
  it('reports every installed.json entry, Composer 2 and Composer 1 layouts', async () => {
    const { packages, warnings } = await scanDir(await phpRootfs(), [composerInstalledCataloger])
    expect(warnings).toEqual([])
    expect(packages.map(p => `${p.name}@${p.version}`).sort()).toEqual(
      [...COMPOSER_PACKAGES, ...COMPOSER1_PACKAGES].map(p => `${p.name}@${p.version}`).sort()
    )
    expect(byName(packages, 'symfony/polyfill-mbstring')).toMatchObject({
      type: 'php-composer',
      purl: 'pkg:composer/symfony/polyfill-mbstring@v1.28.0',
      foundBy: 'php-composer-installed-cataloger',
      locations: ['/var/www/app/vendor/composer/installed.json'],
      licenses: ['MIT']
    })
    expect(byName(packages, 'guzzlehttp/psr7').locations).toEqual([
      '/srv/legacy/vendor/composer/installed.json'
    ])
  })

  it('joins name parts below the vendor with "-" and reports a missing version as UNKNOWN', async () => {
    expect(composerPurl('a/b/c', '1.0')).toBe('pkg:composer/a/b-c@1.0')
    expect(composerPurl('solo', '1.0')).toBe('pkg:composer/solo@1.0')
    const text = JSON.stringify({ packages: [{ name: 'x/y' }, { version: '1' }] })
    const found = await composerInstalledCataloger.parse(
      {
        path: '/v/composer/installed.json',
        size: text.length,
        mode: 0o644,
        data: Buffer.from(text),
        layer: { index: 0, diffId: 'x' }
      },
      { warn: () => {} }
    )
    expect(found.map(p => [p.name, p.version, p.purl])).toEqual([['x/y', 'UNKNOWN', 'pkg:composer/x/y']])
  })
})
