// Frees buffer memory when we are done with it rather than when V8 next collects it: the layer data
// passing through (GiBs per image) otherwise piles up as garbage in glibc's heaps, which keep it.

/**
 * Releases the memory behind `buf` now, if `buf` spans all of it (a pooled or shared one is left
 * alone). Views of it that remain become empty, so a holder that should have copied reads nothing.
 */
export function releaseBuffer(buf: Buffer): void {
  if (buf.byteOffset === 0 && buf.length === buf.buffer.byteLength) releaseMemory(buf.buffer)
}

/** Releases `backing` now; the caller knows nothing else uses it. Shared memory is never ours to free. */
export function releaseMemory(backing: ArrayBufferLike): void {
  if (backing instanceof ArrayBuffer) backing.transfer(0)
}
