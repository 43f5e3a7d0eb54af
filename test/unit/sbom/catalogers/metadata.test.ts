// People, descriptions, links and digests the catalogers read from real package metadata (the values Syft
// v1.57.0 writes for the same packages, where it writes them).
import { beforeAll, describe, expect, it } from '@jest/globals'
import { alpineRootfs } from '../../../fixtures/sbom/alpine.js'
import { debianRootfs } from '../../../fixtures/sbom/debian.js'
import { goBinariesRootfs } from '../../../fixtures/sbom/golang.js'
import { javaRootfs } from '../../../fixtures/sbom/java.js'
import { npmRootfs, pythonRootfs } from '../../../fixtures/sbom/lang.js'
import { apkCataloger } from '../../../../src/sbom/catalogers/apk.js'
import { dpkgCataloger } from '../../../../src/sbom/catalogers/dpkg.js'
import { goBinaryCataloger } from '../../../../src/sbom/catalogers/go-binary.js'
import { javaArchiveCataloger } from '../../../../src/sbom/catalogers/java.js'
import { npmCataloger } from '../../../../src/sbom/catalogers/npm.js'
import { pythonCataloger } from '../../../../src/sbom/catalogers/python.js'
import { byName, scanDir } from './scan-dir.js'

beforeAll(async () => {
  await Promise.all([alpineRootfs(), debianRootfs(), npmRootfs(), pythonRootfs()])
  await goBinariesRootfs()
  await javaRootfs()
}, 900_000)

describe('package metadata', () => {
  it('dpkg: Maintainer as publisher; synopsis and Homepage', async () => {
    const { packages } = await scanDir(await debianRootfs(), [dpkgCataloger])
    const libc = byName(packages, 'libc6')
    expect(libc.publisher).toBe('GNU Libc Maintainers <debian-glibc@lists.debian.org>')
    expect(libc.description).toBe('GNU C Library: Shared libraries')
    expect(libc.homepage).toBe('https://www.gnu.org/software/libc/libc.html')
    expect(packages.every(p => p.publisher)).toBe(true)
  })

  it('apk: m: as publisher, T: as description, U: as download location', async () => {
    const { packages } = await scanDir(await alpineRootfs(), [apkCataloger])
    expect(byName(packages, 'musl')).toMatchObject({
      publisher: 'Natanael Copa <ncopa@alpinelinux.org>',
      description: 'musl',
      downloadUrl: 'https://alpinelinux.org'
    })
  })

  it('npm: author, then contributors, as "name <email> (url)"; description and repository', async () => {
    const { packages } = await scanDir(await npmRootfs(), [npmCataloger])
    expect(byName(packages, 'debug')).toMatchObject({
      author:
        'Josh Junon (https://github.com/qix-), TJ Holowaychuk <tj@vision-media.ca>, ' +
        'Nathan Rajlich <nathan@tootallnate.net> (http://n8.io), Andrew Rhyne <rhyneandrew@gmail.com>',
      description: 'Lightweight debugging utility for Node.js and the browser',
      downloadUrl: 'git://github.com/debug-js/debug.git'
    })
    expect(byName(packages, 'debug').homepage).toBeUndefined() // "homepage": null
  })

  it('Python: Author and Author-email as written; Summary and Home-page', async () => {
    const { packages } = await scanDir(await pythonRootfs(), [pythonCataloger])
    expect(byName(packages, 'requests')).toMatchObject({
      author: 'Kenneth Reitz',
      authorEmail: 'me@kennethreitz.org',
      description: 'Python HTTP for Humans.',
      homepage: 'https://requests.readthedocs.io'
    })
  })

  it("Go: a module's go.sum h1 digest as its SHA-256; Java: the archive's SHA-1", async () => {
    const go = await scanDir(await goBinariesRootfs(), [goBinaryCataloger])
    const uuid = go.packages.find(p => p.name === 'github.com/google/uuid')!
    expect(uuid.digests).toEqual([{ algorithm: 'sha256', value: expect.stringMatching(/^[0-9a-f]{64}$/) }])
    const java = await scanDir(await javaRootfs(), [javaArchiveCataloger])
    const withDigest = java.packages.filter(p => p.digests?.length)
    expect(withDigest.length).toBeGreaterThan(0)
    for (const p of withDigest)
      expect(p.digests).toEqual([{ algorithm: 'sha1', value: expect.stringMatching(/^[0-9a-f]{40}$/) }])
  })
})
