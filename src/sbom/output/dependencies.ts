// Resolves the names packages depend on (dpkg Depends, rpm Requires, apk D:, Go) to the packages
// that are or provide them, within the same dependency scope (database, binary, site-packages).
import { dependencyScope } from '../catalogers/dependency-scope.js'
import type { Package } from '../catalogers/types.js'

/** "libc6 (>= 2.34)" → "libc6"; "so:libc.musl-x86_64.so.1" stays whole; ":any" suffixes dropped. */
function bareName(dep: string): string {
  return dep
    .trim()
    .split(/[\s(<>=]/)[0]!
    .replace(/:any$/, '')
}

export interface DependencyGraph {
  /** For each package index, the indices of the packages it depends on (sorted, no self-loops). */
  edges: Map<number, number[]>
  /** Packages that declare dependencies and had every one of them resolved to an installed package. */
  resolvedAll: Set<number>
}

/** For each package index, the indices of the packages it depends on (sorted, no self-loops). */
export function resolveDependencies(packages: Package[]): Map<number, number[]> {
  return dependencyGraph(packages).edges
}

export function dependencyGraph(packages: Package[]): DependencyGraph {
  const byName = new Map<string, number[]>()
  const add = (key: string, i: number): void => {
    const list = byName.get(key)
    if (!list) byName.set(key, [i])
    else if (!list.includes(i)) list.push(i)
  }
  const scopes = packages.map(p => dependencyScope(p))
  packages.forEach((p, i) => {
    add(`${scopes[i]}\0${p.name}`, i)
    for (const provided of p.provides ?? []) add(`${scopes[i]}\0${bareName(provided)}`, i)
  })
  const out = new Map<number, number[]>()
  const resolvedAll = new Set<number>()
  packages.forEach((p, i) => {
    if (!p.dependsOn?.length) return
    const targets = new Set<number>()
    let unresolved = 0
    for (const dep of p.dependsOn) {
      // "a | b": the first alternative that is installed.
      let found = false
      for (const alt of dep.split('|')) {
        const hits = byName.get(`${scopes[i]}\0${bareName(alt)}`)
        if (hits) {
          for (const t of hits) if (t !== i) targets.add(t)
          found = true
          break
        }
      }
      if (!found) unresolved++
    }
    if (unresolved === 0) resolvedAll.add(i)
    if (targets.size > 0)
      out.set(
        i,
        [...targets].sort((a, b) => a - b)
      )
  })
  return { edges: out, resolvedAll }
}
