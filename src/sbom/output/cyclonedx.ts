// CycloneDX 1.6 JSON through @cyclonedx/cyclonedx-library, shaped like Syft's image SBOMs.
import { randomUUID } from 'node:crypto'
import { Enums, Models, SPDX, Serialize, Spec } from '@cyclonedx/cyclonedx-library'
import type { Package } from '../catalogers/types.js'
import { bomRefs } from './bom-refs.js'
import { dependencyGraph } from './dependencies.js'
import { externalRefs } from './external-refs.js'
import { ociPurl } from './index-sbom.js'
import type { SbomModel, WriteOptions } from './model.js'
import { authorOf, originatorOf } from './people.js'

/** CycloneDX `compositions` (the library has no model for them): written by serializeCycloneDx. */
interface Composition {
  aggregate: 'complete'
  dependencies: string[]
}
const compositionsOf = new WeakMap<Models.Bom, Composition[]>()

/** The library prints `purl.toString()`; our purls are already strings written as Syft writes them. */
type PurlLike = NonNullable<Models.Component['purl']>
const purlOf = (purl: string): PurlLike => ({ toString: () => purl }) as unknown as PurlLike

function prop(name: string, value: string): Models.Property {
  return new Models.Property(name, value)
}

/** SPDX id when valid, else an expression when it reads as one, else a named license. */
export function toLicenses(licenses: string[] | undefined): Models.LicenseRepository {
  const repo = new Models.LicenseRepository()
  const unique = [...new Set((licenses ?? []).map(l => l.trim()).filter(Boolean))]
  for (const text of unique) {
    const id = SPDX.fixupSpdxId(text)
    if (id && SPDX.isSupportedSpdxId(id)) repo.add(new Models.SpdxLicense(id))
    else if (unique.length === 1 && /\s(AND|OR|WITH)\s/.test(text))
      repo.add(new Models.LicenseExpression(text))
    else repo.add(new Models.NamedLicense(text))
  }
  return repo
}

const HASH_ALGORITHM: Record<string, Enums.HashAlgorithm> = {
  md5: Enums.HashAlgorithm.MD5,
  sha1: Enums.HashAlgorithm['SHA-1'],
  sha256: Enums.HashAlgorithm['SHA-256'],
  sha512: Enums.HashAlgorithm['SHA-512']
}

function hashes(digests: Package['digests']): Models.HashDictionary {
  const dict = new Models.HashDictionary()
  for (const d of digests ?? []) {
    const algorithm = HASH_ALGORITHM[d.algorithm]
    if (algorithm) dict.set(algorithm, d.value)
  }
  return dict
}

function references(p: Package): Models.ExternalReferenceRepository {
  return new Models.ExternalReferenceRepository(
    externalRefs(p).map(
      r =>
        new Models.ExternalReference(r.url, r.type as Enums.ExternalReferenceType, {
          ...(r.comment ? { comment: r.comment } : {}),
          ...(r.hashes ? { hashes: hashes(r.hashes) } : {})
        })
    )
  )
}

/** The organisation or person the metadata names as the package's maker or publisher (NTIA "supplier"). */
function supplier(p: Package): Models.OrganizationalEntity | undefined {
  const who = originatorOf(p)
  if (!who) return undefined
  const contact =
    who.type === 'Person' || who.email
      ? new Models.OrganizationalContactRepository([
          new Models.OrganizationalContact({
            ...(who.type === 'Person' ? { name: who.name } : {}),
            ...(who.email ? { email: who.email } : {})
          })
        ])
      : undefined
  return new Models.OrganizationalEntity({ name: who.name, ...(contact ? { contact } : {}) })
}

function packageComponent(p: Package, bomRef: string): Models.Component {
  const properties = new Models.PropertyRepository([
    prop('syft:package:foundBy', p.foundBy),
    prop('syft:package:type', p.type),
    ...p.locations.flatMap((path, i) => [
      ...(p.layer ? [prop(`syft:location:${i}:layerID`, p.layer.diffId)] : []),
      prop(`syft:location:${i}:path`, path)
    ]),
    ...Object.entries(p.metadata ?? {}).map(([k, v]) => prop(`oci-attest:metadata:${k}`, v)),
    ...(p.cpes ?? []).slice(1).map(cpe => prop('syft:cpe23', cpe))
  ])
  return new Models.Component(Enums.ComponentType.Library, p.name, {
    bomRef,
    version: p.version,
    ...(p.purl ? { purl: purlOf(p.purl) } : {}),
    ...(p.cpes?.[0] ? { cpe: p.cpes[0] } : {}),
    licenses: toLicenses(p.licenses),
    // Syft's author (npm, Python) and publisher (apk/dpkg maintainer, rpm vendor), as the metadata writes them.
    ...(authorOf(p) ? { author: authorOf(p) } : {}),
    ...(p.publisher ? { publisher: p.publisher } : {}),
    ...(supplier(p) ? { supplier: supplier(p) } : {}),
    ...(p.description ? { description: p.description } : {}),
    externalReferences: references(p),
    // A jar's SHA-1 is the hash of the component's own file; a Go h1 digests a module tree, not a file (SPDX only).
    hashes: hashes(p.type === 'go-module' ? [] : p.digests),
    properties
  })
}

/**
 * Package databases (dpkg, rpm, apk) list every direct dependency, and Go build info every module linked into
 * the binary: when each entry resolved to a package here, that package's dependency list is complete.
 */
const COMPLETE_LISTS = new Set(['deb', 'rpm', 'apk', 'go-module'])

/**
 * What the image depends on directly: packages nothing else depends on, then one package from each cycle not
 * reached from those (dpkg has cycles such as libc6 ↔ libgcc-s1), so every package hangs off the image.
 */
export function topLevel(count: number, edges: Map<number, number[]>): number[] {
  const dependedOn = new Set([...edges.values()].flat())
  const top: number[] = []
  const seen = new Set<number>()
  const visit = (start: number): void => {
    const stack = [start]
    while (stack.length > 0) {
      const i = stack.pop()!
      if (seen.has(i)) continue
      seen.add(i)
      for (const t of edges.get(i) ?? []) if (!seen.has(t)) stack.push(t)
    }
  }
  for (let i = 0; i < count; i++) {
    if (dependedOn.has(i)) continue
    top.push(i)
    visit(i)
  }
  for (let i = 0; i < count; i++) {
    if (seen.has(i)) continue
    top.push(i)
    visit(i)
  }
  return top
}

/** The image as purl-spec's oci type names it: digest as version, repository and architecture as qualifiers. */
export function imagePurl(subject: SbomModel['subject']): string {
  const arch = subject.platform.split('/')[1]
  return ociPurl(subject.name, subject.manifestDigest!, arch ? { arch } : {})
}

export function buildCycloneDx(model: SbomModel, opts: WriteOptions = {}): Models.Bom {
  const { subject, distro, packages } = model
  const bom = new Models.Bom({ serialNumber: `urn:uuid:${opts.serialNumber ?? randomUUID()}` })
  bom.metadata.timestamp = opts.timestamp ?? new Date()
  // Read from a built image's layers: CycloneDX's "post-build" phase.
  bom.metadata.lifecycles.add(Enums.LifecyclePhase.PostBuild)
  // The document's own data license: CC0-1.0, the one SPDX prescribes for the same data in our SPDX output.
  bom.metadata.licenses.add(new Models.SpdxLicense('CC0-1.0'))
  bom.metadata.tools.components.add(
    new Models.Component(Enums.ComponentType.Application, model.tool.name, { version: model.tool.version })
  )
  const imageProps = [
    prop('oci-attest:image:platform', subject.platform),
    ...(subject.manifestDigest ? [prop('oci-attest:image:manifestDigest', subject.manifestDigest)] : []),
    ...subject.otherPlatforms.map(p => prop('oci-attest:image:otherPlatform', p)),
    ...Object.entries(subject.labels).map(([k, v]) => prop(`syft:image:labels:${k}`, v))
  ]
  const vendor = subject.labels['org.opencontainers.image.vendor']?.trim()
  const root = new Models.Component(Enums.ComponentType.Container, subject.name, {
    bomRef: `container:${subject.name}@${subject.manifestDigest ?? subject.version}`,
    version: subject.version,
    ...(subject.manifestDigest ? { purl: purlOf(imagePurl(subject)) } : {}),
    // The manifest digest is the image's own SHA-256 (as SPDX's checksum on the image package says).
    ...(subject.manifestDigest?.startsWith('sha256:')
      ? {
          hashes: new Models.HashDictionary([
            [Enums.HashAlgorithm['SHA-256'], subject.manifestDigest.slice('sha256:'.length)]
          ])
        }
      : {}),
    // The image's own label is the only supplier an image states; nothing else is assumed.
    ...(vendor ? { supplier: new Models.OrganizationalEntity({ name: vendor }) } : {}),
    properties: new Models.PropertyRepository(imageProps)
  })
  bom.metadata.component = root
  if (vendor) bom.metadata.supplier = new Models.OrganizationalEntity({ name: vendor })
  if (distro) {
    const fields = distro.fields
    const os = new Models.Component(Enums.ComponentType.OperatingSystem, distro.id, {
      bomRef: `os:${distro.id}@${distro.versionId ?? ''}`,
      ...(distro.versionId ? { version: distro.versionId } : {}),
      ...(fields['PRETTY_NAME'] ? { description: fields['PRETTY_NAME'] } : {}),
      ...(fields['CPE_NAME'] ? { cpe: fields['CPE_NAME'] } : {}),
      properties: new Models.PropertyRepository(
        Object.entries(fields).map(([k, v]) => prop(`syft:distro:${k.toLowerCase()}`, v))
      )
    })
    bom.components.add(os)
    root.dependencies.add(os.bomRef)
  }
  const refs = bomRefs(packages)
  const components = packages.map((p, i) => packageComponent(p, refs[i]!))
  for (const c of components) bom.components.add(c)
  // Dependencies must point at the components' own BomRef objects (an equal new one is dropped).
  const graph = dependencyGraph(packages)
  for (const [from, targets] of graph.edges) {
    for (const t of targets) components[from]!.dependencies.add(components[t]!.bomRef)
  }
  for (const i of topLevel(packages.length, graph.edges)) root.dependencies.add(components[i]!.bomRef)
  const complete = [...graph.resolvedAll]
    .filter(i => COMPLETE_LISTS.has(packages[i]!.type))
    .map(i => refs[i]!)
  if (complete.length > 0) compositionsOf.set(bom, [{ aggregate: 'complete', dependencies: complete.sort() }])
  for (const file of model.files ?? []) {
    const hashes = new Models.HashDictionary([[Enums.HashAlgorithm['SHA-256'], file.sha256]])
    bom.components.add(
      new Models.Component(Enums.ComponentType.File, file.path, {
        bomRef: `file:${file.layer.diffId}:${file.path}`,
        hashes,
        properties: new Models.PropertyRepository([prop('syft:location:0:layerID', file.layer.diffId)])
      })
    )
  }
  return bom
}

export function serializeCycloneDx(bom: Models.Bom): string {
  const serializer = new Serialize.JsonSerializer(new Serialize.JSON.Normalize.Factory(Spec.Spec1dot6))
  const json = serializer.serialize(bom, { sortLists: true, space: 2 })
  const compositions = compositionsOf.get(bom)
  if (!compositions) return json
  // Spliced before the closing brace: no second parse and copy of a document that may be tens of MB.
  let end = json.lastIndexOf('}')
  while (end > 0 && /\s/.test(json[end - 1]!)) end--
  const body = JSON.stringify(compositions, null, 2).replace(/\n/g, '\n  ')
  return `${json.slice(0, end)},\n  "compositions": ${body}\n}`
}
