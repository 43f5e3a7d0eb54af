// An image in a registry, by tag or digest, read through the project's registry client.
import { errorText } from '../../errors/index.js'
import { RegistryClient, parseReference, type Descriptor, type ImageReference } from '../../oci/index.js'
import { SbomError } from '../errors.js'
import { resolveImage, type ManifestStore } from './resolve.js'
import type { ImageSource } from './types.js'

/** An image whose manifest the caller already read (the pipeline's plan): it is not fetched again. */
export interface FetchedImage {
  repository: ImageReference
  manifest: { json: unknown; digest: string }
}

export async function openRegistrySource(
  input: string | FetchedImage,
  platform: string | undefined,
  client: RegistryClient = new RegistryClient()
): Promise<ImageSource> {
  const ref = typeof input === 'string' ? parseReference(input) : input.repository
  const where = typeof input === 'string' ? input : `${ref.repoString()}@${input.manifest.digest}`
  const store: ManifestStore = {
    async manifest(desc: Descriptor) {
      const m = await client.getManifest(ref.withDigest(desc.digest))
      return { json: m.json, digest: m.digest }
    },
    read: desc => client.readBlob(ref, desc.digest, desc.size),
    open: (desc, signal) => client.blobChunks(ref, desc.digest, desc.size, signal)
  }
  let root: { json: unknown; digest: string }
  if (typeof input !== 'string') root = input.manifest
  else {
    try {
      root = await client.getManifest(ref)
    } catch (err) {
      throw new SbomError('SBOM_BAD_SOURCE', `cannot read ${input}: ${errorText(err)}`, { cause: err })
    }
  }
  const image = await resolveImage(root, store, platform, where)
  return {
    kind: 'registry',
    name: ref.repoString(),
    version: (typeof input === 'string' && (ref.tag ?? ref.digest)) || image.manifestDigest,
    ...image
  }
}
