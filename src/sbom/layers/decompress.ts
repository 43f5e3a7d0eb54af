// Decompression chosen by the blob's magic bytes (media types lie: Docker calls zstd layers "tar.gzip").
import type { Transform } from 'node:stream'
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

export interface DecompressHooks {
  onCompression?(kind: Compression): void
  onCompressedBytes?(n: number): void
  /** Stops the source at once (its connection), when the consumer stops early or something failed. */
  cancel?(): void
}

/**
 * Yields the decompressed bytes of `source`. Errors of the source (digest mismatch, network) and of
 * the decompressor (truncated or corrupt data) surface as a rejection of the iteration. Source chunks
 * may be lent (valid until the next is asked for): each is used up before the next is requested.
 */
export async function* decompressed(
  source: AsyncIterable<Buffer>,
  hooks: DecompressHooks = {}
): AsyncGenerator<Buffer> {
  const raw = source[Symbol.asyncIterator]()
  const next = async (): Promise<IteratorResult<Buffer>> => {
    const r = await raw.next()
    if (!r.done) hooks.onCompressedBytes?.(r.value.length)
    return r
  }
  let stopped = false
  const stop = (): void => {
    if (stopped) return
    stopped = true
    hooks.cancel?.()
    void raw.return?.().catch(() => undefined)
  }
  let head: Buffer = Buffer.alloc(0)
  let z: Transform | undefined
  let feeding: Promise<void> = Promise.resolve()
  try {
    while (head.length < 4) {
      const r = await next()
      if (r.done) break
      // A lent first chunk is used as is; shorter ones are copied together.
      head = head.length === 0 && r.value.length >= 4 ? r.value : Buffer.concat([head, r.value])
    }
    const kind = sniffCompression(head)
    hooks.onCompression?.(kind)
    z = decompressor(kind)
    if (!z) {
      if (head.length > 0) yield head
      for (let r = await next(); !r.done; r = await next()) yield r.value
      return
    }
    const inflater = z
    let zDone = false
    let feedError: unknown
    const feed = async (): Promise<void> => {
      try {
        if (head.length > 0) await written(inflater, head)
        for (let r = await next(); !r.done; r = await next()) {
          // Bytes after the end of the compressed stream are still read: the digest covers them.
          if (!zDone) await written(inflater, r.value)
        }
        if (!zDone) inflater.end()
      } catch (err) {
        feedError = err
        inflater.destroy(err as Error)
      }
    }
    feeding = feed()
    for await (const chunk of inflater) yield chunk as Buffer
    zDone = true
    await feeding
    if (feedError !== undefined) throw feedError
  } finally {
    if (z && !z.destroyed) z.destroy()
    stop()
    await feeding
  }
}

/** Resolves once the decompressor has consumed `chunk` (so a lent chunk may be reused). */
function written(z: Transform, chunk: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const onClose = (): void => reject(new Error('the decompressor closed'))
    z.once('close', onClose)
    z.write(chunk, err => {
      z.off('close', onClose)
      if (err) reject(err)
      else resolve()
    })
  })
}
