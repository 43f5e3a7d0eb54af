// Snaps: the Debian packages a snap was built from, as its build records list them — a base snap's
// usr/share/snappy/dpkg.yaml, a snap's snap/manifest.yaml (primed-stage-packages), a project's
// snap/snapcraft.yaml (build and stage packages, snaps it uses) — and a kernel snap's changelog.
// Syft reports them as deb packages (Ubuntu's), found by its snap cataloger.
import { gunzipSync } from 'node:zlib'
import { parse } from 'yaml'
import { formatPurl } from '../purl.js'
import type { CatalogContext, CatalogedFile, Cataloger, FileCandidate, Package } from './types.js'

export const SNAP_CATALOGER = 'snap-cataloger'
const CAP = 8 * 1024 * 1024
const UNKNOWN = 'unknown'

interface SnapMeta {
  snapType: string
  arch?: string
  base?: string
}

function debPackage(name: string, version: string, meta: SnapMeta, path: string): Package {
  return {
    name,
    version,
    type: 'deb',
    // Most snaps are built on Ubuntu: Syft assumes it.
    purl: formatPurl({ type: 'deb', namespace: 'ubuntu', name, version, qualifiers: { arch: meta.arch } }),
    foundBy: SNAP_CATALOGER,
    locations: [path],
    metadata: { snapType: meta.snapType, ...(meta.base ? { snapBase: meta.base } : {}) }
  }
}

function snapPackage(name: string, meta: SnapMeta, path: string): Package {
  return {
    name,
    version: UNKNOWN,
    type: 'deb',
    purl: formatPurl({
      type: 'generic',
      namespace: 'snap',
      name,
      version: UNKNOWN,
      qualifiers: { arch: meta.arch, base: meta.base, type: meta.snapType }
    }),
    foundBy: SNAP_CATALOGER,
    locations: [path],
    metadata: { snapType: meta.snapType }
  }
}

/** YAML with every scalar as written (Go's decoder into strings keeps the text: `1.10` stays "1.10"). */
function yamlDoc(text: string): Record<string, unknown> {
  const doc = parse(text, { schema: 'failsafe', maxAliasCount: 1000 }) as unknown
  if (doc === null || doc === undefined) return {}
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new Error('not a YAML mapping')
  return doc as Record<string, unknown>
}

/** A list of strings, or a decoding error as Go's decoder gives for anything else (the file reports nothing). */
function strings(value: unknown, field: string): string[] {
  if (value === undefined || value === null) return []
  if (!Array.isArray(value) || value.some(v => typeof v !== 'string'))
    throw new Error(`${field} is not a list of strings`)
  return value as string[]
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '')

/**
 * `name[:arch]=version` entries; anything else is skipped. With `carry`, an entry's architecture stays for the
 * entries after it (Syft's base-snap reading updates one shared record).
 */
function pinned(entries: string[], meta: SnapMeta, path: string, carry = false): Package[] {
  const out: Package[] = []
  let current = meta
  for (const entry of entries) {
    const eq = entry.indexOf('=')
    if (eq < 0) continue
    let name = entry.slice(0, eq).trim()
    const version = entry.slice(eq + 1).trim()
    if (name === '' || version === '') continue
    let entryMeta = current
    const colon = name.indexOf(':')
    if (colon >= 0) {
      entryMeta = { ...current, arch: name.slice(colon + 1) }
      name = name.slice(0, colon)
      if (carry) current = entryMeta
    }
    out.push(debPackage(name, version, entryMeta, path))
  }
  return out
}

function parseBaseDpkg(doc: Record<string, unknown>, path: string): Package[] {
  return pinned(strings(doc['packages'], 'packages'), { snapType: 'base' }, path, true)
}

function parseManifest(doc: Record<string, unknown>, path: string): Package[] {
  const name = text(doc['name'])
  const meta: SnapMeta = {
    snapType: name.toLowerCase().includes('gadget') ? 'gadget' : 'app',
    base: text(doc['base']),
    arch: strings(doc['architectures'], 'architectures')[0]
  }
  return pinned(strings(doc['primed-stage-packages'], 'primed-stage-packages'), meta, path)
}

/** `pkg>=1.2` → ["pkg", "1.2"]; an entry without an operator has an unknown version. */
function constrained(entry: string): [string, string] {
  if (!/[=<>]/.test(entry)) return [entry, UNKNOWN]
  for (const op of ['>=', '<=', '==', '!=', '=', '>', '<']) {
    const at = entry.indexOf(op)
    if (at >= 0) return [entry.slice(0, at).trim(), entry.slice(at + op.length).trim()]
  }
  return [entry, UNKNOWN]
}

function parseSnapcraft(doc: Record<string, unknown>, path: string): Package[] {
  const meta: SnapMeta = {
    snapType: 'snapd',
    base: text(doc['base']),
    arch: strings(doc['architectures'], 'architectures')[0]
  }
  const parts = doc['parts']
  if (parts === undefined || parts === null) return []
  if (typeof parts !== 'object' || Array.isArray(parts)) throw new Error('parts is not a mapping')
  const out: Package[] = []
  for (const part of Object.values(parts as Record<string, unknown>)) {
    if (part === null || part === undefined) continue
    if (typeof part !== 'object' || Array.isArray(part)) throw new Error('a part is not a mapping')
    const p = part as Record<string, unknown>
    for (const name of strings(p['build-packages'], 'build-packages'))
      if (name !== '') out.push(debPackage(name, UNKNOWN, meta, path))
    for (const entry of strings(p['stage-packages'], 'stage-packages'))
      if (entry !== '') out.push(debPackage(...constrained(entry), meta, path))
    const snaps = [...strings(p['build-snaps'], 'build-snaps'), ...strings(p['stage-snaps'], 'stage-snaps')]
    for (const snap of snaps)
      if (snap !== '') out.push(snapPackage(snap, { snapType: 'app', arch: meta.arch }, path))
  }
  return out
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The kernel a kernel snap ships, from the first line of its modules' Debian changelog. */
export function parseKernelChangelog(textIn: string, path: string): Package[] {
  const lines = textIn.split('\n')
  const m = /linux \(([0-9]+\.[0-9]+\.[0-9]+-[0-9]+)\.([0-9]+)\)/.exec(lines[0] ?? '')
  if (!m) throw new Error(`no kernel version in the changelog's first line`)
  const [, base, release] = m as unknown as [string, string, string]
  const major = /([0-9]+\.[0-9]+)\.[0-9]+-[0-9]+/.exec(base)?.[1] ?? base
  const meta: SnapMeta = { snapType: 'kernel' }
  const out = [debPackage(`linux-image-${base}-generic`, `${base}.${release}`, meta, path)]
  const marker = `${release.replaceAll(';', '/')}/linux:`
  const line = lines.slice(1).find(l => l.includes(marker))
  if (line !== undefined) {
    const short = new RegExp(`(${escapeRe(major)}-[0-9]+)\\.?[0-9]*`).exec(line)?.[1]
    if (short !== undefined) {
      const full = new RegExp(`(${escapeRe(major)}-[0-9]+\\.[0-9]+)`).exec(line)?.[1] ?? short
      out.push(debPackage(`linux-image-${short}-generic`, full, meta, path))
    }
  }
  return out
}

type Kind = 'dpkg' | 'manifest' | 'snapcraft' | 'changelog'

function kindOf(path: string): Kind | undefined {
  if (path.endsWith('/usr/share/snappy/dpkg.yaml')) return 'dpkg'
  if (path.endsWith('/snap/manifest.yaml')) return 'manifest'
  if (path.endsWith('/snap/snapcraft.yaml')) return 'snapcraft'
  const parts = path.split('/')
  if (
    parts.at(-1) === 'changelog.Debian.gz' &&
    parts.at(-2)?.startsWith('linux-modules-') &&
    parts.at(-3) === 'doc'
  )
    return 'changelog'
  return undefined
}

export const snapCataloger: Cataloger = {
  name: SNAP_CATALOGER,
  wants: (file: FileCandidate) => file.size <= CAP && kindOf(file.path) !== undefined,
  parse(file: CatalogedFile, ctx: CatalogContext): Package[] {
    try {
      switch (kindOf(file.path)) {
        case 'dpkg':
          return parseBaseDpkg(yamlDoc(file.data.toString('utf8')), file.path)
        case 'manifest':
          return parseManifest(yamlDoc(file.data.toString('utf8')), file.path)
        case 'snapcraft':
          return parseSnapcraft(yamlDoc(file.data.toString('utf8')), file.path)
        case 'changelog':
          return parseKernelChangelog(gunzipSync(file.data).toString('utf8'), file.path)
        default:
          return []
      }
    } catch (err) {
      ctx.warn((err as Error).message)
      return []
    }
  }
}
