// Frees buffer memory when we are done with it rather than when V8 next collects it: the layer data
// passing through (GiBs per image) otherwise piles up as garbage in glibc's heaps, which keep it.

/**
 * Releases the memory behind `buf` now, if `buf` spans all of it (a pooled or shared one is left
 * alone). Views of it that remain become empty, so a holder that should have copied reads nothing.
 */
export function releaseBuffer(buf: Buffer): void {
  const backing = buf.buffer
  if (backing instanceof ArrayBuffer && buf.byteOffset === 0 && buf.length === backing.byteLength) {
    backing.transfer(0)
  }
}
