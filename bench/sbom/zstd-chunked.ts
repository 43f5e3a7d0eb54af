// Rewrites a parity fixture's layers as multi-frame zstd, the shape zstd:chunked gives them (a frame per
// piece of the tar, a skippable frame after the first), so parity.ts can compare Syft and us on it.
//   node --import tsx bench/sbom/parity.ts debian            # builds the fixture layout once
//   node --import tsx bench/sbom/zstd-chunked.ts debian      # writes <fixture>-zstd-chunked next to it
//   node --import tsx bench/sbom/parity.ts --ref 127.0.0.1:5102/parity/debian-zstd-chunked:v1
import { createHash } from 'node:crypto'
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import zlib from 'node:zlib'
import { BENCH_DIR, CRANE } from './paths.js'
import { benchRegistry } from './registry.js'

const FRAME_BYTES = 200_000
const fixture = process.argv[2] ?? 'debian'
const src = join(BENCH_DIR, 'parity', fixture)
const dst = join(BENCH_DIR, 'parity', `${fixture}-zstd-chunked`)
rmSync(dst, { recursive: true, force: true })
cpSync(src, dst, { recursive: true })

const blobFile = (digest: string) => join(dst, 'blobs', 'sha256', digest.slice('sha256:'.length))
const put = (bytes: Buffer): string => {
  const digest = `sha256:${createHash('sha256').update(bytes).digest('hex')}`
  writeFileSync(blobFile(digest), bytes)
  return digest
}
const skippable = Buffer.concat([Buffer.from([0x50, 0x2a, 0x4d, 0x18, 4, 0, 0, 0]), Buffer.from('toc!')])

type Descriptor = { mediaType: string; digest: string; size: number }
const index = JSON.parse(readFileSync(join(dst, 'index.json'), 'utf8')) as { manifests: Descriptor[] }
const manifest = JSON.parse(readFileSync(blobFile(index.manifests[0]!.digest), 'utf8')) as {
  layers: Descriptor[]
}
let frames = 0
manifest.layers = manifest.layers.map(layer => {
  const stored = readFileSync(blobFile(layer.digest))
  // The uncompressed tar (and so the config's diff_ids) stays the same.
  const tar =
    stored[0] === 0x1f
      ? zlib.gunzipSync(stored)
      : stored[0] === 0x28
        ? zlib.zstdDecompressSync(stored)
        : stored
  const parts: Buffer[] = []
  for (let at = 0; at < tar.length; at += FRAME_BYTES) {
    parts.push(zlib.zstdCompressSync(tar.subarray(at, at + FRAME_BYTES)))
    if (at === 0) parts.push(skippable)
    frames++
  }
  const bytes = Buffer.concat(parts)
  return { mediaType: 'application/vnd.oci.image.layer.v1.tar+zstd', digest: put(bytes), size: bytes.length }
})
const manifestBytes = Buffer.from(JSON.stringify(manifest))
index.manifests = [{ ...index.manifests[0]!, digest: put(manifestBytes), size: manifestBytes.length }]
writeFileSync(join(dst, 'index.json'), JSON.stringify(index))

const registry = await benchRegistry()
const ref = `${registry.host}/parity/${fixture}-zstd-chunked:v1`
const push = spawnSync(CRANE, ['push', dst, ref], { encoding: 'utf8' })
registry.stop()
if (push.status !== 0) throw new Error(`crane push: ${push.stderr}`)
console.log(`${ref}: ${manifest.layers.length} layers in ${frames} zstd frames`)
