// Streams layers to an OCI layout on disk (never whole in memory): a rootfs directory through GNU
// tar, or generated tar bytes; each compressed with gzip or zstd while both digests are computed.
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PassThrough, Transform, type Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import zlib from 'node:zlib'

export type Compression = 'gzip' | 'zstd'

export interface WrittenLayer {
  digest: string
  diffId: string
  size: number
  mediaType: string
}

function hasher(): { stream: Transform; digest(): string; size(): number } {
  const hash = createHash('sha256')
  let size = 0
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk)
      size += chunk.length
      done(null, chunk)
    }
  })
  return { stream, digest: () => 'sha256:' + hash.digest('hex'), size: () => size }
}

export async function writeLayer(
  layoutDir: string,
  tar: Readable,
  compression: Compression,
  level = 1
): Promise<WrittenLayer> {
  const blobs = join(layoutDir, 'blobs', 'sha256')
  await mkdir(blobs, { recursive: true })
  const tmp = join(blobs, `.tmp-${process.pid}-${Date.now()}`)
  const diff = hasher()
  const blob = hasher()
  const compressor =
    compression === 'gzip'
      ? zlib.createGzip({ level, chunkSize: 1 << 20 })
      : zlib.createZstdCompress({ params: { [zlib.constants.ZSTD_c_compressionLevel]: level } })
  await pipeline(tar, diff.stream, compressor, blob.stream, createWriteStream(tmp))
  const digest = blob.digest()
  await rename(tmp, join(blobs, digest.slice(7)))
  return {
    digest,
    diffId: diff.digest(),
    size: blob.size(),
    mediaType: `application/vnd.oci.image.layer.v1.tar+${compression}`
  }
}

/**
 * A rootfs directory as a layer, placed under `prefix` ("" for the root). tar's stdout is consumed at once: Node
 * resumes (and so discards) a child's unread stdout when the child exits, which emptied small layers whose
 * consumer attached only after an await (a 20-byte empty gzip). The stream ends only once tar exited 0.
 */
export function tarDirectory(dir: string, prefix: string): Readable {
  const args = ['--numeric-owner', '--owner=0', '--group=0', '--sort=name', '-C', dir, '-cf', '-']
  if (prefix) args.push(`--transform=s,^\\.,./${prefix},`)
  args.push('.')
  const child = spawn('tar', args, { stdio: ['ignore', 'pipe', 'inherit'] })
  const out = new PassThrough()
  child.stdout.pipe(out, { end: false })
  child.on('error', err => out.destroy(err))
  child.on('close', code => {
    if (code === 0) out.end()
    else out.destroy(new Error(`tar of ${dir} exited ${code}`))
  })
  return out
}

export async function writeLayout(
  layoutDir: string,
  layers: WrittenLayer[],
  platform: { os: string; architecture: string },
  labels: Record<string, string> = {}
): Promise<string> {
  const blobs = join(layoutDir, 'blobs', 'sha256')
  const put = async (bytes: Buffer) => {
    const digest = 'sha256:' + createHash('sha256').update(bytes).digest('hex')
    await writeFile(join(blobs, digest.slice(7)), bytes)
    return { digest, size: bytes.length }
  }
  const config = await put(
    Buffer.from(
      JSON.stringify({
        ...platform,
        config: { Labels: labels },
        rootfs: { type: 'layers', diff_ids: layers.map(l => l.diffId) }
      })
    )
  )
  const manifest = await put(
    Buffer.from(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.manifest.v1+json',
        config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
        layers: layers.map(l => ({ mediaType: l.mediaType, digest: l.digest, size: l.size }))
      })
    )
  )
  await writeFile(join(layoutDir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }))
  await writeFile(
    join(layoutDir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', ...manifest }]
    })
  )
  return manifest.digest
}
