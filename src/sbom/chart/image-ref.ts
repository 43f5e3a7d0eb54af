// One image a chart can deploy, as the chart writes it: parsed with the registry client's own reference rules.
import { ImageReference, parseReference } from '../../oci/index.js'

/** Where an image was seen: `values` (its path), `annotation` (artifacthub.io/images) or `template` (file). */
export interface ImageSighting {
  /** The chart (or subchart) path in the archive, `gpu-operator/charts/node-feature-discovery`. */
  chart: string
  from: 'values' | 'annotation' | 'template'
  /** Values path (`driver.manager`), template file, or annotation entry name. */
  where: string
  /** true: the chart's default values deploy it; false: a default turns it off; undefined: cannot tell. */
  byDefault: boolean | undefined
}

export interface FoundImage {
  ref: ImageReference
  sightings: ImageSighting[]
}

const DIGEST = /^sha256:[0-9a-f]{64}$/
const TAG = /^[\w][\w.-]{0,127}$/

/** Text that reads as an image reference (no template braces, spaces or URL scheme), parsed; else undefined. */
export function imageRef(text: string): ImageReference | undefined {
  const t = text.trim()
  if (!t || /[\s{}"'<>|]/.test(t) || t.includes('://') || t.startsWith('/') || t.endsWith('/'))
    return undefined
  try {
    return parseReference(t)
  } catch {
    return undefined
  }
}

/** Whether the text names a tag or digest itself (parseReference reads none as `latest`). */
export function pinsVersion(text: string): boolean {
  const name = text.trim().split('/').pop() ?? ''
  return name.includes(':') || name.includes('@')
}

/**
 * `[registry/]repository` plus a tag or digest written apart (values' `tag`, `digest`, gpu-operator's `version`
 * which may hold a digest); a tag or digest already in the repository string is kept.
 */
export function composeRef(
  repository: string,
  tag: string | undefined,
  digest: string | undefined
): ImageReference | undefined {
  const base = imageRef(repository)
  if (!base) return undefined
  const own = pinsVersion(repository)
  let t = own ? base.tag : undefined
  let d = base.digest
  const givenTag = tag?.trim().replace(/^:/, '')
  if (givenTag && DIGEST.test(givenTag)) d ??= givenTag
  else if (givenTag && !t) t = givenTag
  if (digest && DIGEST.test(digest.trim())) d = digest.trim()
  if (t && !TAG.test(t)) return undefined
  // Neither tag nor digest: Kubernetes pulls `latest`.
  return new ImageReference(base.registry, base.repository, t ?? (d ? undefined : 'latest'), d)
}

/** The key images are merged under: registry/repository, tag and digest as written. */
export const imageKey = (ref: ImageReference): string => ref.toString()
