import { describe, expect, test } from '@jest/globals'
import { Spec, Validation } from '@cyclonedx/cyclonedx-library'
import { computeDigest, parseReference, type ImageReference } from '../../../../src/oci/index.js'
import { generateChartSbom, HELM_CHART_LAYER } from '../../../../src/sbom/index.js'
import { gzipSync } from 'node:zlib'
import { accelChartArchive, accelChartFiles, accelImages } from '../../../fixtures/charts/accel-operator.js'
import { tarOf } from '../../../e2e/support/samples.js'

const REG = 'registry.example.com'
const opts = {
  registry: REG,
  managerDigest: `sha256:${'1a'.repeat(32)}`,
  gcDigest: `sha256:${'2b'.repeat(32)}`
}
const archive = accelChartArchive(opts)
const layer = { mediaType: HELM_CHART_LAYER, digest: computeDigest(archive), size: archive.length }
const manifest = {
  json: {
    schemaVersion: 2,
    config: { mediaType: 'application/vnd.cncf.helm.config.v1+json' },
    layers: [layer]
  },
  digest: `sha256:${'3c'.repeat(32)}`
}
const digestOf = (ref: ImageReference): string => computeDigest(Buffer.from(ref.toString()))

/** The registry holds every image of REG; the unreachable host fails as a DNS failure would. */
const registry = {
  lookups: [] as string[],
  readBlob: (_repo: ImageReference, digest: string) => {
    expect(digest).toBe(layer.digest)
    return Promise.resolve(archive)
  },
  resolveDigest(ref: ImageReference) {
    this.lookups.push(ref.toString())
    if (ref.registry !== REG) return Promise.reject(new Error(`getaddrinfo ENOTFOUND ${ref.registry}`))
    return Promise.resolve(digestOf(ref))
  }
}

type Component = {
  type: string
  name: string
  version?: string
  purl: string
  properties: { name: string; value: string }[]
}
const prop = (c: Component, name: string): string[] =>
  c.properties.filter(p => p.name === name).map(p => p.value)
const refOf = (c: Component): string => {
  const digest = prop(c, 'oci-attest:image:manifestDigest')[0]
  const tag = prop(c, 'oci-attest:chart:image:tag')[0]
  return `${c.name}${tag ? `:${tag}` : ''}${digest && prop(c, 'oci-attest:chart:image:digestFrom')[0] === 'chart' ? `@${digest}` : ''}`
}

describe('chart SBOM', () => {
  test('every image the fixture can deploy, its defaults marked, digests resolved, nothing else', async () => {
    const result = await generateChartSbom({
      repository: parseReference(`${REG}/charts/accel-operator`),
      manifest,
      format: 'cyclonedx-json',
      registry
    })
    const doc = result.document as {
      metadata: { component: Component }
      components: Component[]
      dependencies: { ref: string; dependsOn?: string[] }[]
    }
    const expected = accelImages(opts)
    const images = doc.components.filter(c => c.type === 'container')
    expect(images.map(refOf).sort()).toEqual(expected.all)
    expect(
      images
        .filter(c => prop(c, 'oci-attest:chart:image:deployedByDefault')[0] === 'true')
        .map(refOf)
        .sort()
    ).toEqual(expected.byDefault)
    expect(result.defaultImages).toBe(expected.byDefault.length)
    // Each tagged image on the reachable registry got the registry's digest, in its purl too; pinned ones kept theirs.
    for (const c of images) {
      const ref = parseReference(refOf(c))
      const digest = prop(c, 'oci-attest:image:manifestDigest')[0]
      if (ref.registry !== REG) {
        expect(digest).toBeUndefined()
        expect(prop(c, 'oci-attest:chart:image:unresolved')).toEqual([expect.stringContaining('ENOTFOUND')])
        expect(c.purl).toBe(
          'pkg:oci/exporter?repository_url=registry.unreachable.invalid%2Facme%2Fexporter&tag=3.3.5-ubuntu22.04'
        )
      } else if (ref.digest) expect(digest).toBe(ref.digest)
      else {
        expect(digest).toBe(digestOf(ref))
        expect(c.purl).toContain(`@${digest!.replace(':', '%3A')}?repository_url=`)
      }
    }
    // One lookup per tagged image, none for digests the chart pins.
    expect(registry.lookups.sort()).toEqual(expected.all.filter(r => !r.includes('@')))
    // Found in values and the annotation, merged into one component.
    const operator = images.find(c => c.name === `${REG}/acme/accel-operator`)!
    expect(prop(operator, 'oci-attest:chart:image:foundIn')).toEqual([
      'values accel-operator: operator (tag: appVersion)',
      'values accel-operator: validator (tag: appVersion)',
      'annotation accel-operator: accel-operator'
    ])
    // The chart, its vendored subchart (exact version, declared range kept) and the graph.
    expect(doc.metadata.component).toMatchObject({
      type: 'application',
      name: 'accel-operator',
      version: '3.1.0',
      purl: 'pkg:helm/accel-operator@3.1.0?repository_url=oci%3A%2F%2Fregistry.example.com%2Fcharts'
    })
    const sub = doc.components.find(c => c.name === 'node-labeller')!
    expect(sub).toMatchObject({
      type: 'application',
      version: '0.9.2',
      purl: 'pkg:helm/node-labeller@0.9.2?repository_url=oci%3A%2F%2Fregistry.example.com%2Facme%2Fcharts'
    })
    expect(prop(sub, 'oci-attest:chart:declaredVersion')).toEqual(['~0.9.0'])
    expect(prop(sub, 'oci-attest:chart:deployedByDefault')).toEqual(['true'])
    expect(doc.components).toHaveLength(images.length + 1)
    const rootDeps = doc.dependencies.find(d => d.ref === 'chart:accel-operator@3.1.0')!.dependsOn!
    expect(rootDeps).toContain('chart:accel-operator/charts/node-labeller@0.9.2')
    expect(
      doc.dependencies.find(d => d.ref === 'chart:accel-operator/charts/node-labeller@0.9.2')!.dependsOn
    ).toEqual([`image:${REG}/acme/labeller-gc@${opts.gcDigest}`, `image:${REG}/acme/node-labeller:v0.9.2`])
    expect(result.warnings).toEqual([
      expect.stringContaining('vgpuManager: an image entry without a usable repository')
    ])
    expect(
      await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(result.serialized)
    ).toBeNull()
  })

  test('a subchart its condition turns off deploys nothing by default; SPDX lists the same images', async () => {
    const text = accelChartFiles(opts)
    text['accel-operator/values.yaml'] = text['accel-operator/values.yaml']!.replace(
      'labeller:\n  enabled: true',
      'labeller:\n  enabled: false'
    )
    const files = gzipSync(tarOf(text))
    const off = { ...registry, readBlob: () => Promise.resolve(files) }
    const result = await generateChartSbom({
      repository: parseReference(`${REG}/charts/accel-operator`),
      manifest,
      format: 'spdx-json',
      registry: off,
      resolve: false
    })
    const doc = result.document as {
      packages: {
        SPDXID: string
        name: string
        primaryPackagePurpose: string
        comment?: string
        checksums?: unknown[]
      }[]
      relationships: { relationshipType: string }[]
    }
    const containers = doc.packages.filter(p => p.primaryPackagePurpose === 'CONTAINER')
    expect(containers).toHaveLength(accelImages(opts).all.length)
    const byDefault = containers.filter(p =>
      p.comment?.includes('oci-attest:chart:image:deployedByDefault: true')
    )
    expect(byDefault.map(p => p.name).sort()).toEqual(
      accelImages(opts)
        .byDefault.map(r => parseReference(r).repoString())
        .filter(n => !n.includes('labeller'))
        .sort()
    )
    const subchart = doc.packages.find(p => p.name === 'node-labeller')!
    expect(subchart.comment).toContain('oci-attest:chart:deployedByDefault: false')
    // Offline: only the digests the chart pins.
    expect(
      containers
        .filter(p => p.checksums)
        .map(p => p.name)
        .sort()
    ).toEqual([`${REG}/acme/cloud-native/driver-manager`, `${REG}/acme/labeller-gc`])
    expect(doc.relationships.filter(r => r.relationshipType === 'DESCRIBES')).toHaveLength(1)
  })

  test('a manifest without a chart layer is refused', async () => {
    await expect(
      generateChartSbom({
        repository: parseReference(`${REG}/charts/x`),
        manifest: { json: { layers: [] }, digest: manifest.digest },
        format: 'cyclonedx-json',
        registry
      })
    ).rejects.toThrow(`has one ${HELM_CHART_LAYER} layer; this one has 0`)
  })
})

describe('chart archives', () => {
  test('a subchart packed as charts/<name>-<version>.tgz is read like a directory, recursively', async () => {
    const inner = gzipSync(
      tarOf({
        'db/Chart.yaml': 'apiVersion: v2\nname: db\nversion: 12.1.0\nappVersion: "16.2"\n',
        'db/values.yaml': 'image:\n  registry: docker.io\n  repository: org/postgres\n  tag: ""\n'
      })
    )
    const outer = gzipSync(
      tarOf({
        'app/Chart.yaml':
          'apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n  - name: db\n    version: 12.x.x\n    condition: db.enabled\n  - name: cache\n    version: ^7\n    repository: https://charts.example.com\n',
        'app/values.yaml': 'db:\n  enabled: false\n',
        'app/charts/db-12.1.0.tgz': inner
      })
    )
    const result = await generateChartSbom({
      repository: parseReference(`${REG}/charts/app`),
      manifest: {
        json: { layers: [{ mediaType: HELM_CHART_LAYER, digest: computeDigest(outer), size: outer.length }] },
        digest: manifest.digest
      },
      format: 'cyclonedx-json',
      registry: { ...registry, readBlob: () => Promise.resolve(outer) },
      resolve: false
    })
    const doc = result.document as { components: Component[] }
    expect(doc.components.map(c => `${c.type} ${c.name} ${c.version}`)).toEqual([
      'application cache ^7',
      'application db 12.1.0',
      'container index.docker.io/org/postgres 16.2'
    ])
    const db = doc.components[1]!
    expect(prop(db, 'oci-attest:chart:deployedByDefault')).toEqual(['false'])
    expect(prop(doc.components[0]!, 'oci-attest:chart:vendored')).toEqual(['false'])
    expect(prop(doc.components[2]!, 'oci-attest:chart:image:deployedByDefault')).toEqual(['false'])
    expect(prop(doc.components[2]!, 'oci-attest:chart:image:unresolved')).toEqual([
      'no registry client was given'
    ])
  })
})
