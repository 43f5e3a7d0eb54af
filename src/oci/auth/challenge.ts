export interface Challenge {
  /** Lower-case scheme: 'basic', 'bearer', ... */
  scheme: string
  /** Parameter names lower-cased; values unquoted. */
  params: Record<string, string>
}

/**
 * Parses a WWW-Authenticate value into its challenges (RFC 9110 §11.6.1): several may share one header,
 * and quoted values may contain commas and escaped quotes.
 */
export function parseChallenges(header: string): Challenge[] {
  const challenges: Challenge[] = []
  let i = 0
  const skip = (re: RegExp) => {
    while (i < header.length && re.test(header[i]!)) i++
  }
  const token = () => {
    const start = i
    skip(/[!#$%&'*+.^_`|~0-9A-Za-z-]/)
    return header.slice(start, i)
  }
  while (i < header.length) {
    skip(/[\s,]/)
    const scheme = token()
    if (!scheme) {
      i++
      continue
    }
    const challenge: Challenge = { scheme: scheme.toLowerCase(), params: {} }
    challenges.push(challenge)
    for (;;) {
      skip(/[\s,]/)
      const save = i
      const name = token()
      skip(/\s/)
      if (!name || header[i] !== '=') {
        i = save // the next challenge's scheme starts here
        break
      }
      i++ // '='
      skip(/\s/)
      let value = ''
      if (header[i] === '"') {
        i++
        while (i < header.length && header[i] !== '"') {
          if (header[i] === '\\' && i + 1 < header.length) i++
          value += header[i]
          i++
        }
        i++ // closing quote
      } else {
        const start = i
        while (i < header.length && header[i] !== ',' && !/\s/.test(header[i]!)) i++
        value = header.slice(start, i)
      }
      challenge.params[name.toLowerCase()] = value
    }
  }
  return challenges
}
