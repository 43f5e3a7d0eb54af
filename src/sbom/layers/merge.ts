// Bottom-up merge of layers as a container runtime would apply them: an entry in an upper layer
// replaces the same path below, a non-directory replaces a lower directory's subtree, whiteouts
// delete, opaque directories hide lower children. Only the wanted files are tracked.
import { posix } from 'node:path'

export interface MergeLayer {
  entries: { has(path: string): boolean }
  nonDirectories: { has(path: string): boolean }
  whiteouts: string[]
  opaqueDirs: string[]
  symlinks: Map<string, string>
}

/** Proper ancestors of an absolute path, nearest first ("/a/b/c" → "/a/b", "/a"). */
function ancestors(path: string): string[] {
  const out: string[] = []
  let dir = posix.dirname(path)
  while (dir !== '/') {
    out.push(dir)
    dir = posix.dirname(dir)
  }
  return out
}

export class LayerMerge {
  private readonly whiteouts: Set<string>[]
  private readonly opaque: Set<string>[]
  /** Symlinks of the merged filesystem, upper layers overriding lower ones. */
  private readonly links = new Map<string, string>()

  constructor(private readonly layers: MergeLayer[]) {
    this.whiteouts = layers.map(l => new Set(l.whiteouts))
    this.opaque = layers.map(l => new Set(l.opaqueDirs))
    for (const layer of layers) for (const [path, target] of layer.symlinks) this.links.set(path, target)
  }

  /** True when a layer above `layerIndex` deletes or replaces `path` or one of its parents. */
  hidden(path: string, layerIndex: number): boolean {
    const parents = ancestors(path)
    for (let j = layerIndex + 1; j < this.layers.length; j++) {
      const upper = this.layers[j]!
      if (upper.entries.has(path) || this.whiteouts[j]!.has(path)) return true
      for (const dir of parents) {
        if (this.whiteouts[j]!.has(dir) || this.opaque[j]!.has(dir) || upper.nonDirectories.has(dir))
          return true
      }
    }
    return false
  }

  /**
   * The path with symlinked parent directories resolved inside the image root
   * (a file under /var/lib/rpm when /var/lib/rpm → ../../usr/lib/sysimage/rpm).
   */
  resolveParents(path: string): string {
    let hops = 0
    let parts = path.split('/').filter(Boolean)
    let i = 0
    while (i < parts.length - 1) {
      const prefix = '/' + parts.slice(0, i + 1).join('/')
      const target = this.links.get(prefix)
      if (target === undefined || ++hops > 40) {
        i++
        continue
      }
      const base = target.startsWith('/') ? target : posix.join(posix.dirname(prefix), target)
      const resolved = posix
        .normalize('/' + base)
        .split('/')
        .filter(Boolean)
      parts = [...resolved, ...parts.slice(i + 1)]
      i = 0
    }
    return '/' + parts.join('/')
  }
}
