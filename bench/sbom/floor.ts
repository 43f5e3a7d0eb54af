// The decompression floor: fetch every layer of an image from its registry and decompress it with
// two at a time (both cores), doing nothing else with the bytes.
//   node --import tsx bench/sbom/floor.ts <registry/repo:tag>
import { RegistryClient, parseReference } from '../../src/oci/index.js'
import { decompressed } from '../../src/sbom/layers/decompress.js'

const ref = process.argv[2]
if (!ref) throw new Error('usage: floor.ts <registry/repo:tag>')
const client = new RegistryClient()
const manifest = (await client.getManifest(ref)).json as { layers: Array<{ digest: string; size: number }> }
const repo = parseReference(ref)

async function decompress(digest: string, size: number): Promise<number> {
  let n = 0
  // The reader's own decompression (magic-byte sniffing, zlib gunzip / zstd), minus tar and catalogers.
  for await (const chunk of decompressed(await client.blobChunks(repo, digest, size))) n += chunk.length
  return n
}

let next = 0
let expanded = 0
const worker = async () => {
  while (next < manifest.layers.length) {
    const l = manifest.layers[next++]!
    const n = await decompress(l.digest, l.size)
    expanded += n
  }
}
await Promise.all([worker(), worker()])
console.error(`floor: ${manifest.layers.length} layers, ${(expanded / 1048576).toFixed(0)} MiB expanded`)
