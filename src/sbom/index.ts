// The SBOM generator: image source → streamed layers → catalogers → CycloneDX or SPDX JSON.
import type { RegistryClient } from '../oci/index.js'
import { VERSION } from '../http/version.js'
import { addGeneratedCpes } from './catalogers/cpe.js'
import { allCatalogers } from './catalogers/index.js'
import type { Cataloger, Distro, Package } from './catalogers/types.js'
import { resolveLimits, type ReaderLimits } from './layers/limits.js'
import { scanLayers, type ScanProgress } from './layers/scan.js'
import { holdYoungGeneration } from './layers/young-generation.js'
import { sortPackages } from './output/bom-refs.js'
import { buildCycloneDx, serializeCycloneDx } from './output/cyclonedx.js'
import type { SbomModel, WriteOptions } from './output/model.js'
import { buildSpdx } from './output/spdx.js'
import { openSource } from './source/index.js'
import type { FetchedImage } from './source/index.js'

export { SbomError } from './errors.js'
export { generateChartSbom, HELM_CHART_LAYER } from './chart/index.js'
export type { ChartSbomOptions, ChartSbomResult, ChartRegistry } from './chart/index.js'
export { composeIndexSbom, ociPurl } from './output/index-sbom.js'
export type { IndexSbomInput, PlatformSbom } from './output/index-sbom.js'
export type { SbomErrorCode } from './errors.js'
export type { ReaderLimits } from './layers/limits.js'
export type { ScanProgress } from './layers/scan.js'
export type { FetchedImage } from './source/index.js'

export type SbomFormat = 'cyclonedx-json' | 'spdx-json'
export const SBOM_FORMATS: readonly SbomFormat[] = ['cyclonedx-json', 'spdx-json']

export interface GenerateSbomOptions {
  /** Image reference, "oci-layout:DIR[@digest]", "docker-archive:FILE", or a registry image already read. */
  source: string | FetchedImage
  /** "os/arch[/variant]" of an index to read; default linux/amd64 or the only image. */
  platform?: string
  format: SbomFormat
  catalogers?: Cataloger[]
  limits?: Partial<ReaderLimits>
  onProgress?(progress: ScanProgress): void
  /** Warnings as they happen (they are also returned). */
  onWarning?(message: string): void
  registry?: RegistryClient
  /** Adds a file component (SHA-256) for every file a cataloger read. */
  includeFiles?: boolean
  /** Fixed serial number / timestamp (tests, reproducible output). */
  write?: WriteOptions
}

export interface GenerateSbomResult {
  document: Record<string, unknown>
  serialized: string
  packages: Package[]
  distro?: Distro
  warnings: string[]
  platform: string
  otherPlatforms: string[]
  /** The platform image manifest's digest, when the source has one (the attestation subject). */
  manifestDigest?: string
}

export async function generateSbom(opts: GenerateSbomOptions): Promise<GenerateSbomResult> {
  const release = holdYoungGeneration()
  try {
    return await generate(opts)
  } finally {
    release()
  }
}

async function generate(opts: GenerateSbomOptions): Promise<GenerateSbomResult> {
  const warnings: string[] = []
  const warn = (message: string): void => {
    warnings.push(message)
    opts.onWarning?.(message)
  }
  const image = await openSource(opts.source, {
    ...(opts.platform ? { platform: opts.platform } : {}),
    ...(opts.registry ? { registry: opts.registry } : {}),
    warn
  })
  const catalogers = opts.catalogers ?? allCatalogers()
  const scan = await scanLayers({
    layers: image.layers,
    catalogers,
    limits: resolveLimits(opts.limits),
    warn,
    hashFiles: opts.includeFiles ?? false,
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {})
  })
  const packages = sortPackages(scan.packages)
  addGeneratedCpes(packages)
  const model: SbomModel = {
    subject: {
      name: image.name,
      version: image.version,
      ...(image.manifestDigest ? { manifestDigest: image.manifestDigest } : {}),
      platform: image.platform,
      otherPlatforms: image.otherPlatforms,
      labels: image.config.config?.Labels ?? {}
    },
    ...(scan.distro ? { distro: scan.distro } : {}),
    packages,
    ...(opts.includeFiles
      ? { files: [...scan.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) }
      : {}),
    tool: { name: 'oci-attest', version: VERSION }
  }
  let serialized: string
  if (opts.format === 'spdx-json') serialized = JSON.stringify(buildSpdx(model, opts.write), null, 2)
  else serialized = serializeCycloneDx(buildCycloneDx(model, opts.write))
  // Parsed when asked for: the CLI writes `serialized` only, and the parse is a second copy of the document.
  let document: Record<string, unknown> | undefined
  return {
    get document(): Record<string, unknown> {
      return (document ??= JSON.parse(serialized) as Record<string, unknown>)
    },
    serialized,
    packages,
    ...(scan.distro ? { distro: scan.distro } : {}),
    warnings,
    platform: image.platform,
    otherPlatforms: image.otherPlatforms,
    ...(image.manifestDigest ? { manifestDigest: image.manifestDigest } : {})
  }
}
