// Stable, unique identifiers for packages: the same image gives the same refs run after run.
import { createHash } from 'node:crypto'
import type { Package } from '../catalogers/types.js'

function packageId(p: Package): string {
  return createHash('sha256')
    .update([p.type, p.name, p.version, p.purl, p.foundBy, ...p.locations].join('\0'))
    .digest('hex')
    .slice(0, 16)
}

/** Syft-style bom-ref: the purl with a package-id qualifier (unique even for the same purl twice). */
export function bomRefs(packages: Package[]): string[] {
  return packages.map(p => {
    const id = packageId(p)
    if (!p.purl) return `pkg-${id}`
    return `${p.purl}${p.purl.includes('?') ? '&' : '?'}package-id=${id}`
  })
}

export function spdxIds(packages: Package[]): string[] {
  return packages.map(p => {
    const safe = `${p.type}-${p.name}`.replace(/[^A-Za-z0-9.-]+/g, '-').slice(0, 80)
    return `SPDXRef-Package-${safe}-${packageId(p)}`
  })
}

/** Deterministic order: purl, then name, version, first location. */
export function sortPackages(packages: Package[]): Package[] {
  const key = (p: Package) => [p.purl, p.name, p.version, p.type, p.locations[0] ?? ''].join('\0')
  return [...packages].sort((a, b) => {
    const ka = key(a)
    const kb = key(b)
    return ka < kb ? -1 : ka > kb ? 1 : 0
  })
}
