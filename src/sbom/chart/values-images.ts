// Images in a chart's values, in the shapes charts write them:
//   image: repo:tag                                      (a string under a key named `image`)
//   image: {registry?, repository, tag?, digest?}        (tag empty or absent: the chart's appVersion)
//   {repository, image, version?}                        (gpu-operator's operands; version may be a digest,
//                                                         absent means appVersion)
//   any mapping with `repository` plus `tag` or `digest` (sidecars written without an `image` key)
// A mapping whose `enabled` is false turns off everything under it in the defaults.
import type { ImageReference } from '../../oci/index.js'
import { composeRef, imageRef, pinsVersion } from './image-ref.js'

export interface ValuesImage {
  ref: ImageReference
  /** Dotted values path of the mapping (or key) the image was read from. */
  path: string
  byDefault: boolean
  /** Set when the tag came from the chart's appVersion because the values leave it empty. */
  tagFromAppVersion?: boolean
}

export interface ValuesScan {
  images: ValuesImage[]
  /** Image mappings that name no usable image (e.g. gpu-operator's vgpuManager, `repository: ""`). */
  skipped: string[]
}

type Node = Record<string, unknown>
const isMap = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v)
const text = (v: unknown): string | undefined =>
  typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : undefined
const off = (v: unknown): boolean => v === false || v === 'false'

export function valuesImages(values: unknown, appVersion: string | undefined): ValuesScan {
  const out: ValuesScan = { images: [], skipped: [] }
  const add = (ref: ImageReference | undefined, path: string, byDefault: boolean, fromApp: boolean): void => {
    if (!ref) {
      out.skipped.push(path)
      return
    }
    out.images.push({ ref, path, byDefault, ...(fromApp ? { tagFromAppVersion: true } : {}) })
  }
  const withDefaultTag = (tag: string | undefined): { tag: string | undefined; fromApp: boolean } =>
    tag ? { tag, fromApp: false } : { tag: appVersion, fromApp: appVersion !== undefined }

  const walk = (node: unknown, path: string, enabled: boolean, key: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${path}[${i}]`, enabled, key))
      return
    }
    if (!isMap(node)) return
    const on = enabled && !off(node.enabled)
    const repository = text(node.repository)
    const image = text(node.image)
    if (repository !== undefined && image !== undefined && !image.includes('/') && !image.includes(':')) {
      // gpu-operator's operand shape: repository is a registry path, image a name, version a tag or digest.
      if (!repository || !image) out.skipped.push(path)
      else {
        const { tag, fromApp } = withDefaultTag(text(node.version) || text(node.tag))
        add(composeRef(`${repository}/${image}`, tag, text(node.digest)), path, on, fromApp)
      }
    } else if (repository !== undefined && (key === 'image' || 'tag' in node || 'digest' in node)) {
      const registry = text(node.registry)
      if (!repository) out.skipped.push(path)
      else {
        const full = registry ? `${registry}/${repository}` : repository
        const given = text(node.tag)
        const { tag, fromApp } =
          pinsVersion(full) || text(node.digest) ? { tag: given, fromApp: false } : withDefaultTag(given)
        add(composeRef(full, tag, text(node.digest)), path, on, fromApp)
      }
    } else if (image !== undefined && image !== '' && repository === undefined) {
      // `image: repo[:tag]`, with a sibling tag or version when the string carries none.
      const sibling = text(node.tag) || text(node.version)
      const ref = pinsVersion(image) ? imageRef(image) : composeRef(image, sibling, undefined)
      add(ref, `${path ? `${path}.` : ''}image`, on, false)
    }
    for (const [k, v] of Object.entries(node)) {
      if (typeof v === 'object' && v !== null) walk(v, path ? `${path}.${k}` : k, on, k)
    }
  }
  walk(values, '', true, '')
  return out
}
