// Package-set comparison against Syft: per ecosystem recall on name+version+purl, and our extras.

export interface ComparablePackage {
  name: string
  version: string
  type: string
  purl: string
}

/** Qualifiers sorted, Syft's package-id dropped: the purl as two tools can agree on it. */
export function normalizePurl(purl: string): string {
  const q = purl.indexOf('?')
  if (q === -1) return purl
  const quals = purl
    .slice(q + 1)
    .split('&')
    .filter(kv => kv && !kv.startsWith('package-id='))
    .sort()
  return quals.length ? `${purl.slice(0, q)}?${quals.join('&')}` : purl.slice(0, q)
}

export interface EcosystemParity {
  type: string
  syft: number
  ours: number
  exact: number
  /** Same name and version, different purl: [syft, ours]. */
  purlDiffs: Array<[string, string]>
  missing: string[]
  extras: string[]
}

export function compare(syft: ComparablePackage[], ours: ComparablePackage[]): EcosystemParity[] {
  const types = [...new Set([...syft.map(p => p.type), ...ours.map(p => p.type)])].sort()
  return types.map(type => {
    const s = syft.filter(p => p.type === type)
    const o = ours.filter(p => p.type === type)
    const exactKeys = new Set(o.map(p => `${p.name}\0${p.version}\0${normalizePurl(p.purl)}`))
    const nv = new Map(o.map(p => [`${p.name}\0${p.version}`, p]))
    const syftNv = new Set(s.map(p => `${p.name}\0${p.version}`))
    const result: EcosystemParity = {
      type,
      syft: new Set(s.map(p => p.purl)).size,
      // Distinct name+version+purl on both sides: Syft's count is taken the same way below.
      ours: new Set(o.map(p => `${p.name}\0${p.version}\0${normalizePurl(p.purl)}`)).size,
      exact: 0,
      purlDiffs: [],
      missing: [],
      extras: []
    }
    const seen = new Set<string>()
    for (const p of s) {
      const key = `${p.name}\0${p.version}\0${normalizePurl(p.purl)}`
      if (seen.has(key)) continue
      seen.add(key)
      if (exactKeys.has(key)) result.exact++
      else if (nv.has(`${p.name}\0${p.version}`))
        result.purlDiffs.push([p.purl, nv.get(`${p.name}\0${p.version}`)!.purl])
      else result.missing.push(`${p.name}@${p.version}`)
    }
    result.syft = seen.size
    for (const p of o)
      if (!syftNv.has(`${p.name}\0${p.version}`)) result.extras.push(`${p.name}@${p.version} (${p.purl})`)
    return result
  })
}

export function printParity(title: string, rows: EcosystemParity[]): void {
  console.log(`\n== ${title}`)
  console.log(
    'ecosystem'.padEnd(14) + 'syft'.padStart(7) + 'ours'.padStart(7) + 'exact'.padStart(7) + '  recall'
  )
  for (const r of rows) {
    const recall = r.syft ? ((100 * r.exact) / r.syft).toFixed(1) + '%' : '-'
    console.log(
      r.type.padEnd(14) +
        String(r.syft).padStart(7) +
        String(r.ours).padStart(7) +
        String(r.exact).padStart(7) +
        '  ' +
        recall
    )
    for (const [s, o] of r.purlDiffs.slice(0, 10))
      console.log(`    purl differs: syft ${s}\n                  ours ${o}`)
    if (r.purlDiffs.length > 10) console.log(`    … ${r.purlDiffs.length - 10} more purl differences`)
    for (const m of r.missing.slice(0, 15)) console.log(`    missing: ${m}`)
    if (r.missing.length > 15) console.log(`    … ${r.missing.length - 15} more missing`)
    for (const e of r.extras.slice(0, 15)) console.log(`    extra:   ${e}`)
    if (r.extras.length > 15) console.log(`    … ${r.extras.length - 15} more extras`)
  }
}
