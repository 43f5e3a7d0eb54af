import { beforeAll, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { archiveFilename } from '../../../../src/sbom/catalogers/java-archive.js'
import { javaArchiveCataloger } from '../../../../src/sbom/catalogers/java.js'
import { JAVA_PATHS, ZIP64_ENTRIES, ZIP64_JAR, javaRootfs, zip64Rootfs } from '../../../fixtures/sbom/java.js'
import { fuzzCataloger } from './fuzz.js'
import { scanDir } from './scan-dir.js'

// First use builds the fixture from real packages (minutes on a cold machine); later runs reuse the cache.
beforeAll(async () => {
  await javaRootfs()
}, 900_000)

const LIBS = [
  'pkg:maven/com.fasterxml.jackson.core/jackson-annotations@2.17.2',
  'pkg:maven/com.fasterxml.jackson.core/jackson-core@2.17.2',
  'pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.17.2',
  'pkg:maven/org.apache.commons/commons-lang3@3.14.0',
  'pkg:maven/org.slf4j/slf4j-api@2.0.16'
]

describe('java-archive-cataloger', () => {
  it('reads a Spring Boot jar and the jars nested in BOOT-INF/lib', async () => {
    const { packages, warnings } = await scanDir(await javaRootfs(), [javaArchiveCataloger])
    expect(warnings).toEqual([])
    const boot = packages.filter(p => p.locations[0] === JAVA_PATHS.bootJar)
    expect(boot.map(p => p.purl).sort()).toEqual(
      [
        'pkg:maven/com.example/demo-app@1.0.0',
        'pkg:maven/spring-boot-jarmode-tools/spring-boot-jarmode-tools@3.3.5',
        ...LIBS
      ].sort()
    )
    const app = boot.find(p => p.name === 'demo-app')!
    expect(app.metadata!['virtualPath']).toBe(JAVA_PATHS.bootJar)
    expect(app.dependsOn).toEqual(expect.arrayContaining(['jackson-databind', 'commons-lang3', 'slf4j-api']))
    const lang = boot.find(p => p.name === 'commons-lang3')!
    expect(lang.metadata!['virtualPath']).toBe(`${JAVA_PATHS.bootJar}:BOOT-INF/lib/commons-lang3-3.14.0.jar`)
  })

  it('reads WEB-INF/lib of a war and a plain jar; an unversioned archive is UNKNOWN as in Syft', async () => {
    const { packages } = await scanDir(await javaRootfs(), [javaArchiveCataloger])
    const war = packages.filter(p => p.locations[0] === JAVA_PATHS.war)
    expect(war.map(p => p.purl).sort()).toEqual(['pkg:maven/demo/demo', ...LIBS].sort())
    expect(war.find(p => p.name === 'demo')!.version).toBe('UNKNOWN')
    expect(packages.filter(p => p.locations[0] === JAVA_PATHS.plainJar).map(p => p.purl)).toEqual([
      'pkg:maven/org.apache.commons/commons-lang3@3.14.0'
    ])
  })

  it('never reads ctx.distro, so the layer reader need not keep archives for a second parse', async () => {
    const data = await readFile(join(await javaRootfs(), JAVA_PATHS.plainJar))
    let asked = false
    const ctx = {
      get distro(): undefined {
        asked = true
        return undefined
      },
      warn: () => undefined
    }
    const file = {
      path: JAVA_PATHS.plainJar,
      size: data.length,
      mode: 0o644,
      data,
      layer: { index: 0, diffId: 'sha256:x' }
    }
    expect(await javaArchiveCataloger.parse(file, ctx)).toHaveLength(1)
    expect(asked).toBe(false)
  })

  it('reads a ZIP64 jar (over 65,535 entries, as the JDK writes it) to its last entry', async () => {
    const root = await zip64Rootfs()
    const jar = await readFile(join(root, ZIP64_JAR))
    // The fixture must really be ZIP64: the classic end record says 0xFFFF entries, a ZIP64 locator precedes it.
    const eocd = jar.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
    expect(jar.readUInt16LE(eocd + 10)).toBe(0xffff)
    expect(jar.readUInt32LE(eocd - 20)).toBe(0x07064b50)
    const { packages, warnings } = await scanDir(root, [javaArchiveCataloger])
    expect(warnings).toEqual([])
    expect(packages.map(p => p.purl).sort()).toEqual([
      'pkg:maven/org.example.shaded/shaded-lib@4.5.6',
      'pkg:maven/shaded-big/shaded-big@2.0.0'
    ])
    expect(ZIP64_ENTRIES).toBeGreaterThan(0xffff)

    // A ZIP64 record that is not where its locator says: a warning naming the jar, no packages, no throw.
    const broken = Buffer.from(jar)
    broken.writeUInt32LE(0, eocd - 20 - 56) // the record's signature
    broken.writeBigUInt64LE(0xffffffffffn, eocd - 20 + 8) // the locator's offset of it
    const warned: string[] = []
    const file = {
      path: ZIP64_JAR,
      size: broken.length,
      mode: 0o644,
      layer: { index: 0, diffId: 'sha256:x' },
      data: broken
    }
    expect(await javaArchiveCataloger.parse(file, { distro: undefined, warn: m => warned.push(m) })).toEqual(
      []
    )
    expect(warned).toEqual([
      `${ZIP64_JAR}: not a readable zip archive (ZIP64 end-of-central-directory record is missing or out of bounds) (layer sha256:x)`
    ])
  }, 120_000)

  it('splits archive file names as Syft does', () => {
    expect(archiveFilename('/x/spring-core-6.1.5.jar')).toEqual({
      name: 'spring-core',
      version: '6.1.5',
      extension: 'jar'
    })
    expect(archiveFilename('jakarta.servlet-api-6.0.0.jar')).toMatchObject({
      name: 'jakarta.servlet-api',
      version: '6.0.0'
    })
    expect(archiveFilename('guava-33.0.0-jre.jar')).toMatchObject({ name: 'guava', version: '33.0.0-jre' })
    expect(archiveFilename('app-build42.war')).toMatchObject({ name: 'app', version: 'build42' })
    expect(archiveFilename('demo.war')).toMatchObject({ name: 'demo', version: '' })
    expect(archiveFilename('x'.repeat(5000) + '!.jar').name).toBe('')
  })

  it('survives mutated archives without hanging', async () => {
    const root = await javaRootfs()
    const seeds = await Promise.all(
      [JAVA_PATHS.plainJar, JAVA_PATHS.war].map(async p => {
        const data = await readFile(join(root, p))
        return { path: p, size: data.length, mode: 0o644, data, layer: { index: 0, diffId: 'sha256:fuzz' } }
      })
    )
    const report = await fuzzCataloger(javaArchiveCataloger, seeds, 3000)
    expect(report.iterations).toBeGreaterThan(5)
    expect(report.slowestMs).toBeLessThan(2000)
  })
})

describe('java-archive-cataloger on hostile archives', () => {
  it('stops a nested zip bomb at the per-entry cap with a warning, without allocating it', async () => {
    const { deflateRawSync } = await import('node:zlib')
    // One stored entry "bomb.jar" whose declared and real size far exceed the nested cap.
    const payload = deflateRawSync(Buffer.alloc(300 * 1024 * 1024))
    const name = Buffer.from('bomb.jar')
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(payload.length, 18)
    local.writeUInt32LE(300 * 1024 * 1024, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(payload.length, 20)
    central.writeUInt32LE(300 * 1024 * 1024, 24)
    central.writeUInt16LE(name.length, 28)
    const cdOffset = local.length + name.length + payload.length
    const eocd = Buffer.alloc(22)
    eocd.writeUInt32LE(0x06054b50, 0)
    eocd.writeUInt16LE(1, 8)
    eocd.writeUInt16LE(1, 10)
    eocd.writeUInt32LE(central.length + name.length, 12)
    eocd.writeUInt32LE(cdOffset, 16)
    const data = Buffer.concat([local, name, payload, central, name, eocd])
    const warnings: string[] = []
    const file = {
      path: '/app/outer.jar',
      size: data.length,
      mode: 0o644,
      data,
      layer: { index: 0, diffId: 'sha256:x' }
    }
    expect(await javaArchiveCataloger.parse(file, { warn: m => warnings.push(m) })).toEqual([])
    expect(warnings).toEqual([
      expect.stringMatching(/^\/app\/outer\.jar: bomb\.jar expands to 314572800 bytes, over the \d+-byte cap/)
    ])
  })
})
