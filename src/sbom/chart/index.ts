// A Helm chart's SBOM: the chart layer read through the registry client, its charts and the images it deploys.
import { VERSION } from '../../http/version.js'
import type { ImageReference } from '../../oci/index.js'
import { SbomError } from '../errors.js'
import type { SbomFormat } from '../index.js'
import { readChartArchive } from './archive.js'
import { chartTree } from './chart-tree.js'
import { collectImages, deployedByDefault } from './collect.js'
import { chartSbomDocument } from './document.js'
import { resolveDigests, type DigestResolver, type ResolvedImage } from './resolve.js'

export const HELM_CHART_LAYER = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip'
export { valuesImages } from './values-images.js'
export { templateImages } from './template-images.js'
export { parseChartYaml } from './chart-yaml.js'
export type { ResolvedImage } from './resolve.js'

export interface ChartRegistry extends DigestResolver {
  readBlob(repo: ImageReference, digest: string, size?: number): Promise<Buffer>
}

export interface ChartSbomOptions {
  repository: ImageReference
  /** The chart manifest the caller read (the plan's): its layer is the chart archive. */
  manifest: { json: unknown; digest: string }
  format: SbomFormat
  registry: ChartRegistry
  /** false: no digest lookups (offline); every image keeps its tag. */
  resolve?: boolean
  /** Time one image's digest lookup may take (default 30 s); a later answer is ignored. */
  lookupMs?: number
  onWarning?(message: string): void
  timestamp?: Date
}

export interface ChartSbomResult {
  document: Record<string, unknown>
  serialized: string
  images: ResolvedImage[]
  /** Images the chart's default values deploy. */
  defaultImages: number
  warnings: string[]
}

interface LayerDescriptor {
  mediaType?: string
  digest: string
  size?: number
}

export async function generateChartSbom(opts: ChartSbomOptions): Promise<ChartSbomResult> {
  const where = `${opts.repository.repoString()}@${opts.manifest.digest}`
  const warnings: string[] = []
  const warn = (m: string): void => {
    warnings.push(m)
    opts.onWarning?.(m)
  }
  const layers = ((opts.manifest.json as { layers?: LayerDescriptor[] }).layers ?? []).filter(
    l => l.mediaType === HELM_CHART_LAYER
  )
  if (layers.length !== 1)
    throw new SbomError(
      'SBOM_BAD_MANIFEST',
      `${where}: a Helm chart manifest has one ${HELM_CHART_LAYER} layer; this one has ${layers.length}`
    )
  const layer = layers[0]!
  const archive = await opts.registry.readBlob(opts.repository, layer.digest, layer.size)
  let root
  try {
    root = chartTree(readChartArchive(archive, where), where, warn)
  } catch (cause) {
    if (cause instanceof SbomError) throw cause
    throw new SbomError('SBOM_BAD_SOURCE', `${where}: ${(cause as Error).message}`, { cause })
  }
  const found = collectImages(root, warn)
  const images = await resolveDigests(
    found,
    opts.resolve === false ? undefined : opts.registry,
    opts.lookupMs
  )
  const document = chartSbomDocument(
    {
      root,
      repository: opts.repository.repoString(),
      manifestDigest: opts.manifest.digest,
      images,
      tool: { name: 'oci-attest', version: VERSION },
      ...(opts.timestamp ? { timestamp: opts.timestamp } : {})
    },
    opts.format
  )
  return {
    document,
    serialized: JSON.stringify(document, null, 2),
    images,
    defaultImages: images.filter(i => deployedByDefault(i) === true).length,
    warnings
  }
}
