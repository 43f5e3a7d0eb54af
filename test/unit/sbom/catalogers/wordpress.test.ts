import { beforeAll, describe, expect, it } from '@jest/globals'
import { pluginHeader, wordpressPluginCataloger } from '../../../../src/sbom/catalogers/wordpress.js'
import { wordpressRootfs } from '../../../fixtures/sbom/debs-lang.js'
import { scanDir } from './scan-dir.js'

beforeAll(async () => {
  await wordpressRootfs()
}, 900_000)

describe('wordpress-plugins-cataloger', () => {
  it("reports Debian WordPress's bundled Akismet from its main plugin file only", async () => {
    const { packages, warnings } = await scanDir(await wordpressRootfs(), [wordpressPluginCataloger])
    expect(warnings).toEqual([])
    expect(packages).toEqual([
      {
        name: 'Akismet Anti-Spam',
        version: expect.stringMatching(/^\d+\.\d+(\.\d+)*$/),
        type: 'wordpress-plugin',
        purl: '',
        foundBy: 'wordpress-plugins-cataloger',
        locations: ['/usr/share/wordpress/wp-content/plugins/akismet/akismet.php'],
        licenses: ['GPLv2'],
        metadata: {
          pluginInstallDirectory: 'akismet',
          author: 'Automattic',
          authorUri: 'https://automattic.com/wordpress-plugins/'
        }
      }
    ])
  })

  it('reads header fields case-insensitively, versions as digits and dots, licenses as one word', () => {
    expect(
      pluginHeader(
        '<?php\n/*\n * plugin name: WP Migration \n * Version: 7.79-beta\n * License: GPL-3.0+\n */'
      )
    ).toEqual({ name: 'WP Migration', version: '7.79', license: 'GPL' })
    // Only files directly inside a plugin's directory are plugin headers.
    const wants = (path: string) => wordpressPluginCataloger.wants({ path, size: 10, mode: 0o644 })
    expect(wants('/var/www/html/wp-content/plugins/hello.php')).toBe(false)
    expect(wants('/var/www/html/wp-content/plugins/a/inc/b.php')).toBe(false)
    expect(wants('/var/www/html/wp-content/plugins/a/a.php')).toBe(true)
  })
})
