// Chart.yaml: identity, declared dependencies, and the images its `artifacthub.io/images` annotation lists.
import { parse } from 'yaml'
import { imageRef } from './image-ref.js'
import type { ImageReference } from '../../oci/index.js'

export interface ChartDependency {
  name: string
  /** A version or a range (`~1.2.0`), as declared. */
  version?: string
  repository?: string
  alias?: string
  /** A values path (`nfd.enabled`); several comma-separated paths, the first one set decides (Helm's rule). */
  condition?: string
}

export interface ChartMeta {
  name: string
  version: string
  appVersion?: string
  dependencies: ChartDependency[]
  annotationImages: { name?: string; ref: ImageReference }[]
  /** Annotation entries that are not image references. */
  problems: string[]
}

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : undefined

/** YAML as plain data; a document that does not parse is reported by the caller. */
export function parseYaml(text: string): unknown {
  return parse(text, { maxAliasCount: 1000, prettyErrors: false }) as unknown
}

export function parseChartYaml(text: string, where: string): ChartMeta {
  const doc = parseYaml(text) as Record<string, unknown> | null
  if (!doc || typeof doc !== 'object') throw new Error(`${where}: Chart.yaml is not a mapping`)
  const name = str(doc.name)
  const version = str(doc.version)
  if (!name || !version) throw new Error(`${where}: Chart.yaml has no name or version`)
  const dependencies: ChartDependency[] = []
  for (const d of Array.isArray(doc.dependencies) ? (doc.dependencies as unknown[]) : []) {
    if (!d || typeof d !== 'object') continue
    const r = d as Record<string, unknown>
    const depName = str(r.name)
    if (!depName) continue
    const version = str(r.version)
    const repository = str(r.repository)
    const alias = str(r.alias)
    const condition = str(r.condition)
    dependencies.push({
      name: depName,
      ...(version ? { version } : {}),
      ...(repository ? { repository } : {}),
      ...(alias ? { alias } : {}),
      ...(condition ? { condition } : {})
    })
  }
  const annotations = (doc.annotations ?? {}) as Record<string, unknown>
  const { images, problems } = annotationImages(annotations['artifacthub.io/images'], where)
  const appVersion = str(doc.appVersion)
  return {
    name,
    version,
    ...(appVersion ? { appVersion } : {}),
    dependencies,
    annotationImages: images,
    problems
  }
}

/** `artifacthub.io/images`: a YAML string holding a list of `{name, image, whitelisted?, platforms?}`. */
export function annotationImages(
  value: unknown,
  where: string
): { images: { name?: string; ref: ImageReference }[]; problems: string[] } {
  const images: { name?: string; ref: ImageReference }[] = []
  const problems: string[] = []
  if (typeof value !== 'string') return { images, problems }
  let list: unknown
  try {
    list = parseYaml(value)
  } catch (err) {
    return { images, problems: [`${where}: artifacthub.io/images is not YAML (${(err as Error).message})`] }
  }
  for (const entry of Array.isArray(list) ? (list as unknown[]) : []) {
    const e = (entry ?? {}) as Record<string, unknown>
    const text = str(e.image)
    const ref = text ? imageRef(text) : undefined
    if (!ref) {
      problems.push(
        `${where}: artifacthub.io/images entry ${JSON.stringify(entry)} is not an image reference`
      )
      continue
    }
    const name = str(e.name)
    images.push({ ...(name ? { name } : {}), ref })
  }
  return { images, problems }
}
