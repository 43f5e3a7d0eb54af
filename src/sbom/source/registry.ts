// An image in a registry, by tag or digest, read through the project's registry client.
import { errorText } from '../../errors/index.js'
import { RegistryClient, parseReference, type Descriptor } from '../../oci/index.js'
import { SbomError } from '../errors.js'
import { resolveImage, type ManifestStore } from './resolve.js'
import type { ImageSource } from './types.js'

export async function openRegistrySource(
  input: string,
  platform: string | undefined,
  client: RegistryClient = new RegistryClient()
): Promise<ImageSource> {
  const ref = parseReference(input)
  const at = (digest: string) => parseReference(`${ref.repoString()}@${digest}`)
  const store: ManifestStore = {
    async manifest(desc: Descriptor) {
      const m = await client.getManifest(at(desc.digest))
      return { json: m.json, digest: m.digest }
    },
    read: desc => client.readBlob(ref, desc.digest, desc.size),
    open: (desc, signal) => client.blobChunks(ref, desc.digest, desc.size, signal)
  }
  let root
  try {
    root = await client.getManifest(ref)
  } catch (err) {
    throw new SbomError('SBOM_BAD_SOURCE', `cannot read ${input}: ${errorText(err)}`, { cause: err })
  }
  const image = await resolveImage({ json: root.json, digest: root.digest }, store, platform, input)
  return {
    kind: 'registry',
    name: ref.repoString(),
    version: ref.tag ?? ref.digest ?? image.manifestDigest,
    ...image
  }
}
