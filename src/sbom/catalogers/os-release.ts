// OS identity from the files Syft reads, in Syft's order of preference (syft/linux/identify_release.go).
import type { CatalogedFile, Distro, FileCandidate } from './types.js'

const OS_RELEASE = ['/etc/os-release', '/usr/lib/os-release']
const SYSTEM_RELEASE_CPE = '/etc/system-release-cpe'
const REDHAT_RELEASE = '/etc/redhat-release'
const BUSYBOX = '/bin/busybox'
const DEBIAN_VERSION = '/etc/debian_version'
const TEXT_CAP = 5 * 1024 * 1024
/** Busybox is a binary; its version banner sits well inside the first few MiB. */
const BUSYBOX_CAP = 16 * 1024 * 1024

/** Parses os-release `KEY=value` lines, unquoting single/double quotes and backslash escapes. */
export function parseOsRelease(text: string): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const eq = line.indexOf('=')
    if (eq <= 0) continue
    const key = line.slice(0, eq).trim()
    let value = line.slice(eq + 1).trim()
    const quote = value[0]
    if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) {
      value = value.slice(1, -1)
      if (quote === '"') value = value.replace(/\\([$"\\`])/g, '$1')
    }
    fields[key] = value
  }
  return fields
}

function fromOsRelease(text: string): Distro | undefined {
  const fields = parseOsRelease(text)
  if (Object.keys(fields).length === 0) return undefined
  const distro: Distro = { id: fields['ID'] ?? '', fields }
  if (fields['VERSION_ID']) distro.versionId = fields['VERSION_ID']
  return distro
}

function fromSystemReleaseCpe(text: string): Distro | undefined {
  for (const line of text.split('\n')) {
    const m = /cpe:\/o:(.*?):.*?:(.*?):.*?$/.exec(line)
    if (m) return simple(m[1]!.toLowerCase(), m[2]!, m[1]!, { CPE_NAME: m[0] })
  }
  return undefined
}

function fromRedhatRelease(text: string): Distro | undefined {
  const contents = text.trim()
  const m = /^(.*?)\srelease\s((\d\.\d+).*)/.exec(contents)
  if (!m || !m[1] || !m[3]) return undefined
  const name = m[1]
  let version = m[2]!
  let id = name.toLowerCase()
  if (id.startsWith('red hat enterprise linux')) id = 'rhel'
  else if (id.startsWith('centos')) version = m[3]
  else if (id.startsWith('rocky linux')) id = 'rocky'
  else if (id.startsWith('scientific linux')) id = 'scientific'
  const idLike = id === 'rhel' ? 'rhel' : `${id} rhel`
  return {
    id,
    versionId: m[3],
    fields: { ID: id, NAME: name, PRETTY_NAME: contents, VERSION: version, VERSION_ID: m[3], ID_LIKE: idLike }
  }
}

function fromBusybox(data: Buffer): Distro | undefined {
  const m = /BusyBox v([\d.]+)/.exec(data.toString('latin1'))
  return m ? simple('busybox', m[1]!, m[0], {}) : undefined
}

function simple(id: string, version: string, prettyName: string, extra: Record<string, string>): Distro {
  return {
    id,
    versionId: version,
    fields: {
      ID: id,
      NAME: id,
      PRETTY_NAME: prettyName,
      ID_LIKE: id,
      VERSION: version,
      VERSION_ID: version,
      ...extra
    }
  }
}

/** Debian's os-release says "12"; /etc/debian_version says "12.7" and Syft prefers it. */
function supplementDebian(distro: Distro, byPath: Map<string, CatalogedFile>): Distro {
  if (distro.id.toLowerCase() !== 'debian') return distro
  const file = byPath.get(DEBIAN_VERSION)
  if (!file) return distro
  const version = file.data.subarray(0, TEXT_CAP).toString('utf8').trim()
  if (!/^\d+(?:\.\d+)?$/.test(version)) return distro
  const fields = { ...distro.fields }
  if (!fields['VERSION']) fields['VERSION'] = version
  return { ...distro, versionId: version, fields }
}

export const osReleaseCataloger = {
  name: 'os-release',
  wants(file: FileCandidate): boolean {
    if (file.path === BUSYBOX) return file.size <= BUSYBOX_CAP
    return (
      file.size <= TEXT_CAP &&
      (OS_RELEASE.includes(file.path) ||
        file.path === SYSTEM_RELEASE_CPE ||
        file.path === REDHAT_RELEASE ||
        file.path === DEBIAN_VERSION)
    )
  },
  /** The final filesystem's identity files (after whiteouts) → the distro, or undefined. */
  parseDistro(files: CatalogedFile[]): Distro | undefined {
    const byPath = new Map(files.map(f => [f.path, f]))
    const text = (path: string): string | undefined => byPath.get(path)?.data.toString('utf8')
    const candidates: Array<() => Distro | undefined> = [
      ...OS_RELEASE.map(p => () => {
        const t = text(p)
        return t === undefined ? undefined : fromOsRelease(t)
      }),
      () => {
        const t = text(SYSTEM_RELEASE_CPE)
        return t === undefined ? undefined : fromSystemReleaseCpe(t)
      },
      () => {
        const t = text(REDHAT_RELEASE)
        return t === undefined ? undefined : fromRedhatRelease(t)
      },
      () => {
        const f = byPath.get(BUSYBOX)
        return f ? fromBusybox(f.data) : undefined
      }
    ]
    for (const candidate of candidates) {
      const distro = candidate()
      if (distro) return supplementDebian(distro, byPath)
    }
    return undefined
  }
}

/** True when the distro is `like` (its ID or one of its ID_LIKE words). */
export function distroIsLike(distro: Distro | undefined, like: string): boolean {
  if (!distro) return false
  if (distro.id === like) return true
  return (distro.fields['ID_LIKE'] ?? '').split(/\s+/).includes(like)
}
