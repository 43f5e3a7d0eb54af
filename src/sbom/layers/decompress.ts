// Decompression chosen by the blob's magic bytes (media types lie: Docker calls zstd layers "tar.gzip").
import type { Readable, Transform } from 'node:stream'
import zlib from 'node:zlib'

export type Compression = 'gzip' | 'zstd' | 'none'

export function sniffCompression(head: Buffer): Compression {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip'
  if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) return 'zstd'
  return 'none'
}

function decompressor(kind: Compression): Transform | undefined {
  if (kind === 'gzip') return zlib.createGunzip({ chunkSize: 256 * 1024 })
  if (kind === 'zstd') return zlib.createZstdDecompress({ chunkSize: 256 * 1024 })
  return undefined
}

/**
 * Yields the decompressed bytes of `source`. Errors of the source (digest mismatch, network) and of
 * the decompressor (truncated or corrupt data) surface as a rejection of the iteration.
 */
export async function* decompressed(
  source: Readable,
  onCompression?: (kind: Compression) => void,
  onCompressedBytes?: (n: number) => void
): AsyncGenerator<Buffer> {
  const raw = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>
  const it = {
    async next(): Promise<IteratorResult<Buffer>> {
      const r = await raw.next()
      if (!r.done) onCompressedBytes?.(r.value.length)
      return r
    }
  }
  let head: Buffer = Buffer.alloc(0)
  while (head.length < 4) {
    const next = await it.next()
    if (next.done) break
    head = head.length === 0 ? next.value : Buffer.concat([head, next.value])
  }
  const kind = sniffCompression(head)
  onCompression?.(kind)
  const z = decompressor(kind)
  if (!z) {
    try {
      if (head.length > 0) yield head
      for (;;) {
        const next = await it.next()
        if (next.done) return
        yield next.value
      }
    } finally {
      if (!source.destroyed) source.destroy()
    }
  }
  let zDone = false
  let feedError: unknown
  const feed = async (): Promise<void> => {
    try {
      if (head.length > 0 && !z.write(head)) await drained(z)
      for (;;) {
        const next = await it.next()
        if (next.done) break
        // Bytes after the end of the compressed stream are still read: the digest covers them.
        if (!zDone && !z.write(next.value)) await drained(z)
      }
      if (!zDone) z.end()
    } catch (err) {
      feedError = err
      z.destroy(err as Error)
    }
  }
  const feeding = feed()
  try {
    for await (const chunk of z) yield chunk as Buffer
    zDone = true
    await feeding
    if (feedError !== undefined) throw feedError
  } finally {
    // Stops the source when the consumer stops early or something failed.
    if (!z.destroyed) z.destroy()
    if (!source.destroyed) source.destroy()
    await feeding
  }
}

function drained(z: Transform): Promise<void> {
  return new Promise((resolve, reject) => {
    const onDrain = (): void => {
      z.off('error', onError)
      z.off('close', onDrain)
      resolve()
    }
    const onError = (err: Error): void => {
      z.off('drain', onDrain)
      z.off('close', onDrain)
      reject(err)
    }
    z.once('drain', onDrain)
    z.once('error', onError)
    z.once('close', onDrain)
  })
}
