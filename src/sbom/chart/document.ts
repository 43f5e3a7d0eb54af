// A chart's SBOM document: the chart as the described component, its subcharts and declared dependencies, and
// every image it can deploy as a `container` component; CycloneDX 1.6, or SPDX 2.3 on request.
import { randomUUID } from 'node:crypto'
import type { SbomFormat } from '../index.js'
import { ociPurl } from '../output/index-sbom.js'
import { formatPurl } from '../purl.js'
import type { ChartNode } from './chart-tree.js'
import { deployedByDefault } from './collect.js'
import type { ResolvedImage } from './resolve.js'

export interface ChartSbomModel {
  root: ChartNode
  /** `registry/repository` the chart was read from. */
  repository: string
  manifestDigest: string
  images: ResolvedImage[]
  tool: { name: string; version: string }
  timestamp?: Date
}

type Json = Record<string, unknown>
interface Part {
  ref: string
  type: 'application' | 'container'
  name: string
  version: string
  purl: string
  properties: [string, string][]
  /** bom-refs it depends on. */
  dependsOn: string[]
  digest?: string
}

/** `pkg:helm/<name>@<version>?repository_url=<where Helm pulls it>`. */
export function helmPurl(name: string, version: string, repositoryUrl?: string): string {
  return formatPurl({ type: 'helm', name, version, qualifiers: { repository_url: repositoryUrl } })
}

/** An image's purl: the digest as version when known; the tag as a qualifier either way. */
export function imagePurl(image: ResolvedImage): string {
  const repo = image.ref.repoString()
  const tag: Record<string, string> = image.ref.tag ? { tag: image.ref.tag } : {}
  if (image.digest) return ociPurl(repo, image.digest, tag)
  return formatPurl({
    type: 'oci',
    name: repo.split('/').pop()!,
    qualifiers: { repository_url: repo, ...tag }
  })
}

const imageBomRef = (i: ResolvedImage): string => `image:${i.ref.toString()}`
const chartBomRef = (c: ChartNode): string => `chart:${c.path}@${c.meta.version}`
const tri = (v: boolean | undefined): string => (v === undefined ? 'unknown' : String(v))

function parts(model: ChartSbomModel): { root: Part; components: Part[] } {
  const images = model.images.map((i): Part => ({
    ref: imageBomRef(i),
    type: 'container',
    name: i.ref.repoString(),
    version: i.ref.tag ?? i.digest ?? 'latest',
    purl: imagePurl(i),
    properties: [
      ['oci-attest:chart:image:deployedByDefault', tri(deployedByDefault(i))],
      ...(i.ref.tag ? ([['oci-attest:chart:image:tag', i.ref.tag]] as [string, string][]) : []),
      ...(i.digest
        ? ([
            ['oci-attest:image:manifestDigest', i.digest],
            ['oci-attest:chart:image:digestFrom', i.digestFrom ?? 'registry']
          ] as [string, string][])
        : []),
      ...(i.unresolved ? ([['oci-attest:chart:image:unresolved', i.unresolved]] as [string, string][]) : []),
      ...i.sightings.map((s): [string, string] => [
        'oci-attest:chart:image:foundIn',
        `${s.from} ${s.chart}: ${s.where}`
      ])
    ],
    dependsOn: [],
    ...(i.digest ? { digest: i.digest } : {})
  }))
  const imagesOf = (chart: ChartNode): string[] =>
    model.images.filter(i => i.sightings.some(s => s.chart === chart.path)).map(imageBomRef)
  const components: Part[] = []
  const chartPart = (c: ChartNode, purlRepo: string | undefined, extra: [string, string][]): Part => {
    const vendoredNames = new Set(c.subcharts.map(s => s.meta.name))
    const missing = c.meta.dependencies.filter(d => !vendoredNames.has(d.name))
    for (const d of missing)
      components.push({
        ref: `chart-dependency:${c.path}/${d.name}@${d.version ?? ''}`,
        type: 'application',
        name: d.name,
        version: d.version ?? '',
        purl: helmPurl(d.name, d.version ?? '', d.repository),
        properties: [
          ['oci-attest:chart:vendored', 'false'],
          ...(d.condition ? ([['oci-attest:chart:condition', d.condition]] as [string, string][]) : [])
        ],
        dependsOn: []
      })
    const subs = c.subcharts.map(s => {
      const declared = s.declaredAs
      const p = chartPart(s, declared?.repository, [
        ['oci-attest:chart:path', s.path],
        ['oci-attest:chart:vendored', 'true'],
        ['oci-attest:chart:deployedByDefault', String(s.byDefault)],
        ...(declared?.version && declared.version !== s.meta.version
          ? ([['oci-attest:chart:declaredVersion', declared.version]] as [string, string][])
          : []),
        ...(declared?.condition
          ? ([['oci-attest:chart:condition', declared.condition]] as [string, string][])
          : [])
      ])
      components.push(p)
      return p.ref
    })
    return {
      ref: chartBomRef(c),
      type: 'application',
      name: c.meta.name,
      version: c.meta.version,
      purl: helmPurl(c.meta.name, c.meta.version, purlRepo),
      properties: [
        ...(c.meta.appVersion
          ? ([['oci-attest:chart:appVersion', c.meta.appVersion]] as [string, string][])
          : []),
        ...extra
      ],
      dependsOn: [
        ...subs,
        ...missing.map(d => `chart-dependency:${c.path}/${d.name}@${d.version ?? ''}`),
        ...imagesOf(c)
      ]
    }
  }
  const name = model.root.meta.name
  const base = model.repository.endsWith(`/${name}`)
    ? model.repository.slice(0, -name.length - 1)
    : model.repository
  const root = chartPart(model.root, `oci://${base}`, [
    ['oci-attest:chart:manifestDigest', model.manifestDigest],
    ['oci-attest:chart:repository', model.repository]
  ])
  return { root, components: [...components, ...images] }
}

export function chartSbomDocument(model: ChartSbomModel, format: SbomFormat): Json {
  return format === 'spdx-json' ? spdx(model) : cyclonedx(model)
}

function cdxComponent(p: Part): Json {
  return {
    type: p.type,
    'bom-ref': p.ref,
    name: p.name,
    ...(p.version ? { version: p.version } : {}),
    purl: p.purl,
    properties: p.properties.map(([name, value]) => ({ name, value }))
  }
}

function cyclonedx(model: ChartSbomModel): Json {
  const { root, components } = parts(model)
  return {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: `urn:uuid:${randomUUID()}`,
    version: 1,
    metadata: {
      timestamp: (model.timestamp ?? new Date()).toISOString(),
      // Read from the published chart, before anything is installed.
      lifecycles: [{ phase: 'post-build' }],
      tools: { components: [{ type: 'application', name: model.tool.name, version: model.tool.version }] },
      component: cdxComponent(root)
    },
    components: components.map(cdxComponent),
    dependencies: [root, ...components].map(p =>
      p.dependsOn.length ? { ref: p.ref, dependsOn: [...new Set(p.dependsOn)].sort() } : { ref: p.ref }
    )
  }
}

function spdx(model: ChartSbomModel): Json {
  const { root, components } = parts(model)
  const ids = new Map<string, string>()
  ;[root, ...components].forEach((p, i) =>
    ids.set(
      p.ref,
      i === 0 ? 'SPDXRef-DocumentRoot-Chart' : `SPDXRef-${p.type === 'container' ? 'Image' : 'Chart'}-${i}`
    )
  )
  const pkg = (p: Part): Json => ({
    name: p.name,
    SPDXID: ids.get(p.ref),
    ...(p.version ? { versionInfo: p.version } : {}),
    supplier: 'NOASSERTION',
    downloadLocation: 'NOASSERTION',
    filesAnalyzed: false,
    licenseConcluded: 'NOASSERTION',
    licenseDeclared: 'NOASSERTION',
    copyrightText: 'NOASSERTION',
    primaryPackagePurpose: p.type === 'container' ? 'CONTAINER' : 'APPLICATION',
    ...(p.digest
      ? { checksums: [{ algorithm: 'SHA256', checksumValue: p.digest.replace(/^sha256:/, '') }] }
      : {}),
    // SPDX has no properties: the same facts as `name: value` lines.
    ...(p.properties.length ? { comment: p.properties.map(([k, v]) => `${k}: ${v}`).join('\n') } : {}),
    externalRefs: [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: p.purl }]
  })
  const relationships: Json[] = [
    {
      spdxElementId: 'SPDXRef-DOCUMENT',
      relationshipType: 'DESCRIBES',
      relatedSpdxElement: ids.get(root.ref)
    }
  ]
  for (const p of [root, ...components])
    for (const d of new Set(p.dependsOn))
      relationships.push({
        spdxElementId: ids.get(p.ref),
        relationshipType: 'DEPENDS_ON',
        relatedSpdxElement: ids.get(d)
      })
  const title = `${model.repository}@${model.manifestDigest}`
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: title,
    documentNamespace: `https://oci-attest.invalid/spdx/${model.repository.replace(/[^A-Za-z0-9.\-/]+/g, '-')}-${randomUUID()}`,
    creationInfo: {
      created: (model.timestamp ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      creators: ['Organization: oci-attest', `Tool: ${model.tool.name}-${model.tool.version}`]
    },
    documentDescribes: [ids.get(root.ref)],
    packages: [root, ...components].map(pkg),
    relationships
  }
}
