// Tar streams generated on the fly: many small text files, or large incompressible files.
import { randomBytes } from 'node:crypto'
import { Readable } from 'node:stream'
import { tarHeader } from '../../test/fixtures/sbom/build-synthetic-tar.js'

function* withPadding(header: Buffer, body: Buffer): Generator<Buffer> {
  yield header
  if (body.length) yield body
  const pad = (512 - (body.length % 512)) % 512
  if (pad) yield Buffer.alloc(pad)
}

/** `count` small files under `dir` (~`size` bytes each, compressible text), for file-count load. */
export function smallFilesTar(dir: string, count: number, size: number): Readable {
  return Readable.from(
    (function* () {
      const line = Buffer.from('the quick brown fox jumps over the lazy dog 0123456789\n')
      for (let i = 0; i < count; i++) {
        const body = Buffer.alloc(size)
        for (let o = 0; o < size; o += line.length) line.copy(body, o)
        body.write(String(i), 0)
        const path = `${dir}/d${Math.floor(i / 1000)}/f${i}.txt`
        if (i % 1000 === 0)
          yield* withPadding(tarHeader(`${dir}/d${Math.floor(i / 1000)}/`, '5', 0, 0o755), Buffer.alloc(0))
        yield* withPadding(tarHeader(path, '0', size, 0o644), body)
      }
      yield Buffer.alloc(1024)
    })()
  )
}

/** Files of random bytes totalling `totalBytes` (incompressible: compressed size ≈ raw size). */
export function randomFilesTar(dir: string, totalBytes: number, fileBytes: number): Readable {
  return Readable.from(
    (function* () {
      let written = 0
      for (let i = 0; written < totalBytes; i++) {
        const size = Math.min(fileBytes, totalBytes - written)
        yield tarHeader(`${dir}/blob-${i}.bin`, '0', size, 0o644)
        for (let o = 0; o < size; o += 1 << 20) yield randomBytes(Math.min(1 << 20, size - o))
        const pad = (512 - (size % 512)) % 512
        if (pad) yield Buffer.alloc(pad)
        written += size
      }
      yield Buffer.alloc(1024)
    })()
  )
}
