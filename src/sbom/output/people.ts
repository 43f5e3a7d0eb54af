// Who made or published a package, from its metadata, in the shapes CycloneDX and SPDX want.
import type { Package } from '../catalogers/types.js'

export interface Party {
  type: 'Person' | 'Organization'
  name: string
  email?: string
}

/** `Name <user@host> (url)`; the e-mail and URL parts optional. */
const NAME_EMAIL_URL = /^([^<>()]*?)\s*(?:<([^<>\s@]+@[^<>\s@]+\.[^<>\s@]+)>)?\s*(?:\((.*)\))?$/
const LOOKS_LIKE_EMAIL = /^[^\s@]+@[^\s@]*\.[^\s@]+$/

/**
 * Splits one person field into name and e-mail as Syft does (a bare e-mail in the name or URL place is the
 * e-mail). Where several people are listed ("A <a@x.org>, B <b@y.org>") the first is taken; a field that does
 * not read as a person at all is kept whole as the name rather than dropped (Syft drops it, e.g. any
 * e-mail with a dotted host such as lists.debian.org).
 */
export function parsePerson(text: string): { name: string; email?: string } | undefined {
  const trimmed = text.trim()
  if (trimmed === '') return undefined
  const m = NAME_EMAIL_URL.exec(trimmed) ?? NAME_EMAIL_URL.exec(trimmed.split(/,\s+/)[0]!.trim())
  if (!m) return { name: trimmed }
  let name = (m[1] ?? '').trim()
  let email = (m[2] ?? '').trim()
  const url = (m[3] ?? '').trim()
  if (email === '') {
    if (LOOKS_LIKE_EMAIL.test(url)) email = url
    else if (LOOKS_LIKE_EMAIL.test(name)) [email, name] = [name, '']
  }
  if (name === '' && email === '') return undefined
  return { name: name || email, ...(email && name ? { email } : {}) }
}

/**
 * Syft's SPDX originator (and, for these ecosystems, supplier): rpm Vendor and the organisation names of jar
 * manifests and PE resources are organisations; maintainers and authors are people.
 */
/** Syft's CycloneDX author: npm's people as written; Python's "Author <Author-email>" or either alone. */
export function authorOf(p: Package): string | undefined {
  if (!p.authorEmail) return p.author
  return p.author ? `${p.author} <${p.authorEmail}>` : p.authorEmail
}

export function originatorOf(p: Package): Party | undefined {
  const [type, raw]: [Party['type'], string | undefined] = p.vendor
    ? ['Organization', p.vendor]
    : p.type === 'rpm'
      ? ['Organization', p.publisher]
      : ['Person', p.publisher ?? authorOf(p)]
  const who = raw ? parsePerson(raw) : undefined
  return who ? { type, ...who } : undefined
}

/** SPDX 2.3 actor text: `Person: name (email)` / `Organization: name`. */
export function spdxActor(party: Party | undefined): string {
  if (!party) return 'NOASSERTION'
  return `${party.type}: ${party.name}${party.email ? ` (${party.email})` : ''}`
}
