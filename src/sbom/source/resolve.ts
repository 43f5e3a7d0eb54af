// The walk shared by every source: index → platform manifest → config → layers with diff IDs.
import type { Descriptor, ImageManifest } from '../../oci/index.js'
import { SbomError } from '../errors.js'
import type { LayerSource } from '../layers/scan.js'
import { choosePlatform, platformString } from './platform.js'
import type { ImageConfig } from './types.js'

export interface ManifestStore {
  /** A manifest or index by descriptor, parsed (digest-verified by the store). */
  manifest(desc: Descriptor): Promise<{ json: unknown; digest: string }>
  /** A small blob read whole (digest-verified). */
  read(desc: Descriptor): Promise<Buffer>
  /** A layer's bytes, digest-checked; chunks may be lent (valid until the next is asked for), and
   * `signal` stops a read that is still under way. */
  open(desc: Descriptor, signal?: AbortSignal): Promise<AsyncIterable<Buffer>>
}

export interface ResolvedImage {
  manifestDigest: string
  config: ImageConfig
  platform: string
  otherPlatforms: string[]
  layers: LayerSource[]
}

interface AnyManifest {
  manifests?: Descriptor[]
  config?: Descriptor
  layers?: Descriptor[]
}

export async function resolveImage(
  root: { json: unknown; digest: string },
  store: ManifestStore,
  wantedPlatform: string | undefined,
  where: string
): Promise<ResolvedImage> {
  let current = root
  let others: string[] = []
  for (let depth = 0; depth < 4; depth++) {
    const m = current.json as AnyManifest
    if (!Array.isArray(m.manifests)) break
    const choice = choosePlatform(m.manifests, wantedPlatform, where)
    others = choice.others
    current = await store.manifest(choice.chosen)
  }
  const manifest = current.json as ImageManifest
  if (!manifest.config || !Array.isArray(manifest.layers)) {
    throw new SbomError('SBOM_BAD_MANIFEST', `${where}: manifest ${current.digest} is not an image manifest`)
  }
  let config: ImageConfig
  try {
    config = JSON.parse((await store.read(manifest.config)).toString('utf8')) as ImageConfig
  } catch (err) {
    if (err instanceof SbomError) throw err
    throw new SbomError('SBOM_BAD_MANIFEST', `${where}: config ${manifest.config.digest} is unreadable`, {
      cause: err
    })
  }
  const diffIds = config.rootfs?.diff_ids ?? []
  if (diffIds.length !== manifest.layers.length) {
    throw new SbomError(
      'SBOM_BAD_MANIFEST',
      `${where}: manifest ${current.digest} has ${manifest.layers.length} layers but its config lists ${diffIds.length} diff_ids`
    )
  }
  const layers = manifest.layers.map((desc, index): LayerSource => ({
    index,
    digest: desc.digest,
    diffId: diffIds[index]!,
    mediaType: desc.mediaType,
    size: desc.size,
    open: signal => store.open(desc, signal)
  }))
  return {
    manifestDigest: current.digest,
    config,
    platform: platformString(config),
    otherPlatforms: others,
    layers
  }
}
