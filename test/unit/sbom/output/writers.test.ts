import { describe, expect, it } from '@jest/globals'
import { Spec, Validation } from '@cyclonedx/cyclonedx-library'
import type { Package } from '../../../../src/sbom/catalogers/types.js'
import { sortPackages } from '../../../../src/sbom/output/bom-refs.js'
import { buildCycloneDx, serializeCycloneDx } from '../../../../src/sbom/output/cyclonedx.js'
import type { SbomModel } from '../../../../src/sbom/output/model.js'
import { buildSpdx } from '../../../../src/sbom/output/spdx.js'

const layer = { index: 0, diffId: 'sha256:' + 'a'.repeat(64) }
const deb = (name: string, version: string, extra: Partial<Package> = {}): Package => ({
  name,
  version,
  type: 'deb',
  purl: `pkg:deb/debian/${name}@${version}?arch=amd64&distro=debian-12`,
  foundBy: 'dpkg-db-cataloger',
  locations: ['/var/lib/dpkg/status'],
  layer,
  ...extra
})

function model(): SbomModel {
  return {
    subject: {
      name: '127.0.0.1:5000/app',
      version: 'v1',
      manifestDigest: 'sha256:' + 'b'.repeat(64),
      platform: 'linux/amd64',
      otherPlatforms: ['linux/arm64'],
      labels: { 'org.opencontainers.image.source': 'https://github.com/o/r' }
    },
    distro: {
      id: 'debian',
      versionId: '12',
      fields: { ID: 'debian', VERSION_ID: '12', PRETTY_NAME: 'Debian GNU/Linux 12 (bookworm)' }
    },
    packages: sortPackages([
      deb('libc6', '2.36-9+deb12u9', {
        licenses: ['LGPL-2.1', 'GPL-2.0-or-later', 'Some Custom License'],
        provides: ['libc6-x']
      }),
      deb('bash', '5.2.15-2+b7', {
        dependsOn: ['libc6 (>= 2.36)', 'base-files (>= 2.1.12)', 'debianutils (>= 5.6-0.1)'],
        licenses: ['GPL-3.0-or-later']
      }),
      deb('zlib1g', '1:1.2.13.dfsg-1', {
        dependsOn: ['libc6-x | nothing'],
        cpes: ['cpe:2.3:a:zlib:zlib:1.2.13:*:*:*:*:*:*:*']
      }),
      {
        name: 'golang.org/x/net',
        version: 'v0.30.0',
        type: 'go-module',
        purl: 'pkg:golang/golang.org/x/net@v0.30.0',
        foundBy: 'go-module-binary-cataloger',
        locations: ['/usr/bin/app'],
        licenses: ['MIT OR Apache-2.0'],
        layer
      }
    ]),
    files: [{ path: '/var/lib/dpkg/status', sha256: 'c'.repeat(64), size: 10, layer }],
    tool: { name: 'oci-attest', version: '0.1.0' }
  }
}

const fixed = {
  serialNumber: '00000000-0000-4000-8000-000000000000',
  timestamp: new Date('2026-01-01T00:00:00Z')
}

describe('CycloneDX writer', () => {
  it('writes a schema-valid CycloneDX 1.6 document shaped like Syft image SBOMs', async () => {
    const json = serializeCycloneDx(buildCycloneDx(model(), fixed))
    const error = await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(json)
    expect(error).toBeNull()
    const doc = JSON.parse(json)
    expect(doc.specVersion).toBe('1.6')
    expect(doc.metadata.component).toMatchObject({
      type: 'container',
      name: '127.0.0.1:5000/app',
      version: 'v1'
    })
    expect(doc.metadata.tools.components[0]).toMatchObject({ name: 'oci-attest', version: '0.1.0' })
    const props = Object.fromEntries(
      doc.metadata.component.properties.map((p: { name: string; value: string }) => [p.name, p.value])
    )
    expect(props['oci-attest:image:platform']).toBe('linux/amd64')
    expect(props['syft:image:labels:org.opencontainers.image.source']).toBe('https://github.com/o/r')
    const os = doc.components.filter((c: { type: string }) => c.type === 'operating-system')
    expect(os).toHaveLength(1)
    expect(os[0]).toMatchObject({ name: 'debian', version: '12' })
    const libc = doc.components.find((c: { name: string }) => c.name === 'libc6')
    expect(libc.purl).toBe('pkg:deb/debian/libc6@2.36-9+deb12u9?arch=amd64&distro=debian-12')
    expect(libc.licenses).toEqual(
      expect.arrayContaining([{ license: { id: 'LGPL-2.1' } }, { license: { name: 'Some Custom License' } }])
    )
    const go = doc.components.find((c: { name: string }) => c.name === 'golang.org/x/net')
    expect(go.licenses).toEqual([{ expression: 'MIT OR Apache-2.0' }])
    expect(doc.components.find((c: { name: string }) => c.name === 'zlib1g').cpe).toMatch(/^cpe:2\.3:a:zlib/)
    const libcProps = Object.fromEntries(
      libc.properties.map((p: { name: string; value: string }) => [p.name, p.value])
    )
    expect(libcProps).toMatchObject({
      'syft:package:foundBy': 'dpkg-db-cataloger',
      'syft:location:0:layerID': layer.diffId,
      'syft:location:0:path': '/var/lib/dpkg/status'
    })
    const bash = doc.components.find((c: { name: string }) => c.name === 'bash')
    const bashDeps = doc.dependencies.find((d: { ref: string }) => d.ref === bash['bom-ref'])
    expect(bashDeps.dependsOn).toEqual([libc['bom-ref']])
    const zlib = doc.components.find((c: { name: string }) => c.name === 'zlib1g')
    expect(doc.dependencies.find((d: { ref: string }) => d.ref === zlib['bom-ref']).dependsOn).toEqual([
      libc['bom-ref']
    ])
    const file = doc.components.find((c: { type: string }) => c.type === 'file')
    expect(file.hashes).toEqual([{ alg: 'SHA-256', content: 'c'.repeat(64) }])
  })

  it('is deterministic apart from serial number and timestamp', () => {
    const a = serializeCycloneDx(buildCycloneDx(model(), fixed))
    const reversed = model()
    reversed.packages = sortPackages([...reversed.packages].reverse())
    const b = serializeCycloneDx(buildCycloneDx(reversed, fixed))
    expect(b).toBe(a)
  })

  it('validates a large document (400 components) in test time', async () => {
    const m = model()
    m.packages = sortPackages(
      Array.from({ length: 400 }, (_, i) => deb(`p${i}`, `1.${i}`, { dependsOn: [`p${(i + 1) % 400}`] }))
    )
    const json = serializeCycloneDx(buildCycloneDx(m, fixed))
    expect(await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(json)).toBeNull()
    const deps = JSON.parse(json).dependencies as Array<{ ref: string; dependsOn?: string[] }>
    expect(deps.filter(d => d.ref.startsWith('pkg:') && d.dependsOn?.length)).toHaveLength(400)
    // One ring of 400 packages: the image depends on one member of it (and the OS), which reaches the rest.
    const root = deps.find(d => d.ref.startsWith('container:'))!
    expect(root.dependsOn).toHaveLength(2)
    expect(root.dependsOn).toContain('os:debian@12')
  })
})

describe('SPDX 2.3 writer', () => {
  it('describes the image, contains every package and keeps dependencies', () => {
    const doc = buildSpdx(model(), fixed) as {
      spdxVersion: string
      SPDXID: string
      documentNamespace: string
      creationInfo: { created: string; creators: string[] }
      packages: Array<{
        SPDXID: string
        name: string
        licenseDeclared: string
        externalRefs?: Array<{ referenceType: string; referenceLocator: string }>
      }>
      relationships: Array<{ spdxElementId: string; relationshipType: string; relatedSpdxElement: string }>
      hasExtractedLicensingInfos?: unknown[]
    }
    expect(doc.spdxVersion).toBe('SPDX-2.3')
    expect(doc.SPDXID).toBe('SPDXRef-DOCUMENT')
    expect(doc.creationInfo.created).toBe('2026-01-01T00:00:00Z')
    expect(doc.documentNamespace).toMatch(/^https:\/\//)
    const ids = doc.packages.map(p => p.SPDXID)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id).toMatch(/^SPDXRef-[A-Za-z0-9.-]+$/)
    const byName = new Map(doc.packages.map(p => [p.name, p]))
    expect(byName.get('libc6')!.externalRefs).toEqual([
      {
        referenceCategory: 'PACKAGE-MANAGER',
        referenceType: 'purl',
        referenceLocator: 'pkg:deb/debian/libc6@2.36-9+deb12u9?arch=amd64&distro=debian-12'
      }
    ])
    expect(byName.get('bash')!.licenseDeclared).toBe('GPL-3.0-or-later')
    // As Syft: a name that is no SPDX id becomes a LicenseRef- the document defines.
    expect(byName.get('libc6')!.licenseDeclared).toBe(
      'LGPL-2.1 AND GPL-2.0-or-later AND LicenseRef-Some-Custom-License'
    )
    expect(doc.hasExtractedLicensingInfos).toEqual([
      {
        licenseId: 'LicenseRef-Some-Custom-License',
        extractedText: 'NOASSERTION',
        name: 'Some Custom License'
      }
    ])
    expect(byName.get('golang.org/x/net')!.licenseDeclared).toBe('(MIT OR Apache-2.0)')
    const rel = (type: string) => doc.relationships.filter(r => r.relationshipType === type)
    expect(rel('DESCRIBES')).toEqual([
      {
        spdxElementId: 'SPDXRef-DOCUMENT',
        relationshipType: 'DESCRIBES',
        relatedSpdxElement: 'SPDXRef-DocumentRoot-Image'
      }
    ])
    expect(rel('CONTAINS')).toHaveLength(5)
    expect(rel('DEPENDS_ON')).toContainEqual({
      spdxElementId: byName.get('bash')!.SPDXID,
      relationshipType: 'DEPENDS_ON',
      relatedSpdxElement: byName.get('libc6')!.SPDXID
    })
  })
})

describe('dependencies', () => {
  it('links a Go main module to the modules of its own binary, not of other binaries', () => {
    const go = (name: string, version: string, binary: string, dependsOn?: string[]): Package => ({
      name,
      version,
      type: 'go-module',
      purl: `pkg:golang/${name}@${version}`,
      foundBy: 'go-module-binary-cataloger',
      locations: [binary],
      ...(dependsOn ? { dependsOn } : {})
    })
    const m = model()
    m.packages = sortPackages([
      go('example.com/app', 'v1', '/bin/a', ['golang.org/x/text']),
      go('golang.org/x/text', 'v0.21.0', '/bin/a'),
      go('example.com/app', 'v2', '/bin/b', ['golang.org/x/text']),
      go('golang.org/x/text', 'v0.22.0', '/bin/b')
    ])
    const doc = JSON.parse(serializeCycloneDx(buildCycloneDx(m, fixed)))
    const ref = (name: string, version: string) =>
      doc.components.find((c: { name: string; version: string }) => c.name === name && c.version === version)[
        'bom-ref'
      ]
    const deps = (r: string) => doc.dependencies.find((d: { ref: string }) => d.ref === r).dependsOn
    expect(deps(ref('example.com/app', 'v1'))).toEqual([ref('golang.org/x/text', 'v0.21.0')])
    expect(deps(ref('example.com/app', 'v2'))).toEqual([ref('golang.org/x/text', 'v0.22.0')])
  })
})
