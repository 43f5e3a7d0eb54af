import { beforeAll, describe, expect, it } from '@jest/globals'
import { osReleaseCataloger } from '../../../../src/sbom/catalogers/os-release.js'
import type { CatalogedFile } from '../../../../src/sbom/catalogers/types.js'
import { debianRootfs } from '../../../fixtures/sbom/debian.js'
import { scanDir } from './scan-dir.js'

// First use builds the fixture from real packages (minutes on a cold machine); later runs reuse the cache.
beforeAll(async () => {
  await debianRootfs()
}, 900_000)

const file = (path: string, text: string): CatalogedFile => ({
  path,
  size: text.length,
  mode: 0o644,
  data: Buffer.from(text),
  layer: { index: 0, diffId: 'sha256:x' }
})

describe('OS identity', () => {
  it('takes Debian point releases from /etc/debian_version over os-release VERSION_ID', async () => {
    const { distro } = await scanDir(await debianRootfs(), [])
    expect(distro?.id).toBe('debian')
    expect(distro?.versionId).toMatch(/^12\.\d+$/)
    expect(distro?.fields['VERSION_CODENAME']).toBe('bookworm')
  })

  it('prefers /etc/os-release, then /usr/lib/os-release, unquoting values', () => {
    const d = osReleaseCataloger.parseDistro([
      file('/usr/lib/os-release', 'ID=other\n'),
      file(
        '/etc/os-release',
        'NAME="Red Hat Enterprise Linux"\nID="rhel"\nVERSION_ID=\'9.4\'\nID_LIKE="fedora"\n# comment\n'
      )
    ])
    expect(d).toEqual({
      id: 'rhel',
      versionId: '9.4',
      fields: { NAME: 'Red Hat Enterprise Linux', ID: 'rhel', VERSION_ID: '9.4', ID_LIKE: 'fedora' }
    })
  })

  it('falls back to system-release-cpe, then redhat-release', () => {
    expect(
      osReleaseCataloger.parseDistro([
        file('/etc/system-release-cpe', 'cpe:/o:redhat:enterprise_linux:8:ga\n')
      ])
    ).toMatchObject({
      id: 'redhat',
      versionId: '8'
    })
    expect(
      osReleaseCataloger.parseDistro([file('/etc/redhat-release', 'CentOS Linux release 7.9.2009 (Core)\n')])
    ).toMatchObject({
      id: 'centos linux',
      versionId: '7.9',
      fields: { VERSION: '7.9', ID_LIKE: 'centos linux rhel' }
    })
    expect(
      osReleaseCataloger.parseDistro([
        file('/etc/redhat-release', 'Red Hat Enterprise Linux release 8.10 (Ootpa)')
      ])
    ).toMatchObject({
      id: 'rhel',
      versionId: '8.10'
    })
    expect(osReleaseCataloger.parseDistro([file('/etc/hostname', 'x')])).toBeUndefined()
  })

  it('asks only for identity files', () => {
    expect(osReleaseCataloger.wants({ path: '/etc/os-release', size: 300, mode: 0o644 })).toBe(true)
    expect(osReleaseCataloger.wants({ path: '/etc/debian_version', size: 5, mode: 0o644 })).toBe(true)
    expect(osReleaseCataloger.wants({ path: '/opt/etc/os-release', size: 300, mode: 0o644 })).toBe(false)
  })
})
