// Random access to a wanted file's bytes, in memory or in the temp file a large one was spilled to, so
// parsers that need a few headers and sections of a 400 MB executable never hold all of it.
import { readSync } from 'node:fs'
import type { CatalogedFile } from './types.js'

export interface FileBytes {
  readonly size: number
  /**
   * Up to `length` bytes at `offset` (fewer at the end of the file, none past it). A view of the
   * file's own memory or a fresh copy: valid while the file is parsed, copy what is kept beyond.
   */
  read(offset: number, length: number): Buffer
}

export function bufferBytes(data: Buffer): FileBytes {
  return {
    size: data.length,
    read: (offset, length) => data.subarray(Math.max(0, offset), Math.max(0, offset + length))
  }
}

/** Positional reads of an open file descriptor (the page cache holds what was just spilled). */
export function descriptorBytes(fd: number, size: number): FileBytes {
  return {
    size,
    read(offset, length) {
      const start = Math.max(0, Math.min(offset, size))
      const want = Math.max(0, Math.min(length, size - start))
      const out = Buffer.allocUnsafe(want)
      let got = 0
      while (got < want) {
        const n = readSync(fd, out, got, want - got, start + got)
        if (n === 0) break
        got += n
      }
      return got === want ? out : out.subarray(0, got)
    }
  }
}

export function asBytes(data: Buffer | FileBytes): FileBytes {
  return Buffer.isBuffer(data) ? bufferBytes(data) : data
}

/** A cataloged file's bytes without loading a spilled one whole (which `file.data` does). */
export function bytesOf(file: CatalogedFile): FileBytes {
  return file.bytes ?? bufferBytes(file.data)
}
