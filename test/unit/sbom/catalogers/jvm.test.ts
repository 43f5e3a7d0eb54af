import { beforeAll, describe, expect, it } from '@jest/globals'
import { jvmCataloger, jvmVersion, parseJvmRelease } from '../../../../src/sbom/catalogers/jvm.js'
import type { CatalogedFile, Package } from '../../../../src/sbom/catalogers/types.js'
import { jvmRootfs } from '../../../fixtures/sbom/debs-lang.js'
import { scanDir } from './scan-dir.js'

beforeAll(async () => {
  await jvmRootfs()
}, 900_000)

/** parse() every file, then enrich() with the files it kept, as the layer reader does. */
async function catalog(files: Record<string, string>): Promise<Package[]> {
  const packages: Package[] = []
  const kept: CatalogedFile[] = []
  for (const [path, text] of Object.entries(files)) {
    const file = {
      path,
      size: text.length,
      mode: 0o755,
      data: Buffer.from(text),
      layer: { index: 0, diffId: 'x' }
    }
    expect(jvmCataloger.wants(file)).toBe(true)
    const found = await jvmCataloger.parse(file, { warn: () => {} })
    if (found.length === 0 && jvmCataloger.keepForEnrich!(file)) kept.push(file)
    packages.push(...found)
  }
  jvmCataloger.enrich!(packages, kept, { warn: () => {} })
  return packages
}

describe('java-jvm-cataloger', () => {
  it("reports Debian's OpenJDK runtime from its release file", async () => {
    const { packages, warnings } = await scanDir(await jvmRootfs(), [jvmCataloger])
    expect(warnings).toEqual([])
    expect(packages).toEqual([
      expect.objectContaining({
        name: 'openjdk',
        type: 'binary',
        foundBy: 'java-jvm-cataloger',
        locations: ['/usr/lib/jvm/java-17-openjdk-amd64/release']
      })
    ])
    // The runtime version Debian stamps, in a purl under Oracle's namespace (OpenJDK's CPE vendor).
    expect(packages[0]!.version).toMatch(/^17\.0\.[\d.]+\+\d+-.*Debian/)
    expect(packages[0]!.purl).toBe(`pkg:generic/oracle/openjdk@${packages[0]!.version.replace('+', '%2B')}`)
  })

  it('names vendor and product from the implementor, the path and whether bin/javac is there', async () => {
    const oracle = 'IMPLEMENTOR="Oracle Corporation"\nJAVA_VERSION="1.8.0_411"\nIMAGE_TYPE="JRE"\n'
    const zulu = 'IMPLEMENTOR="Azul Systems, Inc."\nJAVA_VERSION="21.0.5"\nFULL_VERSION="21.0.5+11-LTS"\n'
    const temurin =
      'IMPLEMENTOR="Eclipse Adoptium"\nJAVA_RUNTIME_VERSION="25.0.3+9-LTS"\nJAVA_VERSION="25.0.3"\n' +
      'BUILD_SOURCE_REPO="https://github.com/adoptium/temurin-build.git"\nSOURCE_REPO="https://github.com/adoptium/jdk25u.git"\n'
    const packages = await catalog({
      '/opt/jre8/release': oracle,
      '/opt/jdk8/release': oracle,
      '/opt/jdk8/bin/javac': '\x7fELF',
      '/usr/lib/jvm/zulu21/release': zulu,
      '/opt/java/openjdk/release': temurin,
      '/opt/notes/release': 'version 2 of the notes\n'
    })
    expect(packages.map(p => `${p.locations[0]} ${p.name} ${p.purl}`)).toEqual([
      '/opt/jre8/release jre pkg:generic/oracle/jre@1.8.0_411',
      '/opt/jdk8/release jdk pkg:generic/oracle/jdk@1.8.0_411',
      '/usr/lib/jvm/zulu21/release zulu pkg:generic/azul/zulu@21.0.5%2B11-LTS',
      '/opt/java/openjdk/release openjdk pkg:generic/oracle/openjdk@25.0.3%2B9-LTS?repository_url=https%3A%2F%2Fgithub.com%2Fadoptium%2Fjdk25u.git'
    ])
  })

  it('prefers FULL_VERSION only when its major agrees with JAVA_VERSION', () => {
    expect(jvmVersion(parseJvmRelease('JAVA_VERSION="17.0.2"\nFULL_VERSION="17.0.2+8"\n'))).toBe('17.0.2+8')
    expect(jvmVersion(parseJvmRelease('JAVA_VERSION="1.8.0_402"\nFULL_VERSION="8.0.402+6"\n'))).toBe(
      '1.8.0_402'
    )
  })
})
