import { beforeAll, describe, expect, it } from '@jest/globals'
import { phpInterpreterCataloger, phpKinds } from '../../../../src/sbom/catalogers/php-interpreter.js'
import { resolveDependencies } from '../../../../src/sbom/output/dependencies.js'
import { phpBinariesRootfs } from '../../../fixtures/sbom/debs-lang.js'
import { byName, scanDir } from './scan-dir.js'

beforeAll(async () => {
  await phpBinariesRootfs()
}, 900_000)

describe('php-interpreter-cataloger on Debian PHP 8.2', () => {
  it('reports php-fpm, libphp and each extension at the version they embed, extensions under every interpreter', async () => {
    const { packages, warnings } = await scanDir(await phpBinariesRootfs(), [phpInterpreterCataloger])
    expect(warnings).toEqual([])
    const version = byName(packages, 'php-fpm').version
    expect(version).toMatch(/^8\.2\.\d+$/)
    expect(byName(packages, 'php-fpm')).toMatchObject({
      type: 'binary',
      purl: `pkg:generic/php-fpm@${version}`,
      foundBy: 'php-interpreter-cataloger',
      locations: ['/usr/sbin/php-fpm8.2']
    })
    expect(byName(packages, 'libphp').purl).toBe(`pkg:generic/php@${version}`)
    const extensions = packages.filter(p => p.metadata?.['kind'] === 'extension')
    expect(extensions.length).toBe(packages.length - 2)
    for (const e of extensions) {
      expect(e.locations[0]).toBe(`/usr/lib/php/20220829/${e.name}.so`)
      expect(e.version).toBe(version) // bundled extensions carry PHP's own version
    }
    expect(extensions.map(e => e.name)).toEqual(expect.arrayContaining(['opcache', 'mysqli', 'pdo_mysql']))
    const edges = resolveDependencies(packages)
    for (const name of ['php-fpm', 'libphp'])
      expect(edges.get(packages.indexOf(byName(packages, name)))!.length).toBe(extensions.length)
  })

  it("applies Syft's globs: php[0-9]* executables, php-fpm*, libphp*.so under apache*, *.so under php*", () => {
    expect(phpKinds('/usr/local/bin/php')).toEqual(['cli'])
    expect(phpKinds('/usr/bin/php8.2')).toEqual([])
    expect(phpKinds('/usr/local/sbin/php-fpm')).toEqual(['fpm'])
    expect(phpKinds('/usr/lib/apache2/modules/libphp.so')).toEqual(['apache'])
    expect(phpKinds('/usr/local/lib/php/extensions/no-debug-non-zts-20230831/redis.so')).toEqual([
      'extension'
    ])
    expect(phpKinds('/usr/lib/x86_64-linux-gnu/libz.so')).toEqual([])
  })
})
