// SPDX 2.3 JSON: the image as the described package, CONTAINS each package, DEPENDS_ON between them.
import { randomUUID } from 'node:crypto'
import type { Package } from '../catalogers/types.js'
import { spdxIds } from './bom-refs.js'
import { imagePurl } from './cyclonedx.js'
import { resolveDependencies } from './dependencies.js'
import { hasHost } from './external-refs.js'
import type { SbomModel, WriteOptions } from './model.js'
import { declaredLicense, type ExtractedLicense } from './spdx-license.js'
import { originatorOf, spdxActor } from './people.js'

interface SpdxPackage {
  name: string
  SPDXID: string
  versionInfo?: string
  supplier: string
  originator?: string
  downloadLocation: string
  filesAnalyzed: false
  sourceInfo?: string
  licenseConcluded: string
  licenseDeclared: string
  copyrightText: string
  primaryPackagePurpose?: string
  homepage?: string
  description?: string
  externalRefs?: Array<{ referenceCategory: string; referenceType: string; referenceLocator: string }>
  checksums?: Array<{ algorithm: string; checksumValue: string }>
}

function downloadLocation(url: string | undefined): string {
  if (!url) return 'NOASSERTION'
  if (url.toLowerCase() === 'none') return 'NONE'
  if (url.startsWith('github:')) return `https://github.com/${url.slice('github:'.length)}`
  try {
    new URL(url)
    return /\s/.test(url) ? 'NOASSERTION' : url
  } catch {
    return 'NOASSERTION'
  }
}

function spdxPackage(p: Package, id: string, extracted: Map<string, ExtractedLicense>): SpdxPackage {
  const license = declaredLicense(p.licenses)
  for (const e of license.extracted) extracted.set(e.licenseId, e)
  const refs = [
    ...(p.cpes ?? []).map(cpe => ({
      referenceCategory: 'SECURITY',
      referenceType: 'cpe23Type',
      referenceLocator: cpe
    })),
    ...(p.purl
      ? [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: p.purl }]
      : [])
  ]
  const who = originatorOf(p)
  const checksums = (p.digests ?? []).map(d => ({
    algorithm: d.algorithm.toUpperCase(),
    checksumValue: d.value
  }))
  return {
    name: p.name,
    SPDXID: id,
    ...(p.version ? { versionInfo: p.version } : {}),
    // Syft's supplier is the originator for every ecosystem read here.
    supplier: spdxActor(who),
    ...(who ? { originator: spdxActor(who) } : {}),
    downloadLocation: downloadLocation(p.downloadUrl),
    filesAnalyzed: false,
    ...(checksums.length ? { checksums } : {}),
    ...(p.homepage && hasHost(p.homepage) ? { homepage: p.homepage } : {}),
    ...(p.description ? { description: p.description } : {}),
    sourceInfo: `acquired package info from ${p.foundBy}: ${p.locations.join(', ')}`,
    licenseConcluded: 'NOASSERTION',
    licenseDeclared: license.expression,
    copyrightText: 'NOASSERTION',
    primaryPackagePurpose: 'LIBRARY',
    ...(refs.length ? { externalRefs: refs } : {})
  }
}

export function buildSpdx(model: SbomModel, opts: WriteOptions = {}): Record<string, unknown> {
  const { subject, packages, distro } = model
  const uuid = opts.serialNumber ?? randomUUID()
  const rootId = 'SPDXRef-DocumentRoot-Image'
  const vendor = subject.labels['org.opencontainers.image.vendor']?.trim()
  const root: SpdxPackage = {
    name: subject.name,
    SPDXID: rootId,
    versionInfo: subject.version,
    supplier: vendor ? `Organization: ${vendor}` : 'NOASSERTION',
    downloadLocation: 'NOASSERTION',
    filesAnalyzed: false,
    licenseConcluded: 'NOASSERTION',
    licenseDeclared: 'NOASSERTION',
    copyrightText: 'NOASSERTION',
    primaryPackagePurpose: 'CONTAINER',
    ...(subject.manifestDigest
      ? {
          externalRefs: [
            {
              referenceCategory: 'PACKAGE-MANAGER',
              referenceType: 'purl',
              referenceLocator: imagePurl(subject)
            }
          ]
        }
      : {}),
    ...(subject.manifestDigest
      ? {
          checksums: [{ algorithm: 'SHA256', checksumValue: subject.manifestDigest.replace(/^sha256:/, '') }]
        }
      : {})
  }
  const ids = spdxIds(packages)
  const extracted = new Map<string, ExtractedLicense>()
  const pkgs = packages.map((p, i) => spdxPackage(p, ids[i]!, extracted))
  const relationships = [
    { spdxElementId: 'SPDXRef-DOCUMENT', relationshipType: 'DESCRIBES', relatedSpdxElement: rootId },
    ...ids.map(id => ({ spdxElementId: rootId, relationshipType: 'CONTAINS', relatedSpdxElement: id }))
  ]
  for (const [from, targets] of resolveDependencies(packages)) {
    for (const t of targets) {
      relationships.push({
        spdxElementId: ids[from]!,
        relationshipType: 'DEPENDS_ON',
        relatedSpdxElement: ids[t]!
      })
    }
  }
  const osPackage: SpdxPackage[] = distro
    ? [
        {
          name: distro.id,
          SPDXID: 'SPDXRef-OperatingSystem',
          ...(distro.versionId ? { versionInfo: distro.versionId } : {}),
          supplier: 'NOASSERTION',
          downloadLocation: 'NOASSERTION',
          filesAnalyzed: false,
          licenseConcluded: 'NOASSERTION',
          licenseDeclared: 'NOASSERTION',
          copyrightText: 'NOASSERTION',
          // The SPDX 2.3 JSON schema spells it with an underscore (tag-value files use a hyphen).
          primaryPackagePurpose: 'OPERATING_SYSTEM'
        }
      ]
    : []
  if (distro) {
    relationships.push({
      spdxElementId: rootId,
      relationshipType: 'CONTAINS',
      relatedSpdxElement: 'SPDXRef-OperatingSystem'
    })
  }
  const safeName = subject.name.replace(/[^A-Za-z0-9.\-/]+/g, '-')
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: `${subject.name}:${subject.version}`,
    documentNamespace: `https://oci-attest.invalid/spdx/${safeName}-${uuid}`,
    creationInfo: {
      created: (opts.timestamp ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      creators: ['Organization: oci-attest', `Tool: ${model.tool.name}-${model.tool.version}`]
    },
    documentDescribes: [rootId],
    packages: [root, ...osPackage, ...pkgs],
    relationships,
    ...(extracted.size
      ? {
          hasExtractedLicensingInfos: [...extracted.values()].sort((a, b) =>
            a.licenseId < b.licenseId ? -1 : 1
          )
        }
      : {})
  }
}
