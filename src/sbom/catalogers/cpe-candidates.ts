// The candidate sets CPE generation multiplies (vendors, products) and the spelling variants Syft adds to them.

export interface Candidate {
  value: string
  /** No "a-b-c" → "a", "a-b" prefixes from this one. */
  noSub?: boolean
  /** No "-" ↔ "_" variants from this one. */
  noDelim?: boolean
}

/** A set of candidates keyed by value and flags, as one value may arrive with different flags. */
export class Candidates {
  private readonly items = new Map<string, Candidate>()
  add(...cs: Candidate[]): this {
    for (const c of cs) this.items.set(`${c.value}\0${c.noSub ? 1 : 0}${c.noDelim ? 1 : 0}`, c)
    return this
  }
  addValues(...values: string[]): this {
    return this.add(...values.map(value => ({ value })))
  }
  remove(value: string): void {
    for (const [k, c] of this.items) if (c.value === value) this.items.delete(k)
  }
  clear(): void {
    this.items.clear()
  }
  list(): Candidate[] {
    return [...this.items.values()]
  }
  values(): string[] {
    return [...new Set(this.list().map(c => c.value))].sort()
  }
}

export function withDelimiterVariations(set: Candidates): void {
  for (const c of set.list()) {
    if (c.noDelim) continue
    if (c.value.includes('-')) set.add({ ...c, value: c.value.replaceAll('-', '_') })
    if (c.value.includes('_')) set.add({ ...c, value: c.value.replaceAll('_', '-') })
  }
}

/** "a-b_c" → "a", "a-b", "a-b_c" (at most ten), for candidates that allow it. */
export function withSubSelections(set: Candidates): void {
  for (const c of set.list()) {
    if (c.noSub) continue
    const parts = c.value.match(/[^-_]*[-_]?/g)!.filter(p => p !== '')
    const out: string[] = []
    let delimiter = ''
    for (const raw of parts) {
      if (out.length >= 10) break
      const token = raw.replace(/^[-_]+|[-_]+$/g, '')
      if (token !== '') out.push(out.length ? out[out.length - 1]! + delimiter + token : token)
      delimiter = raw[raw.length - 1]!
    }
    set.addValues(...out)
  }
}

export function withoutTrailingDigits(set: Candidates): void {
  for (const v of set.values()) {
    const stripped = v.replace(/\d+$/, '')
    if (stripped !== '' && stripped !== v) set.addValues(stripped)
  }
}
