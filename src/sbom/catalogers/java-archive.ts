// Java archive identity the way Syft's java-archive-cataloger derives it: manifest, pom.properties, file name.

export type Manifest = { main: Map<string, string>; sections: Array<Map<string, string>> }

export interface PomProperties {
  groupId: string
  artifactId: string
  version: string
  path: string
}

/** META-INF/MANIFEST.MF: `Key: value` with one-space continuation lines; blank lines separate sections. */
export function parseManifest(text: string): Manifest {
  const sections: Array<Map<string, string>> = [new Map()]
  let key = ''
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '')
    if (line === '') {
      if (sections[sections.length - 1]!.size > 0) sections.push(new Map())
      key = ''
      continue
    }
    const current = sections[sections.length - 1]!
    if (line.startsWith(' ') && key !== '') {
      current.set(key, current.get(key)! + line.slice(1))
      continue
    }
    const colon = line.indexOf(':')
    if (colon <= 0) continue
    key = line.slice(0, colon).trim()
    current.set(key, line.slice(colon + 1).trim())
  }
  const [main, ...rest] = sections
  return { main: main!, sections: rest.filter(s => s.size > 0) }
}

/** pom.properties: `key=value` (or `key:value`), `#` comments; undefined without artifactId and version. */
export function parsePomProperties(text: string, path: string): PomProperties | undefined {
  const map = new Map<string, string>()
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue
    const idx = line.search(/[=:]/)
    if (idx < 0) return undefined
    map.set(line.slice(0, idx).trim(), line.slice(idx + 1).trim())
  }
  const artifactId = map.get('artifactId') ?? ''
  const version = map.get('version') ?? ''
  if (!artifactId || !version) return undefined
  return { groupId: map.get('groupId') ?? '', artifactId, version, path }
}

const VERSION_AT = /^(?:\d.*|build\d.*|rc?\d+)$/i

/** Whether s could be the name part: letter first, [\w.-], each inner '-' followed by a letter. */
function isNamePart(s: string): boolean {
  if (!/^[a-z][\w.-]*$/i.test(s)) return false
  for (let i = 0; i < s.length - 1; i++) if (s[i] === '-' && !/[a-z]/i.test(s[i + 1]!)) return false
  return true
}

/**
 * `spring-core-6.1.5.jar` → {name: spring-core, version: 6.1.5}: the shortest name after which the rest is
 * `-<version>` (Syft's ungreedy pattern, computed without backtracking), else a version after [._-].
 */
export function archiveFilename(path: string): { name: string; version: string; extension: string } {
  const base = path.slice(path.lastIndexOf('/') + 1)
  const dot = base.lastIndexOf('.')
  const extension = dot >= 0 ? base.slice(dot + 1) : ''
  const stem = dot >= 0 ? base.slice(0, dot) : base
  let name = ''
  let version = ''
  for (let i = 1; i <= stem.length; i++) {
    const head = stem.slice(0, i)
    // Once a prefix cannot be a name, no longer prefix can be either.
    if (!isNamePart(head)) break
    if (i === stem.length) {
      name = head
      break
    }
    if (stem[i] === '-' && VERSION_AT.test(stem.slice(i + 1))) {
      name = head
      version = stem.slice(i + 1)
      break
    }
  }
  if (version === '' && name !== '') {
    for (let i = 0; i < name.length; i++) {
      if ('._-'.includes(name[i]!) && VERSION_AT.test(name.slice(i + 1))) {
        version = name.slice(i + 1)
        name = name.slice(0, i)
        break
      }
    }
  }
  return { name, version, extension }
}

function manifestValue(m: Manifest | undefined, key: string): string {
  if (!m) return ''
  if (m.main.get(key)) return m.main.get(key)!
  for (const s of m.sections) if (s.get(key)) return s.get(key)!
  return ''
}

export function selectName(m: Manifest | undefined, fileName: string): string {
  if (m && (m.main.get('Created-By') ?? '').includes('Apache Maven Bundle Plugin')) {
    const symbolic = m.main.get('Bundle-SymbolicName') ?? ''
    if (symbolic && m.main.get('Implementation-Vendor-Id') !== symbolic) return symbolic.split('.').pop()!
  }
  if (fileName) return fileName
  for (const key of ['Name', 'Bundle-Name', 'Short-Name', 'Extension-Name', 'Implementation-Title']) {
    if (m?.main.get(key)) return m.main.get(key)!
  }
  return ''
}

export function selectVersion(m: Manifest | undefined, fileVersion: string): string {
  if (fileVersion) return fileVersion
  for (const key of ['Implementation-Version', 'Specification-Version', 'Plugin-Version', 'Bundle-Version']) {
    const v = manifestValue(m, key)
    if (v) return v
  }
  return ''
}

export function selectLicenses(m: Manifest | undefined): string[] {
  return ['Bundle-License', 'Plugin-License-Name'].map(k => manifestValue(m, k)).filter(v => v !== '')
}

const cleanGroupId = (g: string): string => g.split(';')[0]!.split('#')[0]!.trim()
const DOMAINS = ['com', 'org', 'net', 'io', 'be']
const PRIMARY = [
  'Group-Id',
  'Bundle-SymbolicName',
  'Extension-Name',
  'Specification-Vendor',
  'Implementation-Vendor',
  'Implementation-Vendor-Id',
  'Implementation-Title',
  'Bundle-Activator'
]
const SECONDARY = ['Automatic-Module-Name', 'Main-Class', 'Package']

function manifestGroupIds(m: Manifest, fields: string[]): string[] {
  const ids: string[] = []
  for (const f of fields) {
    for (const section of [m.main, ...m.sections]) {
      const v = section.get(f)
      if (v !== undefined && DOMAINS.some(d => v.startsWith(d))) ids.push(cleanGroupId(v))
    }
  }
  return ids.sort()
}

/** Syft's groupIDFromJavaMetadata without its built-in artifact → group table. */
export function groupIdFor(props: PomProperties | undefined, manifest: Manifest | undefined): string {
  if (props?.groupId) return cleanGroupId(props.groupId)
  if (props?.artifactId.includes('.')) return cleanGroupId(props.artifactId)
  if (manifest)
    return manifestGroupIds(manifest, PRIMARY)[0] ?? manifestGroupIds(manifest, SECONDARY)[0] ?? ''
  return ''
}

/** Every group id Syft's CPE generator considers: pom.properties', else the manifest's (primary, else secondary). */
export function cpeGroupIds(props: PomProperties | undefined, manifest: Manifest | undefined): string[] {
  const ids: string[] = []
  const tld = (v: string) => DOMAINS.some(d => v.startsWith(d))
  if (props && tld(props.groupId)) ids.push(cleanGroupId(props.groupId))
  if (props && tld(props.artifactId) && props.artifactId.includes('.'))
    ids.push(cleanGroupId(props.artifactId))
  if (manifest) {
    const primary = manifestGroupIds(manifest, PRIMARY)
    ids.push(...(primary.length ? primary : manifestGroupIds(manifest, SECONDARY)))
  }
  return ids
}

/** Organisation names in the manifest (Specification-/Implementation-Vendor) that are not reversed domains. */
export function manifestVendorNames(manifest: Manifest | undefined): string[] {
  if (!manifest) return []
  const names: string[] = []
  for (const key of ['Specification-Vendor', 'Implementation-Vendor'])
    for (const section of [manifest.main, ...manifest.sections]) {
      const v = section.get(key)
      if (v !== undefined && !DOMAINS.some(d => v.startsWith(d))) names.push(v)
    }
  return names
}
