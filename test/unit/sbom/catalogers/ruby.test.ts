import { beforeAll, describe, expect, it } from '@jest/globals'
import { basename } from 'node:path'
import { parseGemspec, rubyGemspecCataloger } from '../../../../src/sbom/catalogers/ruby.js'
import type { CatalogedFile } from '../../../../src/sbom/catalogers/types.js'
import { rubyRootfs } from '../../../fixtures/sbom/debs-lang.js'
import { byName, scanDir } from './scan-dir.js'

beforeAll(async () => {
  await rubyRootfs()
}, 900_000)

const LAYER = { index: 0, diffId: 'sha256:test' }
const file = (path: string, text: string): CatalogedFile => ({
  path,
  size: text.length,
  mode: 0o644,
  data: Buffer.from(text),
  layer: LAYER
})

describe('ruby-installed-gemspec-cataloger on Debian ruby packages', () => {
  it('reports every installed gemspec under the name and version RubyGems gave its file', async () => {
    const { packages, warnings } = await scanDir(await rubyRootfs(), [rubyGemspecCataloger])
    expect(warnings).toEqual([])
    // RubyGems writes each spec as specifications/<name>-<version>.gemspec: an independent oracle.
    expect(packages.length).toBeGreaterThan(80)
    for (const p of packages) expect(`${p.name}-${p.version}.gemspec`).toBe(basename(p.locations[0]!))
    const rack = byName(packages, 'rack')
    expect(rack).toMatchObject({
      version: '2.2.22',
      type: 'gem',
      purl: 'pkg:gem/rack@2.2.22',
      foundBy: 'ruby-installed-gemspec-cataloger',
      locations: ['/usr/share/rubygems-integration/all/specifications/rack-2.2.22.gemspec'],
      licenses: ['MIT']
    })
    // Default gems live one level deeper, in specifications/default.
    expect(byName(packages, 'json').locations).toEqual([
      '/usr/lib/ruby/gems/3.1.0/specifications/default/json-2.6.1.gemspec'
    ])
  })

  it('ignores gemspecs outside a specifications directory (source trees, templates)', () => {
    expect(rubyGemspecCataloger.wants({ path: '/src/app/app.gemspec', size: 10, mode: 0o644 })).toBe(false)
    expect(
      rubyGemspecCataloger.wants({ path: '/gems/specifications/x-1.gemspec', size: 10, mode: 0o644 })
    ).toBe(true)
  })

  it('reads escaped characters and reports a computed version as UNKNOWN', async () => {
    expect(
      parseGemspec('  s.name = "caf\\u00E9".freeze\n  s.licenses = ["MIT".freeze, "Ruby".freeze]\n')
    ).toEqual({ name: 'café', licenses: ['MIT', 'Ruby'] })
    const [pkg] = await rubyGemspecCataloger.parse(
      file('/specifications/x.gemspec', 's.name = "x"\ns.version = X::VERSION\n'),
      { warn: () => undefined }
    )
    expect(pkg).toMatchObject({ name: 'x', version: 'UNKNOWN', purl: 'pkg:gem/x' })
  })
})
