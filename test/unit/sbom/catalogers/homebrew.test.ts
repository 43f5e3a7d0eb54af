import { beforeAll, describe, expect, it } from '@jest/globals'
import { homebrewCataloger, parseFormula } from '../../../../src/sbom/catalogers/homebrew.js'
import { BREW_PREFIX, homebrewRootfs } from '../../../fixtures/sbom/homebrew.js'
import { scanDir } from './scan-dir.js'

beforeAll(async () => {
  await homebrewRootfs()
}, 120_000)

describe('homebrew-cataloger', () => {
  it('reports installed kegs from Cellar/<name>/<version>/.brew and tap formulas by file name', async () => {
    const { packages, warnings } = await scanDir(await homebrewRootfs(), [homebrewCataloger])
    expect(warnings).toEqual([])
    expect(packages.map(p => [p.name, p.version, p.purl, p.licenses, p.locations[0]]).sort()).toEqual([
      [
        'acmectl',
        'UNKNOWN',
        'pkg:brew/acmectl',
        ['Apache-2.0'],
        `${BREW_PREFIX}/Library/Taps/acme/homebrew-tools/Formula/acmectl.rb`
      ],
      ['jq', '1.7.1', 'pkg:brew/jq@1.7.1', ['MIT'], `${BREW_PREFIX}/Cellar/jq/1.7.1/.brew/jq.rb`],
      [
        'zlib',
        '1.3.1_1',
        'pkg:brew/zlib@1.3.1_1',
        ['Zlib'],
        `${BREW_PREFIX}/Cellar/zlib/1.3.1_1/.brew/zlib.rb`
      ]
    ])
    for (const p of packages) expect(p).toMatchObject({ type: 'homebrew', foundBy: 'homebrew-cataloger' })
  })

  it('trusts name and version in the formula only when it declares both, and reads only the class body', () => {
    const text = 'license "GPL"\nclass Foo < Formula\n  name "foo"\n  version "2.0"\n  license "MIT"\nend\n'
    expect(parseFormula(text, '/x/Cellar/bar/1.0/.brew/bar.rb')).toEqual({
      name: 'foo',
      version: '2.0',
      license: 'MIT'
    })
    expect(
      parseFormula('class Foo < Formula\n  version "2.0"\nend\n', '/x/Cellar/bar/1.0/.brew/bar.rb')
    ).toEqual({
      name: 'bar',
      version: '1.0',
      license: ''
    })
    const wants = (path: string) => homebrewCataloger.wants({ path, size: 10, mode: 0o644 })
    expect(wants('/opt/homebrew/Library/Taps/homebrew/homebrew-core/Formula/j/jq.rb')).toBe(false)
    expect(wants('/opt/homebrew/Cellar/jq/1.7.1/lib/ruby/x.rb')).toBe(false)
  })
})
