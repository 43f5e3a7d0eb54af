import { describe, expect, it } from '@jest/globals'
import { Spec, Validation } from '@cyclonedx/cyclonedx-library'
import type { Package } from '../../../../src/sbom/catalogers/types.js'
import { buildCycloneDx, serializeCycloneDx } from '../../../../src/sbom/output/cyclonedx.js'
import { sourcePackagePurl } from '../../../../src/sbom/output/external-refs.js'
import type { SbomModel } from '../../../../src/sbom/output/model.js'
import { originatorOf, parsePerson, spdxActor } from '../../../../src/sbom/output/people.js'
import { buildSpdx } from '../../../../src/sbom/output/spdx.js'

const pkg = (p: Partial<Package> & Pick<Package, 'name' | 'type' | 'purl'>): Package => ({
  version: '1.0',
  foundBy: 'test',
  locations: ['/x'],
  ...p
})

const libc = pkg({
  name: 'libc6',
  version: '2.36-9+deb12u9',
  type: 'deb',
  purl: 'pkg:deb/debian/libc6@2.36-9%2Bdeb12u9?arch=amd64&distro=debian-12&upstream=glibc',
  publisher: 'GNU Libc Maintainers <debian-glibc@lists.debian.org>',
  description: 'GNU C Library: Shared libraries',
  homepage: 'https://www.gnu.org/software/libc/libc.html',
  metadata: { arch: 'amd64', source: 'glibc', sourceVersion: '' }
})
const bash = pkg({
  name: 'bash',
  version: '5.1.8-9.el9',
  type: 'rpm',
  purl: 'pkg:rpm/redhat/bash@5.1.8-9.el9?arch=x86_64&distro=rhel-9.4&upstream=bash-5.1.8-9.el9.src.rpm',
  publisher: 'Red Hat, Inc.',
  metadata: { arch: 'x86_64', sourceRpm: 'bash-5.1.8-9.el9.src.rpm', release: '9.el9' }
})
const debug = pkg({
  name: 'debug',
  version: '4.3.7',
  type: 'npm',
  purl: 'pkg:npm/debug@4.3.7',
  author: 'Josh Junon (https://github.com/qix-), TJ Holowaychuk <tj@vision-media.ca>',
  description: 'Lightweight debugging utility',
  homepage: 'https://github.com/debug-js/debug#readme',
  downloadUrl: 'git://github.com/debug-js/debug.git'
})
const jar = pkg({
  name: 'commons-lang3',
  version: '3.17.0',
  type: 'java-archive',
  purl: 'pkg:maven/org.apache.commons/commons-lang3@3.17.0',
  vendor: 'The Apache Software Foundation',
  digests: [{ algorithm: 'sha1', value: 'b'.repeat(40) }]
})
const uuid = pkg({
  name: 'github.com/google/uuid',
  version: 'v1.6.0',
  type: 'go-module',
  purl: 'pkg:golang/github.com/google/uuid@v1.6.0',
  digests: [{ algorithm: 'sha256', value: 'c'.repeat(64) }]
})

function model(packages: Package[]): SbomModel {
  return {
    subject: { name: 'r/app', version: 'v1', platform: 'linux/amd64', otherPlatforms: [], labels: {} },
    packages,
    tool: { name: 'oci-attest', version: '0.1.0' }
  }
}

describe('people in package metadata', () => {
  it('splits name and e-mail, keeping what Syft drops (dotted mail hosts, several people)', () => {
    expect(parsePerson('GNU Libc Maintainers <debian-glibc@lists.debian.org>')).toEqual({
      name: 'GNU Libc Maintainers',
      email: 'debian-glibc@lists.debian.org'
    })
    expect(parsePerson('Isaac Z. Schlueter <i@izs.me> (http://blog.izs.me)')).toEqual({
      name: 'Isaac Z. Schlueter',
      email: 'i@izs.me'
    })
    expect(parsePerson('A <a@x.org>, B <b@y.org>')).toEqual({ name: 'A', email: 'a@x.org' })
    expect(parsePerson('me@example.org')).toEqual({ name: 'me@example.org' })
    expect(parsePerson('  ')).toBeUndefined()
  })

  it("follows Syft's originator kinds: rpm vendors and jar/PE vendors are organisations", () => {
    expect(spdxActor(originatorOf(libc))).toBe('Person: GNU Libc Maintainers (debian-glibc@lists.debian.org)')
    expect(spdxActor(originatorOf(bash))).toBe('Organization: Red Hat, Inc.')
    expect(spdxActor(originatorOf(jar))).toBe('Organization: The Apache Software Foundation')
    expect(spdxActor(originatorOf(uuid))).toBe('NOASSERTION')
  })
})

describe('source package references', () => {
  it('names the deb and rpm source package with the distro (and rpm epoch) kept, as Syft does', () => {
    expect(sourcePackagePurl(libc)).toBe('pkg:deb/debian/glibc@2.36-9%2Bdeb12u9?arch=source&distro=debian-12')
    const epoch = { ...bash, purl: bash.purl + '&epoch=2', version: '2:5.1.8-9.el9' }
    expect(sourcePackagePurl(bash)).toBeUndefined()
    expect(
      sourcePackagePurl({ ...epoch, metadata: { ...bash.metadata, sourceRpm: 'bash5-5.1.8-9.el9.src.rpm' } })
    ).toBe('pkg:rpm/redhat/bash5@5.1.8-9.el9?arch=src&distro=rhel-9.4&epoch=2')
  })
})

describe('metadata in the writers', () => {
  it('CycloneDX: author, publisher, supplier, description, references and hashes, schema-valid', async () => {
    const json = serializeCycloneDx(buildCycloneDx(model([libc, bash, debug, jar, uuid])))
    expect(await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(json)).toBeNull()
    const doc = JSON.parse(json) as { components: Array<Record<string, unknown>> }
    const by = (name: string) => doc.components.find(c => c['name'] === name)!
    expect(by('libc6')).toMatchObject({
      publisher: 'GNU Libc Maintainers <debian-glibc@lists.debian.org>',
      supplier: { name: 'GNU Libc Maintainers' },
      description: 'GNU C Library: Shared libraries'
    })
    expect(by('libc6')['externalReferences']).toEqual(
      expect.arrayContaining([
        { type: 'website', url: 'https://www.gnu.org/software/libc/libc.html' },
        {
          type: 'source-distribution',
          url: 'pkg:deb/debian/glibc@2.36-9%2Bdeb12u9?arch=source&distro=debian-12'
        }
      ])
    )
    expect(by('bash')).toMatchObject({ publisher: 'Red Hat, Inc.', supplier: { name: 'Red Hat, Inc.' } })
    expect(by('debug')).toMatchObject({ author: debug.author, supplier: { name: 'Josh Junon' } })
    expect(by('debug')['externalReferences']).toEqual(
      expect.arrayContaining([
        { type: 'distribution', url: 'git://github.com/debug-js/debug.git' },
        { type: 'website', url: 'https://github.com/debug-js/debug#readme' }
      ])
    )
    expect(by('commons-lang3')['hashes']).toEqual([{ alg: 'SHA-1', content: 'b'.repeat(40) }])
    expect(by('commons-lang3')['externalReferences']).toEqual([
      { type: 'build-meta', url: '', hashes: [{ alg: 'SHA-1', content: 'b'.repeat(40) }] }
    ])
    expect(by('github.com/google/uuid')['hashes']).toBeUndefined()
    expect(by('github.com/google/uuid')['supplier']).toBeUndefined()
  })

  it('SPDX: supplier and originator, download location, homepage, description, checksums', () => {
    const doc = buildSpdx(model([libc, bash, debug, jar, uuid])) as {
      packages: Array<Record<string, unknown>>
    }
    const by = (name: string) => doc.packages.find(p => p['name'] === name)!
    expect(by('libc6')).toMatchObject({
      supplier: 'Person: GNU Libc Maintainers (debian-glibc@lists.debian.org)',
      originator: 'Person: GNU Libc Maintainers (debian-glibc@lists.debian.org)',
      homepage: 'https://www.gnu.org/software/libc/libc.html',
      description: 'GNU C Library: Shared libraries',
      downloadLocation: 'NOASSERTION'
    })
    expect(by('bash')).toMatchObject({ supplier: 'Organization: Red Hat, Inc.' })
    expect(by('debug')).toMatchObject({
      supplier: 'Person: Josh Junon',
      downloadLocation: 'git://github.com/debug-js/debug.git'
    })
    expect(by('commons-lang3')['checksums']).toEqual([{ algorithm: 'SHA1', checksumValue: 'b'.repeat(40) }])
    expect(by('github.com/google/uuid')).toMatchObject({
      supplier: 'NOASSERTION',
      checksums: [{ algorithm: 'SHA256', checksumValue: 'c'.repeat(64) }]
    })
    expect(by('github.com/google/uuid')['originator']).toBeUndefined()
  })

  it("SPDX: the operating system's purpose as the SPDX 2.3 JSON schema spells it", () => {
    const m = model([libc])
    m.distro = { id: 'debian', versionId: '12', fields: {} }
    const doc = buildSpdx(m) as { packages: Array<Record<string, unknown>> }
    expect(doc.packages.find(p => p['name'] === 'debian')!['primaryPackagePurpose']).toBe('OPERATING_SYSTEM')
  })
})

describe('document-level facts graders look for in CycloneDX', () => {
  it("hashes the image by its manifest digest and states CC0-1.0 as the document's data license", () => {
    const m = model([])
    m.subject = { ...m.subject, manifestDigest: 'sha256:' + 'a'.repeat(64) }
    const doc = JSON.parse(serializeCycloneDx(buildCycloneDx(m))) as {
      metadata: { component: { hashes?: unknown[] }; licenses?: unknown[] }
    }
    expect(doc.metadata.component.hashes).toEqual([{ alg: 'SHA-256', content: 'a'.repeat(64) }])
    expect(doc.metadata.licenses).toEqual([{ license: { id: 'CC0-1.0' } }])
  })

  it('writes no image hash when the image was not read by digest', () => {
    const doc = JSON.parse(serializeCycloneDx(buildCycloneDx(model([])))) as {
      metadata: { component: { hashes?: unknown[] } }
    }
    expect(doc.metadata.component.hashes).toBeUndefined()
  })
})

describe('the image and completeness in CycloneDX', () => {
  const dep = (name: string, dependsOn: string[] = []): Package =>
    pkg({ name, type: 'deb', purl: `pkg:deb/debian/${name}@1.0`, dependsOn })

  it('makes the image depend on the top-level packages and declares complete only fully resolved lists', () => {
    // app → libc6 ↔ libgcc-s1 (a cycle below a top package), tool → missing (unresolved), lone.
    const packages = [
      dep('app', ['libc6']),
      dep('libc6', ['libgcc-s1']),
      dep('libgcc-s1', ['libc6']),
      dep('tool', ['not-installed']),
      dep('lone')
    ]
    const m = model(packages)
    m.subject.labels = { 'org.opencontainers.image.vendor': 'Example Corp' }
    const doc = JSON.parse(serializeCycloneDx(buildCycloneDx(m))) as {
      metadata: {
        component: { 'bom-ref': string; supplier?: { name: string } }
        supplier?: { name: string }
        lifecycles: unknown[]
      }
      components: Array<{ name: string; 'bom-ref': string }>
      dependencies: Array<{ ref: string; dependsOn?: string[] }>
      compositions: Array<{ aggregate: string; dependencies: string[] }>
    }
    const ref = (name: string) => doc.components.find(c => c.name === name)!['bom-ref']
    const root = doc.dependencies.find(d => d.ref === doc.metadata.component['bom-ref'])!
    expect([...root.dependsOn!].sort()).toEqual([ref('app'), ref('lone'), ref('tool')].sort())
    expect(doc.compositions).toEqual([
      { aggregate: 'complete', dependencies: [ref('app'), ref('libc6'), ref('libgcc-s1')].sort() }
    ])
    expect(doc.metadata.supplier).toEqual({ name: 'Example Corp' })
    expect(doc.metadata.lifecycles).toEqual([{ phase: 'post-build' }])
    expect(doc.metadata.component.supplier).toEqual({ name: 'Example Corp' })
  })

  it('reaches a cycle nothing depends on through one of its members', () => {
    const doc = JSON.parse(serializeCycloneDx(buildCycloneDx(model([dep('a', ['b']), dep('b', ['a'])])))) as {
      metadata: { component: { 'bom-ref': string } }
      dependencies: Array<{ ref: string; dependsOn?: string[] }>
    }
    const root = doc.dependencies.find(d => d.ref === doc.metadata.component['bom-ref'])!
    expect(root.dependsOn).toHaveLength(1)
  })
})

describe('the image purl', () => {
  it('names the image by digest with repository and architecture, in both formats', () => {
    const m = model([])
    m.subject = {
      ...m.subject,
      name: 'registry.example/team/app',
      manifestDigest: 'sha256:' + 'a'.repeat(64)
    }
    const purl =
      'pkg:oci/app@sha256%3A' + 'a'.repeat(64) + '?arch=amd64&repository_url=registry.example%2Fteam%2Fapp'
    const cdx = JSON.parse(serializeCycloneDx(buildCycloneDx(m))) as {
      metadata: { component: { purl: string } }
    }
    expect(cdx.metadata.component.purl).toBe(purl)
    const spdx = buildSpdx(m) as { packages: Array<{ externalRefs?: Array<{ referenceLocator: string }> }> }
    expect(spdx.packages[0]!.externalRefs).toEqual([
      { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: purl }
    ])
  })
})
