// CPE 2.3 candidates derived from a package's own fields the way Syft's heuristic generator derives them
// (vendor × product × version), for packages whose cataloger declared none. Syft's curated per-package
// additions/removals and its NVD dictionary are not used: see docs/sbom-metadata.md for the differences.
import {
  Candidates,
  withDelimiterVariations,
  withSubSelections,
  withoutTrailingDigits
} from './cpe-candidates.js'
import type { Candidate } from './cpe-candidates.js'
import type { Package } from './types.js'

const MAX_FIELD = 512
const MAX_CANDIDATES = 64
/** Characters CPE 2.3 formatted strings escape with a backslash ("-", "." and "_" pass as they are). */
const QUOTED = /[!"#$%&'()+,/:;<=>@[\]^`{|}~]/g
const PLAIN = /^[A-Za-z0-9._\-!"#$%&'()+,/:;<=>@[\]^`{|}~]+$/

const personName = (s: string): string =>
  s
    .trim()
    .toLowerCase()
    .replace(/[-\s.]/g, '_')
    .replace(/^the_/, '')

/** "github.com/org/repo/v2" → vendor "org", product "repo/v2"; golang.org / google.golang.org / gopkg.in specially. */
function goParts(name: string): { vendor: string; product: string } {
  const [host = '', ...rest] = name.split('/')
  const path = rest.join('/').replace(/^\/+|\/+$/g, '')
  if (host === 'golang.org') return { vendor: 'golang', product: path }
  if (host === 'gopkg.in') return { vendor: '', product: path }
  if (host === 'google.golang.org') return { vendor: 'google', product: path.split('/')[0]! }
  const elements = path.split('/')
  if (elements.length < 2) return { vendor: '', product: '' }
  return { vendor: elements[0]!, product: elements.slice(1).join('/') }
}

/** Project sites whose URL names the vendor NVD uses. */
const URL_VENDORS: Array<[string, string]> = [
  ['https://www.gnu.org/', 'gnu'],
  ['https://developer.gnome.org/', 'gnome'],
  ['https://www.ruby-lang.org/', 'ruby-lang'],
  ['https://llvm.org/', 'llvm'],
  ['https://www.isc.org/', 'isc'],
  ['https://musl.libc.org/', 'musl-libc'],
  ['https://www.mozilla.org/', 'mozilla'],
  ['https://www.x.org/', 'x.org'],
  ['https://w1.fi/', 'w1.fi']
]

/** Vendor from a project URL: a well-known project site, else the GitHub/GitLab owner. */
function vendorsFromUrl(url: string | undefined): Candidate[] {
  if (!url) return []
  for (const [prefix, vendor] of URL_VENDORS)
    if (url.startsWith(prefix)) return [{ value: vendor, noSub: true, noDelim: true }]
  const m = /^(?:https|http|git):\/\/(?:github|gitlab)\.com\/([\w-]*?)\/.*$/.exec(url)
  return m ? [{ value: m[1]!, noSub: true, noDelim: true }] : []
}

/** apk "py3-foo" → python "foo"; "ruby-foo" → gem "foo"; "name1.2-sub" streams → "name-sub". */
function apkUpstream(name: string): string {
  const m = /^([a-zA-Z][\w-]*?)(-?\d[\d.]*?)($|-([a-zA-Z][\w-]*?)?)$/.exec(name)
  let base = name
  if (m?.[1]) base = m[4] ? `${m[1]}-${m[4]}` : m[1]
  for (const prefix of ['py-', 'ruby-'])
    if (base.startsWith(prefix) && base.length > prefix.length) return base.slice(prefix.length)
  return base
}

/** What only a cataloger knows: a jar's group ids, artifact id and manifest vendor names. */
export interface CpeHints {
  groupIds?: string[]
  artifactId?: string
  vendorNames?: string[]
}

const isJava = (p: Package): boolean => p.type === 'java-archive' || p.type === 'jenkins-plugin'

/** Products from the artifact id and the group ids' later fields that the artifact id starts or ends with. */
function javaProducts(artifactId: string, groupIds: string[]): string[] {
  const out = new Set<string>()
  if (artifactId) out.add(artifactId)
  for (const group of groupIds) {
    const plugin = artifactId.includes('plugin') || group.includes('plugin')
    for (const [i, raw] of group.split('.').entries()) {
      const f = raw.trim()
      if (i <= 1 || f === '' || ['plugin', 'plugins', 'client'].includes(f.toLowerCase())) continue
      if (artifactId === '' || ((artifactId.startsWith(f) || artifactId.endsWith(f)) && !plugin)) out.add(f)
    }
  }
  return [...out]
}

function products(p: Package, hints: CpeHints): Candidates {
  const set = new Candidates().addValues(p.name)
  if (p.type === 'python' && !p.name.startsWith('python')) set.addValues(`python-${p.name}`)
  if (isJava(p)) set.addValues(...javaProducts(hints.artifactId ?? '', hints.groupIds ?? []))
  if (p.type === 'go-module') {
    set.clear()
    const { product } = goParts(p.name)
    if (product) set.addValues(product)
  }
  if (p.type === 'binary' && /\d$/.test(p.name)) withoutTrailingDigits(set)
  if (p.type === 'apk') set.add({ value: apkUpstream(p.name), noSub: true, noDelim: true })
  set.remove('')
  set.remove('*')
  withDelimiterVariations(set)
  return set
}

function vendors(p: Package, hints: CpeHints): Candidates {
  const set = new Candidates().add(...products(p, hints).list())
  if (p.type === 'go-module') {
    set.clear()
    const { vendor } = goParts(p.name)
    if (vendor) set.addValues(vendor)
  }
  if (p.type === 'rpm' && p.publisher) {
    const vendor = p.publisher
      .replace(/\s*<https?:\/\/[^>]+>\s*$/, '')
      .split(',')[0]!
      .trim()
      .toLowerCase()
    set.add({ value: vendor.replaceAll(' ', ''), noSub: true })
  }
  if (p.type === 'python') {
    // Syft's candidates: the Author field whole, and the Author-email up to its "@", each with "_project" forms.
    const fromEmail = p.authorEmail ? personName(p.authorEmail.split('@')[0]!) : ''
    for (const [v, noDelim] of [
      [p.author ? personName(p.author) : '', true],
      [fromEmail, false]
    ] as const) {
      if (!v) continue
      set.add({ value: v, noSub: true, noDelim })
      if (!v.endsWith('project'))
        set.add(
          { value: `${v}project`, noSub: true, noDelim: true },
          { value: `${v}_project`, noSub: true, noDelim: true }
        )
    }
  }
  if (isJava(p)) {
    for (const group of hints.groupIds ?? []) {
      set.add({ value: group, noSub: true, noDelim: true })
      for (const [i, raw] of group.split('.').entries()) {
        const f = raw.trim()
        if (i > 0 && f !== '' && !['plugin', 'plugins'].includes(f.toLowerCase())) set.addValues(f)
      }
    }
    for (const name of hints.vendorNames ?? []) set.add({ value: personName(name), noSub: true })
  }
  if (p.type === 'apk') {
    const up = apkUpstream(p.name)
    set.add({ value: up, noSub: true, noDelim: true })
    if (p.name.startsWith('py3-') || p.name.startsWith('py-'))
      set.add(
        { value: `${up}project`, noSub: true, noDelim: true },
        { value: `${up}_project`, noSub: true, noDelim: true }
      )
    set.add(...vendorsFromUrl(p.downloadUrl).map(c => ({ ...c })))
  }
  if (p.type === 'npm') set.add(...vendorsFromUrl(p.downloadUrl), ...vendorsFromUrl(p.homepage))
  if (p.type === 'binary' && /\d$/.test(p.name)) withoutTrailingDigits(set)
  set.remove('')
  set.remove('*')
  withDelimiterVariations(set)
  if (p.type === 'rust-crate') set.addValues(`${p.name}_project`)
  withSubSelections(set)
  const values = set.values()
  return values.includes('apache') ? new Candidates().addValues('apache') : set
}

function bound(values: string[]): string[] {
  const kept = values.filter(v => v.length <= MAX_FIELD)
  if (kept.length <= MAX_CANDIDATES) return kept
  return kept.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)).slice(0, MAX_CANDIDATES)
}

/** One field of a formatted string: spaces as "_", CPE punctuation quoted, empty as "*". */
export function cpeField(value: string): string {
  if (value === '') return '*'
  return value.replaceAll(' ', '_').replace(QUOTED, ch => `\\${ch}`)
}

function cpeString(vendor: string, product: string, version: string, targetSw: string): string {
  return `cpe:2.3:a:${cpeField(vendor)}:${cpeField(product)}:${cpeField(version)}:*:*:*:*:${cpeField(targetSw)}:*:*`
}

/** Syft's order: more fields given first, then longer fields, then the string itself. */
function specificity(a: Generated, b: Generated): number {
  const weight = (g: Generated) => (g.targetSw ? 1 : 0)
  const length = (g: Generated) =>
    'a'.length + g.vendor.length + g.product.length + g.version.length + g.targetSw.length
  return weight(b) - weight(a) || length(b) - length(a) || (a.raw < b.raw ? -1 : a.raw > b.raw ? 1 : 0)
}

interface Generated {
  vendor: string
  product: string
  version: string
  targetSw: string
  raw: string
}

/** CPEs for one package; empty when its name or version is unusable. */
export function generateCpes(pkg: Package, hints: CpeHints = {}): string[] {
  // Syft generates before it stubs an unknown version with "UNKNOWN".
  const p = pkg.version === 'UNKNOWN' ? { ...pkg, version: '' } : pkg
  if (p.name.length > MAX_FIELD || p.version.length > MAX_FIELD) return []
  const productValues = bound(products(p, hints).values())
  if (productValues.length === 0) return []
  const vendorValues = bound(vendors(p, hints).values())
  const targetSw = p.type === 'rust-crate' ? 'rust' : ''
  const out = new Map<string, Generated>()
  for (const product of productValues) {
    for (const vendor of vendorValues) {
      if (![vendor, product, p.version].every(f => f === '' || PLAIN.test(f.replaceAll(' ', '_')))) continue
      const cpe = cpeString(vendor, product, p.version, targetSw)
      out.set(cpe, {
        vendor,
        product,
        version: p.version,
        targetSw,
        raw: `a:${vendor}:${product}:${p.version}:${targetSw}`
      })
    }
  }
  const jenkins = (g: Generated) =>
    g.product === 'jenkins' &&
    !p.name.toLowerCase().includes('jenkins') &&
    ['', 'jenkins', 'cloudbees'].includes(g.vendor)
  const jira = (g: Generated) =>
    g.product === 'jira' &&
    p.name.toLowerCase().includes('client') &&
    ['', 'jira', 'atlassian'].includes(g.vendor)
  return [...out.entries()]
    .filter(([, g]) => !jenkins(g) && !jira(g) && !(p.type === 'jenkins-plugin' && g.product === 'jenkins'))
    .sort(([, a], [, b]) => specificity(a, b))
    .map(([cpe]) => cpe)
}

/** Gives every package without a declared CPE the generated ones (Syft: "generate-cpes", on by default). */
export function addGeneratedCpes(packages: Package[]): void {
  for (const p of packages) {
    if (p.cpes?.length) continue
    const cpes = generateCpes(p)
    if (cpes.length) p.cpes = cpes
  }
}
