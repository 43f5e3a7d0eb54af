import { describe, expect, test } from '@jest/globals'
import { composeIndexSbom, ociPurl } from '../../../../src/sbom/output/index-sbom.js'

const REPO = 'ghcr.io/nvidia/gpu-operator'
const INDEX = `sha256:${'a'.repeat(64)}`
const AMD = `sha256:${'b'.repeat(64)}`
const ARM = `sha256:${'c'.repeat(64)}`

function cdx(digest: string, platform: string, packages: string[]) {
  const image = `container:${REPO}@${digest}`
  return {
    platform,
    digest,
    document: {
      $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
      specVersion: '1.6',
      metadata: {
        tools: { components: [{ name: 'oci-attest' }] },
        lifecycles: [{ phase: 'post-build' }],
        licenses: [{ license: { id: 'CC0-1.0' } }],
        component: { type: 'container', 'bom-ref': image }
      },
      components: packages.map(p => ({ type: 'library', name: p, 'bom-ref': p })),
      dependencies: [
        { ref: image },
        ...packages.map(p => ({ ref: p, dependsOn: p === 'app' ? ['libc'] : [] }))
      ]
    }
  }
}

function spdx(digest: string, platform: string, packages: string[]) {
  return {
    platform,
    digest,
    document: {
      spdxVersion: 'SPDX-2.3',
      creationInfo: { creators: ['Tool: oci-attest-0.1.0'] },
      packages: [
        { SPDXID: 'SPDXRef-DocumentRoot-Image', name: REPO, versionInfo: digest },
        { SPDXID: 'SPDXRef-OperatingSystem', name: 'debian' },
        ...packages.map(p => ({ SPDXID: `SPDXRef-Package-${p}`, name: p }))
      ],
      relationships: [
        {
          spdxElementId: 'SPDXRef-DOCUMENT',
          relationshipType: 'DESCRIBES',
          relatedSpdxElement: 'SPDXRef-DocumentRoot-Image'
        },
        ...packages.map(p => ({
          spdxElementId: 'SPDXRef-DocumentRoot-Image',
          relationshipType: 'CONTAINS',
          relatedSpdxElement: `SPDXRef-Package-${p}`
        }))
      ]
    }
  }
}

describe('composeIndexSbom, CycloneDX', () => {
  const { document, packageCount } = composeIndexSbom({
    repository: REPO,
    digest: INDEX,
    format: 'cyclonedx-json',
    platforms: [
      cdx(AMD, 'linux/amd64', ['libc', 'app', 'amd-only']),
      cdx(ARM, 'linux/arm64', ['libc', 'app'])
    ]
  })
  const d = document as {
    metadata: {
      component: { 'bom-ref': string; purl: string; version: string; hashes: unknown[] }
      lifecycles: unknown[]
      licenses: unknown[]
    }
    components: { type: string; 'bom-ref': string }[]
    dependencies: { ref: string; dependsOn?: string[] }[]
  }
  test('the index is the root, with its oci purl and digest', () => {
    expect(d.metadata.component.version).toBe(INDEX)
    expect(d.metadata.component.purl).toBe(ociPurl(REPO, INDEX))
    expect(d.metadata.component.purl).toBe(
      `pkg:oci/gpu-operator@sha256%3A${'a'.repeat(64)}?repository_url=ghcr.io%2Fnvidia%2Fgpu-operator`
    )
  })
  test("the index is hashed by its digest; lifecycle and data license are the platform documents'", () => {
    expect(d.metadata.component.hashes).toEqual([{ alg: 'SHA-256', content: 'a'.repeat(64) }])
    expect(d.metadata.lifecycles).toEqual([{ phase: 'post-build' }])
    expect(d.metadata.licenses).toEqual([{ license: { id: 'CC0-1.0' } }])
  })
  test('every platform image is a component, every package listed once', () => {
    expect(d.components.filter(c => c.type === 'container')).toHaveLength(2)
    expect(d.components.filter(c => c.type === 'library').map(c => c['bom-ref'])).toEqual([
      'libc',
      'app',
      'amd-only'
    ])
    expect(packageCount).toBe(3)
  })
  test('dependencies: index → images → their own packages, package edges kept', () => {
    const deps = Object.fromEntries(d.dependencies.map(x => [x.ref, x.dependsOn ?? []]))
    expect(deps[d.metadata.component['bom-ref']]).toEqual(
      [`container:${REPO}@${AMD}`, `container:${REPO}@${ARM}`].sort()
    )
    expect(deps[`container:${REPO}@${ARM}`]).toEqual(['app', 'libc'])
    expect(deps[`container:${REPO}@${AMD}`]).toEqual(['amd-only', 'app', 'libc'])
    expect(deps.app).toEqual(['libc'])
  })
})

describe('composeIndexSbom, SPDX', () => {
  const { document, packageCount } = composeIndexSbom({
    repository: REPO,
    digest: INDEX,
    format: 'spdx-json',
    platforms: [spdx(AMD, 'linux/amd64', ['libc', 'x']), spdx(ARM, 'linux/arm64', ['libc'])]
  })
  const d = document as {
    documentDescribes: string[]
    packages: { SPDXID: string }[]
    relationships: { spdxElementId: string; relationshipType: string; relatedSpdxElement: string }[]
  }
  test('IDs stay unique: each platform root and OS is renamed, shared packages appear once', () => {
    const ids = d.packages.map(p => p.SPDXID)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual([
      'SPDXRef-DocumentRoot-Index',
      'SPDXRef-DocumentRoot-Image-1',
      'SPDXRef-OperatingSystem-1',
      'SPDXRef-Package-libc',
      'SPDXRef-Package-x',
      'SPDXRef-DocumentRoot-Image-2',
      'SPDXRef-OperatingSystem-2'
    ])
    expect(packageCount).toBe(2)
  })
  test('the document describes the index, which contains each platform image', () => {
    expect(d.documentDescribes).toEqual(['SPDXRef-DocumentRoot-Index'])
    expect(d.relationships.filter(r => r.relationshipType === 'DESCRIBES')).toHaveLength(1)
    expect(
      d.relationships
        .filter(r => r.spdxElementId === 'SPDXRef-DocumentRoot-Index')
        .map(r => r.relatedSpdxElement)
    ).toEqual(['SPDXRef-DocumentRoot-Image-1', 'SPDXRef-DocumentRoot-Image-2'])
    const every = new Set(d.packages.map(p => p.SPDXID))
    for (const r of d.relationships.filter(x => x.spdxElementId !== 'SPDXRef-DOCUMENT')) {
      expect(every.has(r.spdxElementId)).toBe(true)
      expect(every.has(r.relatedSpdxElement)).toBe(true)
    }
  })
})
