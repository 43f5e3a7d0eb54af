// Version strings in well-known binaries that no package database describes (a subset of Syft's classifiers).
import { formatPurl } from '../purl.js'
import { CLASSIFIERS, type Classifier } from './binary-classifiers.js'
import { asBytes, bytesOf, type FileBytes } from './file-bytes.js'
import type { CatalogContext, CatalogedFile, Cataloger, FileCandidate, Package } from './types.js'

export const BINARY_CATALOGER = 'binary-classifier-cataloger'
const CAP = 256 * 1024 * 1024

const BY_NAME = new Map<string, Classifier[]>()
for (const c of CLASSIFIERS) for (const n of c.names ?? []) BY_NAME.set(n, [...(BY_NAME.get(n) ?? []), c])
const BY_PATTERN = CLASSIFIERS.filter(c => c.fromName)

function classifiersFor(base: string): Array<{ c: Classifier; patterns: RegExp[] }> {
  const out = (BY_NAME.get(base) ?? []).map(c => ({ c, patterns: c.patterns }))
  for (const c of BY_PATTERN) {
    const v = c.fromName!.file.exec(base)?.groups?.['version']
    if (v) out.push({ c, patterns: [c.fromName!.content(v)] })
  }
  return out
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/**
 * Binaries are read as text a window at a time: a string of the whole file (tens of MiB for a Go
 * toolchain's `go`) is an external copy that lives until V8's next full GC, and dozens of them were a
 * quarter of the peak RSS on an image of toolchains. Windows stay ordinary heap strings that die young.
 */
export const WINDOW = 512 * 1024
/** Windows overlap by more than any version string the patterns match is long. */
export const OVERLAP = 64 * 1024

/**
 * The leftmost match of `pattern` in `data` read as latin1 (one character per byte, so patterns with
 * \x00 match as written), as over the whole file. A match is taken from the window it starts in, and
 * only if it ends before that window does; one the window's end cut short is read from the whole file.
 */
export function firstMatch(data: Buffer | FileBytes, pattern: RegExp): RegExpExecArray | null {
  const bytes = asBytes(data)
  for (let start = 0; start < bytes.size; start += WINDOW) {
    const end = Math.min(bytes.size, start + WINDOW + OVERLAP)
    const m = pattern.exec(bytes.read(start, end - start).toString('latin1'))
    if (!m) continue
    if (m.index >= WINDOW) continue
    if (end === bytes.size || m.index + m[0].length < end - start) {
      m.index += start
      return m
    }
    return pattern.exec(bytes.read(0, bytes.size).toString('latin1'))
  }
  return null
}

export function classify(file: CatalogedFile): Package[] {
  const classifiers = classifiersFor(baseName(file.path))
  if (classifiers.length === 0) return []
  const bytes = bytesOf(file)
  for (const { c, patterns } of classifiers) {
    if (c.require && !firstMatch(bytes, c.require)) continue
    for (const pattern of patterns) {
      const version = firstMatch(bytes, pattern)?.groups?.['version']
      if (!version) continue
      return [
        {
          name: c.package,
          version,
          type: 'binary',
          purl: formatPurl({ type: 'generic', name: c.package, version }),
          foundBy: BINARY_CATALOGER,
          locations: [file.path],
          cpes: c.cpeVendorProduct.map(vp => `cpe:2.3:a:${vp}:${version}:*:*:*:*:*:*:*`),
          metadata: { classifier: c.class }
        }
      ]
    }
  }
  return []
}

export const binaryClassifierCataloger: Cataloger = {
  name: BINARY_CATALOGER,
  wants: (f: FileCandidate) => f.size <= CAP && classifiersFor(baseName(f.path)).length > 0,
  parse: (file: CatalogedFile, _ctx: CatalogContext) => classify(file)
}

// Syft's osCatalogerTypes (nix too, not read here yet).
const OS_TYPES = new Set(['deb', 'rpm', 'apk', 'alpm', 'portage'])

/**
 * Syft drops a classified binary when an OS package owns its file (the package database already names it).
 * Run over the merged package list; ownership comes from the OS packages' file lists.
 */
export function dropBinariesOwnedByOsPackages(packages: Package[]): Package[] {
  const owned = new Set<string>()
  for (const p of packages) if (OS_TYPES.has(p.type)) for (const f of p.files ?? []) owned.add(f.path)
  // Syft removes type "binary" packages and ELF package-note packages (whatever type they claim).
  const removable = (p: Package): boolean =>
    p.type === 'binary' || p.foundBy === BINARY_CATALOGER || p.foundBy === 'elf-binary-package-cataloger'
  return packages.filter(p => !removable(p) || !p.locations.some(l => owned.has(l)))
}
