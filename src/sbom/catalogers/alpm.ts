// Arch Linux (pacman/libalpm): one directory per installed package under /var/lib/pacman/local, whose `desc`
// holds `%KEY%` sections (values one per line, sections separated by blank lines) and `files` its %FILES%.
import { distroQualifier, formatPurl } from '../purl.js'
import type { CatalogContext, CatalogedFile, Cataloger, FileCandidate, Package } from './types.js'

export const ALPM_CATALOGER = 'alpm-db-cataloger'
const CAP = 64 * 1024 * 1024
const DB = '/var/lib/pacman/local/'

/** `%NAME%\ngmp\n\n%LICENSE%\nLGPL3\nGPL\n` → NAME → ['gmp'], LICENSE → ['LGPL3', 'GPL']. */
export function parseAlpmSections(text: string): Map<string, string[]> {
  const sections = new Map<string, string[]>()
  for (const block of text.replace(/\r\n/g, '\n').split(/\n\n+/)) {
    const [head, ...values] = block.split('\n')
    const key = /^%([A-Z0-9]+)%$/.exec(head?.trim() ?? '')?.[1]
    if (!key) continue
    sections.set(
      key,
      values.map(v => v.trim()).filter(v => v !== '')
    )
  }
  return sections
}

const inDb = (path: string): boolean => path.includes(DB)
const dirOf = (path: string): string => path.slice(0, path.lastIndexOf('/'))

export const alpmCataloger: Cataloger = {
  name: ALPM_CATALOGER,
  wants: (file: FileCandidate) =>
    file.size <= CAP && inDb(file.path) && (file.path.endsWith('/desc') || file.path.endsWith('/files')),
  parse(file: CatalogedFile, ctx: CatalogContext): Package[] {
    if (!file.path.endsWith('/desc')) return []
    const desc = parseAlpmSections(file.data.toString('utf8'))
    const name = desc.get('NAME')?.[0]
    if (!name) return []
    const version = desc.get('VERSION')?.[0] ?? ''
    const arch = desc.get('ARCH')?.[0]
    const base = desc.get('BASE')?.[0]
    const distro = ctx.distro
    const pkg: Package = {
      name,
      version,
      type: 'alpm',
      // Syft writes an alpm purl only on Arch itself (no namespace mapping for derivatives).
      purl:
        distro?.id === 'arch'
          ? formatPurl({
              type: 'alpm',
              namespace: 'arch',
              name,
              version,
              qualifiers: { arch, upstream: base, distro: distroQualifier(distro) }
            })
          : '',
      foundBy: ALPM_CATALOGER,
      locations: [file.path],
      metadata: { ...(arch ? { arch } : {}), ...(base ? { base } : {}) }
    }
    const licenses = desc.get('LICENSE') ?? []
    if (licenses.length > 0) pkg.licenses = licenses
    // Syft relates packages on the exact depends/provides strings (a provided `libfoo.so=1-64` also by bare
    // name), so a versioned `glibc>=2.27` never resolves there: it is left out here too.
    const provides = desc.get('PROVIDES') ?? []
    if (provides.length > 0) pkg.provides = provides.flatMap(p => [p, p.split('=')[0]!.trim()])
    const depends = (desc.get('DEPENDS') ?? []).filter(d => !/[<>]/.test(d))
    if (depends.length > 0) pkg.dependsOn = depends
    return [pkg]
  },
  enrich(packages: Package[], files: CatalogedFile[]): void {
    const byDir = new Map(files.filter(f => f.path.endsWith('/files')).map(f => [dirOf(f.path), f]))
    for (const p of packages) {
      const listing = byDir.get(dirOf(p.locations[0]!))
      if (!listing) continue
      const owned = parseAlpmSections(listing.data.toString('utf8')).get('FILES') ?? []
      // Directories end in '/'; only files are owned for the binary-ownership rule.
      p.files = owned.filter(f => !f.endsWith('/')).map(f => ({ path: '/' + f }))
      p.locations.push(listing.path)
    }
  }
}
