import { describe, expect, it } from '@jest/globals'
import { distroQualifier, formatPurl, purlEscape } from '../../../src/sbom/purl.js'

describe('formatPurl', () => {
  it('writes deb purls with sorted qualifiers and an escaped upstream', () => {
    expect(
      formatPurl({
        type: 'deb',
        namespace: 'debian',
        name: 'libssl3',
        version: '3.0.15-1~deb12u1',
        qualifiers: { upstream: 'openssl', distro: 'debian-12', arch: 'amd64' }
      })
    ).toBe('pkg:deb/debian/libssl3@3.0.15-1~deb12u1?arch=amd64&distro=debian-12&upstream=openssl')
  })

  it('escapes ":" "+" and "@" in names, versions and qualifier values as Go url.QueryEscape does', () => {
    expect(
      formatPurl({
        type: 'deb',
        namespace: 'debian',
        name: 'libstdc++6',
        version: '1:4.13+dfsg1-1',
        qualifiers: { upstream: 'gcc-12@12.2.0-14', arch: 'amd64' }
      })
    ).toBe('pkg:deb/debian/libstdc%2B%2B6@1%3A4.13%2Bdfsg1-1?arch=amd64&upstream=gcc-12%4012.2.0-14')
    expect(formatPurl({ type: 'npm', namespace: '@scope', name: 'name', version: '1.0.0' })).toBe(
      'pkg:npm/%40scope/name@1.0.0'
    )
  })

  it('writes rpm purls with epoch and upstream', () => {
    expect(
      formatPurl({
        type: 'rpm',
        namespace: 'redhat',
        name: 'bash',
        version: '5.1.8-9.el9',
        qualifiers: { arch: 'x86_64', distro: 'rhel-9.4', upstream: 'bash-5.1.8-9.el9.src.rpm' }
      })
    ).toBe('pkg:rpm/redhat/bash@5.1.8-9.el9?arch=x86_64&distro=rhel-9.4&upstream=bash-5.1.8-9.el9.src.rpm')
  })

  it('splits Go module paths into namespace segments and drops empty qualifiers', () => {
    expect(
      formatPurl({
        type: 'golang',
        namespace: 'golang.org/x',
        name: 'net',
        version: 'v0.30.0',
        qualifiers: { x: '' }
      })
    ).toBe('pkg:golang/golang.org/x/net@v0.30.0')
    expect(formatPurl({ type: 'golang', name: 'stdlib', version: '1.26.6' })).toBe('pkg:golang/stdlib@1.26.6')
    expect(formatPurl({ type: 'maven', namespace: 'org.slf4j', name: 'slf4j-api' })).toBe(
      'pkg:maven/org.slf4j/slf4j-api'
    )
  })

  it('percent-encodes spaces as %20 and non-ASCII as UTF-8 bytes', () => {
    expect(purlEscape('a b/é~')).toBe('a%20b%2F%C3%A9~')
  })
})

describe('distroQualifier', () => {
  it('joins ID and VERSION_ID, falling back to BUILD_ID', () => {
    expect(distroQualifier({ id: 'alpine', versionId: '3.20.3', fields: {} })).toBe('alpine-3.20.3')
    expect(distroQualifier({ id: 'arch', fields: { BUILD_ID: 'rolling' } })).toBe('arch-rolling')
    expect(distroQualifier(undefined)).toBeUndefined()
  })
})
