// Gentoo Portage: one directory per installed package, /var/db/pkg/<category>/<name>-<version>/, whose CONTENTS
// lists its files and LICENSE its license expression (in Gentoo's syntax, groups from /etc/portage/license_groups).
import { formatPurl } from '../purl.js'
import type { CatalogContext, CatalogedFile, Cataloger, FileCandidate, Package } from './types.js'

export const PORTAGE_CATALOGER = 'portage-cataloger'
const CAP = 64 * 1024 * 1024
const GROUPS = '/etc/portage/license_groups'

/** `.../var/db/pkg/app-containers/skopeo-1.5.1-r2/CONTENTS` → ['app-containers/skopeo', '1.5.1-r2'] (PMS versions). */
const CPV =
  /\/([^/]*\/[\w+][\w+-]*)-((\d+)((\.\d+)*)([a-z]?)((_(pre|p|beta|alpha|rc)\d*)*)(-r\d+)?)\/CONTENTS$/

const inDb = (path: string, leaf: string): boolean => {
  const parts = path.split('/')
  return parts.length >= 7 && parts.at(-1) === leaf && parts.slice(-6, -3).join('/') === 'var/db/pkg'
}
const dirOf = (path: string): string => path.slice(0, path.lastIndexOf('/'))

/** `@GPL-COMPATIBLE` → its licenses, nested groups expanded once each; a cycle or an unknown group leaves them be. */
export function parseLicenseGroups(text: string): Map<string, string[]> | undefined {
  const raw = new Map<string, string[]>()
  for (const line of text.split('\n').map(l => l.trim())) {
    if (line === '' || line.startsWith('#')) continue
    const [group, ...licenses] = line.split(/\s+/)
    if (licenses.length === 0) return undefined
    raw.set(group!, licenses)
  }
  const expanded = new Map<string, string[]>()
  const expand = (group: string, visiting: Set<string>): string[] | undefined => {
    const done = expanded.get(group)
    if (done) return done
    if (visiting.has(group) || !raw.has(group)) return undefined
    visiting.add(group)
    const out = new Set<string>()
    for (const item of raw.get(group)!) {
      if (!item.startsWith('@')) out.add(item)
      else {
        const nested = expand(item.slice(1), visiting)
        if (!nested) return undefined
        for (const l of nested) out.add(l)
      }
    }
    visiting.delete(group)
    expanded.set(group, [...out])
    return [...out]
  }
  for (const group of raw.keys()) if (!expand(group, new Set())) return undefined
  return expanded
}

/**
 * Gentoo's LICENSE as one SPDX-style expression, Syft's way: mandatory licenses joined by AND, those after `||`
 * by OR, USE-conditional ones (after `flag?`) dropped; `@group` expanded where /etc/portage/license_groups says.
 */
export function portageLicenseExpression(text: string, groups?: Map<string, string[]>): string {
  const mandatory: string[] = []
  const either: string[] = []
  let pipe = false
  let useflag = false
  for (const token of text.split(/\s+/).filter(t => t !== '')) {
    if (token === '||') pipe = true
    else if (token.includes('?')) useflag = true
    else if (!/[()|?]/.test(token) && !useflag) (pipe ? either : mandatory).push(token)
  }
  const expand = (list: string[]): string[] =>
    groups
      ? list.flatMap(l => (l.startsWith('@') && groups.has(l.slice(1)) ? groups.get(l.slice(1))! : [l]))
      : list
  const all = expand(mandatory).join(' AND ')
  const any = expand(either).join(' OR ')
  if (all !== '' && any !== '') return `${all} AND (${any})`
  return all !== '' ? all : any
}

export const portageCataloger: Cataloger = {
  name: PORTAGE_CATALOGER,
  wants: (file: FileCandidate) =>
    file.size <= CAP &&
    (inDb(file.path, 'CONTENTS') ||
      inDb(file.path, 'LICENSE') ||
      inDb(file.path, 'SIZE') ||
      file.path === GROUPS),
  parse(file: CatalogedFile, _ctx: CatalogContext): Package[] {
    const cpv = CPV.exec(file.path)
    if (!cpv) return []
    const [, name, version] = cpv as unknown as [string, string, string]
    const files: NonNullable<Package['files']> = []
    for (const line of file.data.toString('utf8').split('\n')) {
      const fields = line.split(' ')
      // `obj <path> <md5> <mtime>` (dir and sym lines own no content)
      if (fields.length >= 3 && fields[0] === 'obj')
        files.push({ path: fields[1]!, digest: { algorithm: 'md5', value: fields[2]! } })
    }
    return [
      {
        name,
        version,
        type: 'portage',
        purl: formatPurl({ type: 'ebuild', name, version }),
        foundBy: PORTAGE_CATALOGER,
        locations: [file.path],
        files
      }
    ]
  },
  enrich(packages: Package[], files: CatalogedFile[]): void {
    const byPath = new Map(files.map(f => [f.path, f]))
    const groupsFile = byPath.get(GROUPS)
    const needsGroups = (text: string): boolean => /(^|\s)@/.test(text)
    let groups: Map<string, string[]> | undefined
    for (const p of packages) {
      const dir = dirOf(p.locations[0]!)
      const license = byPath.get(`${dir}/LICENSE`)
      if (license) {
        const text = license.data.toString('utf8')
        if (needsGroups(text) && groupsFile && !groups)
          groups = parseLicenseGroups(groupsFile.data.toString('utf8'))
        const expression = portageLicenseExpression(text, needsGroups(text) ? groups : undefined)
        if (expression !== '') p.licenses = [expression]
        p.locations.push(license.path)
      }
      const size = byPath.get(`${dir}/SIZE`)
      if (size) p.locations.push(size.path)
    }
  }
}
