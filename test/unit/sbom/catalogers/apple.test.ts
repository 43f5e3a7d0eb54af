import { describe, expect, it } from '@jest/globals'
import { appleBundleCataloger } from '../../../../src/sbom/catalogers/apple.js'
import { parsePlist } from '../../../../src/sbom/catalogers/plist.js'
import { appleRootfs, NOTIFIER_DIR } from '../../../fixtures/sbom/apple.js'
import { scanDir } from './scan-dir.js'

describe('apple-app-bundle-cataloger', () => {
  it('reads XML and binary Info.plist files, skipping one with a mistyped field and one without a version', async () => {
    const { packages, warnings } = await scanDir(await appleRootfs(), [appleBundleCataloger])
    expect(packages.map(p => [p.name, p.version, p.purl, p.locations[0]]).sort()).toEqual([
      // The display name wins over the bundle name; it is UTF-16 in the binary plist.
      ['Résumé Builder', '2.4.1', '', '/Applications/Résumé.app/Contents/Info.plist'],
      [
        'terminal-notifier',
        '1.7.2',
        '',
        `${NOTIFIER_DIR}/vendor/mac.noindex/terminal-notifier.app/Contents/Info.plist`
      ]
    ])
    expect(warnings).toEqual(['not a readable Info.plist: CFBundleVersion is not a string'])
    for (const p of packages)
      expect(p).toMatchObject({ type: 'apple-app-bundle', foundBy: 'apple-app-bundle-cataloger' })
  })
})

describe('property lists', () => {
  it('reads XML entities, empty elements, nested arrays and dictionaries', () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE plist><plist version="1.0"><dict><key>a&amp;b</key><string>x &lt;&#65;&#x42;</string>' +
      '<key>e</key><string/><key>n</key><array><integer>3</integer><true/><dict/></array></dict></plist>'
    const root = parsePlist(Buffer.from(xml))
    expect(root).toEqual({
      kind: 'dict',
      value: new Map<string, unknown>([
        ['a&b', { kind: 'string', value: 'x <AB' }],
        ['e', { kind: 'string', value: '' }],
        [
          'n',
          {
            kind: 'array',
            value: [
              { kind: 'integer', value: 3 },
              { kind: 'boolean', value: true },
              { kind: 'dict', value: new Map() }
            ]
          }
        ]
      ])
    })
  })

  it('rejects malformed XML and truncated binary plists', () => {
    expect(() => parsePlist(Buffer.from('<plist><dict><string>x</string></dict></plist>'))).toThrow(
      /without <key>/
    )
    expect(() => parsePlist(Buffer.from('<plist><dict><key>a</key>'))).toThrow(/unexpected end/)
    expect(() => parsePlist(Buffer.from('bplist00' + 'x'.repeat(10)))).toThrow(/too short/)
  })
})
