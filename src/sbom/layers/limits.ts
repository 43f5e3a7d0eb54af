// Caps that keep memory and work bounded whatever the image holds (decompression bombs included).

export interface ReaderLimits {
  /** Wanted files up to this size are buffered in memory; larger ones spill to a temp file. */
  maxBufferedFileBytes: number
  /** Wanted files above this size are skipped with a warning. */
  maxFileBytes: number
  /** Expanded (decompressed) bytes per layer before the layer is abandoned with an error. */
  maxLayerBytes: number
  /** Entries per layer before the layer is abandoned (millions of empty files are a bomb too). */
  maxLayerEntries: number
  /** Symlinks remembered per layer (to resolve symlinked directories); each costs a map entry. */
  maxSymlinksPerLayer: number
  /** Layers read at the same time. */
  concurrency: number
}

const MiB = 1024 * 1024
const GiB = 1024 * MiB

export const DEFAULT_LIMITS: ReaderLimits = {
  maxBufferedFileBytes: 8 * MiB,
  maxFileBytes: 1 * GiB,
  maxLayerBytes: 64 * GiB,
  maxLayerEntries: 10_000_000,
  maxSymlinksPerLayer: 250_000,
  concurrency: 3
}

export function resolveLimits(partial?: Partial<ReaderLimits>): ReaderLimits {
  return { ...DEFAULT_LIMITS, ...(partial ?? {}) }
}
