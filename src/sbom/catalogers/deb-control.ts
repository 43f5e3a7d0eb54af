// RFC 822-style control stanzas as dpkg writes them in `status` and distroless `status.d/*`.

export type Stanza = Map<string, string>

export interface StanzaProblem {
  line: number
  message: string
}

/**
 * Splits `Key: value` stanzas separated by blank lines; continuation lines (leading space or tab)
 * extend the previous field. Keys are kept as written. A bad line is reported and skipped.
 */
export function parseStanzas(text: string, problems: StanzaProblem[] = []): Stanza[] {
  const stanzas: Stanza[] = []
  let current: Stanza = new Map()
  let key = ''
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '')
    if (line.trim() === '') {
      if (current.size > 0) stanzas.push(current)
      current = new Map()
      key = ''
      continue
    }
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (key === '') {
        problems.push({ line: i + 1, message: 'continuation line without a field' })
        continue
      }
      current.set(key, `${current.get(key)}\n ${line.trim()}`)
      continue
    }
    const colon = line.indexOf(':')
    if (colon <= 0) {
      problems.push({ line: i + 1, message: 'line is neither "Key: value" nor a continuation' })
      key = ''
      continue
    }
    key = line.slice(0, colon).trim()
    if (current.has(key)) problems.push({ line: i + 1, message: `duplicate field ${key}` })
    current.set(key, line.slice(colon + 1).trim())
  }
  if (current.size > 0) stanzas.push(current)
  return stanzas
}

/** `a (>= 1), b | c:any, d [amd64]` → names only, alternatives flattened (Syft's dependency specifier). */
export function relationNames(field: string | undefined): string[] {
  if (!field) return []
  const names: string[] = []
  for (const clause of field.split(',')) {
    for (const alternative of clause.split('|')) {
      const name = alternative
        .trim()
        .split(/[[(<>=]/)[0]!
        .trim()
      if (name !== '') names.push(name)
    }
  }
  return names
}
