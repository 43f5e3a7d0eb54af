// Decompression chosen by the blob's magic bytes (media types lie: Docker calls zstd layers "tar.gzip").
import type { Readable, Transform } from 'node:stream'
import zlib from 'node:zlib'

export type Compression = 'gzip' | 'zstd' | 'none'

export function sniffCompression(head: Buffer): Compression {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip'
  if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) return 'zstd'
  return 'none'
}

/** Output chunk of the decompressors: each one is a round trip through the thread pool. */
const CHUNK_BYTES = 256 * 1024

function decompressor(kind: Compression): Transform | undefined {
  if (kind === 'gzip') return zlib.createGunzip({ chunkSize: CHUNK_BYTES })
  if (kind === 'zstd') return zlib.createZstdDecompress({ chunkSize: CHUNK_BYTES })
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
  const zOrNone = decompressor(kind)
  if (!zOrNone) {
    try {
      const batch = new Batcher()
      if (batch.add(head)) yield batch.take()
      for (;;) {
        const next = await it.next()
        if (next.done) break
        if (batch.add(next.value)) yield batch.take()
      }
      if (batch.size > 0) yield batch.take()
      return
    } finally {
      if (!source.destroyed) source.destroy()
    }
  }
  const z: Transform = zOrNone
  let zDone = false
  let feedError: unknown
  const feed = async (): Promise<void> => {
    try {
      const batch = new Batcher()
      const write = async (): Promise<void> => {
        // Bytes after the end of the compressed stream are still read: the digest covers them.
        const chunk = batch.take()
        if (!zDone && !z.write(chunk)) await drained(z)
      }
      if (batch.add(head)) await write()
      for (;;) {
        const next = await it.next()
        if (next.done) break
        if (batch.add(next.value)) await write()
      }
      if (batch.size > 0) await write()
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

/**
 * Sockets hand over small chunks (a few KiB when the machine is busy); each costs a decompressor
 * round trip through the thread pool, so they are gathered into batches of BATCH_BYTES first.
 */
const BATCH_BYTES = 512 * 1024

class Batcher {
  private parts: Buffer[] = []
  size = 0

  /** Adds a chunk; true when a batch is ready. */
  add(chunk: Buffer): boolean {
    if (chunk.length > 0) {
      this.parts.push(chunk)
      this.size += chunk.length
    }
    return this.size >= BATCH_BYTES
  }

  take(): Buffer {
    const out = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts, this.size)
    this.parts = []
    this.size = 0
    return out
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
