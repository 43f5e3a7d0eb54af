// Package URLs written byte for byte as Syft writes them (anchore/packageurl-go v0.2 `ToString`).

export interface PurlParts {
  type: string
  /** Slash-separated; each segment is escaped on its own, empty segments are dropped. */
  namespace?: string
  name: string
  version?: string
  /** Empty or undefined values are dropped; keys are written in sorted order. */
  qualifiers?: Record<string, string | undefined>
  subpath?: string
}

const UNRESERVED = /[A-Za-z0-9\-_.~]/

/**
 * Go's url.QueryEscape with a space written as %20: everything but ALPHA / DIGIT / "-_.~" is
 * percent-encoded byte by byte in UTF-8, upper-case hex.
 */
export function purlEscape(value: string): string {
  let out = ''
  for (const ch of value) {
    if (UNRESERVED.test(ch)) {
      out += ch
      continue
    }
    for (const byte of Buffer.from(ch, 'utf8')) out += '%' + byte.toString(16).toUpperCase().padStart(2, '0')
  }
  return out
}

/** Go's url.URL.EscapedFragment for the subpath (rarely used by the catalogers here). */
function escapeFragment(value: string): string {
  return value.replace(/[^A-Za-z0-9\-_.~$&+,/:;=?@!()*']/gu, ch =>
    [...Buffer.from(ch, 'utf8')].map(b => '%' + b.toString(16).toUpperCase().padStart(2, '0')).join('')
  )
}

export function formatPurl(parts: PurlParts): string {
  const segments = [parts.type]
  for (const segment of (parts.namespace ?? '').split('/')) {
    if (segment !== '') segments.push(purlEscape(segment))
  }
  let nameWithVersion = purlEscape(parts.name)
  if (parts.version) nameWithVersion += '@' + purlEscape(parts.version)
  segments.push(nameWithVersion)
  let purl = 'pkg:' + segments.join('/')
  const entries = Object.entries(parts.qualifiers ?? {})
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  if (entries.length > 0) purl += '?' + entries.map(([k, v]) => `${purlEscape(k)}=${purlEscape(v)}`).join('&')
  if (parts.subpath) purl += '#' + escapeFragment(parts.subpath)
  return purl
}

/** Syft's `distro` qualifier: `<ID>-<VERSION_ID>`, else `<ID>-<BUILD_ID>`, else the parts present. */
export function distroQualifier(
  distro: { id: string; versionId?: string; fields: Record<string, string> } | undefined
): string | undefined {
  if (!distro) return undefined
  const parts: string[] = []
  if (distro.id) parts.push(distro.id)
  const version = distro.versionId || distro.fields['BUILD_ID']
  if (version) parts.push(version)
  return parts.length > 0 ? parts.join('-') : undefined
}
