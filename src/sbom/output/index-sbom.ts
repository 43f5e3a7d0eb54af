// The SBOM of a multi-arch index, composed from its platform images' SBOMs of the same run (no layer is read twice).
// Scanners that look up SBOMs by the tag's digest (Trivy `--sbom-sources oci`) find the index, not its images: the
// document lists every platform image as a component and every package once, flat, as scanners read packages,
// with the image → package relation in `dependencies` (CycloneDX) or CONTAINS relationships (SPDX).
import { randomUUID } from 'node:crypto'
import type { SbomFormat } from '../index.js'
import { formatPurl } from '../purl.js'

export interface PlatformSbom {
  /** `os/arch[/variant]`. */
  platform: string
  digest: string
  document: Record<string, unknown>
}

export interface IndexSbomInput {
  /** `registry/repository`. */
  repository: string
  digest: string
  format: SbomFormat
  platforms: PlatformSbom[]
  timestamp?: Date
}

type Json = Record<string, unknown>

/** `pkg:oci/<name>@<digest>?repository_url=<registry/repo>`, as Syft and vexctl write image purls. */
export function ociPurl(repository: string, digest: string, qualifiers: Record<string, string> = {}): string {
  const name = repository.split('/').pop()!.toLowerCase()
  return formatPurl({
    type: 'oci',
    name,
    version: digest,
    qualifiers: { repository_url: repository, ...qualifiers }
  })
}

export function composeIndexSbom(input: IndexSbomInput): { document: Json; packageCount: number } {
  if (input.platforms.length === 0) throw new Error(`no platform SBOMs to compose for ${input.repository}`)
  return input.format === 'spdx-json' ? composeSpdx(input) : composeCycloneDx(input)
}

function composeCycloneDx(input: IndexSbomInput): { document: Json; packageCount: number } {
  const indexRef = `index:${input.repository}@${input.digest}`
  const first = input.platforms[0]!.document
  const images: Json[] = []
  const packages = new Map<string, Json>()
  const dependsOn = new Map<string, Set<string>>([[indexRef, new Set()]])
  for (const p of input.platforms) {
    const metadata = p.document.metadata as Json
    const image = { ...(metadata.component as Json) }
    const imageRef = String(image['bom-ref'])
    images.push(image)
    dependsOn.get(indexRef)!.add(imageRef)
    const contains = new Set<string>()
    for (const c of (p.document.components as Json[] | undefined) ?? []) {
      // bom-refs hash a package's content (purl, locations…): equal refs are equal packages, listed once.
      const ref = String(c['bom-ref'])
      if (!packages.has(ref)) packages.set(ref, c)
      contains.add(ref)
    }
    dependsOn.set(imageRef, contains)
    for (const d of (p.document.dependencies as { ref: string; dependsOn?: string[] }[] | undefined) ?? []) {
      if (d.ref === imageRef) continue
      const set = dependsOn.get(d.ref) ?? new Set<string>()
      for (const t of d.dependsOn ?? []) set.add(t)
      dependsOn.set(d.ref, set)
    }
  }
  const document: Json = {
    $schema: first.$schema,
    bomFormat: 'CycloneDX',
    specVersion: first.specVersion,
    version: 1,
    serialNumber: `urn:uuid:${randomUUID()}`,
    metadata: {
      timestamp: (input.timestamp ?? new Date()).toISOString(),
      // Lifecycle, tools and data license as the platform documents state them.
      ...pick(first.metadata as Json, ['lifecycles', 'tools', 'licenses']),
      component: {
        type: 'container',
        name: input.repository,
        version: input.digest,
        'bom-ref': indexRef,
        purl: ociPurl(input.repository, input.digest),
        ...(input.digest.startsWith('sha256:')
          ? { hashes: [{ alg: 'SHA-256', content: input.digest.slice('sha256:'.length) }] }
          : {}),
        properties: [
          { name: 'oci-attest:image:manifestDigest', value: input.digest },
          ...input.platforms.map(p => ({ name: 'oci-attest:index:platform', value: p.platform }))
        ]
      }
    },
    components: [...images, ...packages.values()],
    dependencies: [...dependsOn].map(([ref, targets]) =>
      targets.size ? { ref, dependsOn: [...targets].sort() } : { ref }
    )
  }
  return { document, packageCount: packages.size }
}

function pick(from: Json, keys: string[]): Json {
  return Object.fromEntries(keys.filter(k => from[k] !== undefined).map(k => [k, from[k]]))
}

const ROOT_IDS = ['SPDXRef-DocumentRoot-Image', 'SPDXRef-OperatingSystem']

function composeSpdx(input: IndexSbomInput): { document: Json; packageCount: number } {
  const indexId = 'SPDXRef-DocumentRoot-Index'
  const first = input.platforms[0]!.document
  const packages = new Map<string, Json>()
  const relationships: Json[] = [
    { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: indexId }
  ]
  const seen = new Set<string>()
  let packageCount = 0
  input.platforms.forEach((p, i) => {
    // Each platform document names its image and OS with the same fixed IDs: make them unique per platform.
    const rename = (id: string): string => (ROOT_IDS.includes(id) ? `${id}-${i + 1}` : id)
    for (const pkg of (p.document.packages as Json[] | undefined) ?? []) {
      const id = rename(String(pkg.SPDXID))
      if (packages.has(id)) continue
      packages.set(id, { ...pkg, SPDXID: id })
      if (!ROOT_IDS.includes(String(pkg.SPDXID))) packageCount++
    }
    relationships.push({
      spdxElementId: indexId,
      relationshipType: 'CONTAINS',
      relatedSpdxElement: rename(ROOT_IDS[0]!)
    })
    for (const r of (p.document.relationships as Json[] | undefined) ?? []) {
      if (r.spdxElementId === 'SPDXRef-DOCUMENT') continue
      const rel = {
        ...r,
        spdxElementId: rename(String(r.spdxElementId)),
        relatedSpdxElement: rename(String(r.relatedSpdxElement))
      }
      const key = JSON.stringify(rel)
      if (seen.has(key)) continue
      seen.add(key)
      relationships.push(rel)
    }
  })
  const index: Json = {
    name: input.repository,
    SPDXID: indexId,
    versionInfo: input.digest,
    supplier: 'NOASSERTION',
    downloadLocation: 'NOASSERTION',
    filesAnalyzed: false,
    licenseConcluded: 'NOASSERTION',
    licenseDeclared: 'NOASSERTION',
    copyrightText: 'NOASSERTION',
    primaryPackagePurpose: 'CONTAINER',
    checksums: [{ algorithm: 'SHA256', checksumValue: input.digest.replace(/^sha256:/, '') }],
    externalRefs: [
      {
        referenceCategory: 'PACKAGE-MANAGER',
        referenceType: 'purl',
        referenceLocator: ociPurl(input.repository, input.digest)
      }
    ]
  }
  const safeName = input.repository.replace(/[^A-Za-z0-9.\-/]+/g, '-')
  const document: Json = {
    spdxVersion: first.spdxVersion,
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: `${input.repository}@${input.digest}`,
    documentNamespace: `https://oci-attest.invalid/spdx/${safeName}-${randomUUID()}`,
    creationInfo: {
      ...(first.creationInfo as Json),
      created: (input.timestamp ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z')
    },
    documentDescribes: [indexId],
    packages: [index, ...packages.values()],
    relationships
  }
  return { document, packageCount }
}
