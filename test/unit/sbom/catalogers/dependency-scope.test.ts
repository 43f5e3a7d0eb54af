import { describe, expect, it } from '@jest/globals'
import { dependencyScope } from '../../../../src/sbom/catalogers/dependency-scope.js'

describe('dependencyScope', () => {
  it('groups OS packages by database directory, binaries by file, Python by site-packages', () => {
    const scope = (type: string, path: string): string => dependencyScope({ type, locations: [path] })
    expect(scope('deb', '/var/lib/dpkg/status.d/libc6')).toBe(scope('deb', '/var/lib/dpkg/status.d/libssl3'))
    expect(scope('deb', '/var/lib/dpkg/status')).not.toBe(scope('rpm', '/var/lib/dpkg/status'))
    expect(scope('go-module', '/usr/bin/a')).not.toBe(scope('go-module', '/usr/bin/b'))
    expect(
      scope('python', '/usr/lib/python3/site-packages/setuptools/_vendor/zipp-3.dist-info/METADATA')
    ).toBe(scope('python', '/usr/lib/python3/site-packages/setuptools-8.dist-info/METADATA'))
    expect(scope('python', '/venv/lib/python3/site-packages/a.dist-info/METADATA')).not.toBe(
      scope('python', '/usr/lib/python3/dist-packages/a.dist-info/METADATA')
    )
  })
})
