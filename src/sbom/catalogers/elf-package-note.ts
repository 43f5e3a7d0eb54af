// systemd's ELF package notes (.note.package, owner "FDO"): JSON naming the package a binary was built for.
import { errorText } from '../../errors/index.js'
import { formatPurl } from '../purl.js'
import { isElf, parseElf, sectionData } from './elf.js'
import { isExecutableCandidate } from './go-binary.js'
import type { CatalogContext, CatalogedFile, Cataloger, FileCandidate, Package } from './types.js'
import { bytesOf } from './file-bytes.js'

export const ELF_NOTE_CATALOGER = 'elf-binary-package-cataloger'
const NOTE_TYPE = 0xcafe1a7e
const OS_TYPES: Record<string, string> = { rpm: 'rpm', deb: 'deb', apk: 'apk', alpm: 'alpm' }

interface NotePayload {
  type?: string
  name?: string
  version?: string
  license?: string
  architecture?: string
  os?: string
  osVersion?: string
  osCpe?: string
  osCPE?: string
  system?: string
}

/** The note's descriptor bytes: namesz, descsz, type, then name and descriptor each padded to 4 bytes. */
function noteDescriptor(section: Buffer, little: boolean): Buffer | undefined {
  let at = 0
  while (at + 12 <= section.length) {
    const u32 = (o: number): number => (little ? section.readUInt32LE(o) : section.readUInt32BE(o))
    const namesz = u32(at)
    const descsz = u32(at + 4)
    const type = u32(at + 8)
    const descAt = at + 12 + Math.ceil(namesz / 4) * 4
    if (descAt + descsz > section.length) return undefined
    const name = section.toString('latin1', at + 12, at + 12 + namesz).replace(/\0+$/, '')
    if (name === 'FDO' && type === NOTE_TYPE) return section.subarray(descAt, descAt + descsz)
    at = descAt + Math.ceil(descsz / 4) * 4
  }
  return undefined
}

/** "cpe:/o:fedoraproject:fedora:40" or "cpe:2.3:o:fedoraproject:fedora:40:…" → ["fedora", "40"]. */
function osFromCpe(cpe: string): [string, string] {
  const parts = cpe.split(':')
  return cpe.startsWith('cpe:2.3:') ? [parts[4] ?? '', parts[5] ?? ''] : [parts[3] ?? '', parts[4] ?? '']
}

export function elfNotePurl(note: NotePayload): string {
  let os = note.os ?? ''
  let osVersion = note.osVersion ?? ''
  const cpe = note.osCpe || note.osCPE || ''
  if (!(os && osVersion) && cpe) [os, osVersion] = osFromCpe(cpe)
  const type = OS_TYPES[note.type ?? ''] ?? 'generic'
  return formatPurl({
    type,
    namespace: type === 'generic' || os === '' ? (note.system ?? '') : os,
    name: note.name ?? '',
    version: note.version ?? '',
    qualifiers: { distro: os ? (osVersion ? `${os}-${osVersion}` : os) : undefined }
  })
}

export const elfPackageNoteCataloger: Cataloger = {
  name: ELF_NOTE_CATALOGER,
  wants: (file: FileCandidate) => isExecutableCandidate(file) || /\.so(\.|$)/.test(file.path),
  parse(file: CatalogedFile, ctx: CatalogContext): Package[] {
    const bytes = bytesOf(file)
    if (!isElf(bytes)) return []
    const elf = parseElf(bytes)
    const section = elf ? sectionData(elf, '.note.package') : undefined
    const desc = section && elf ? noteDescriptor(section, elf.littleEndian) : undefined
    if (!desc) return []
    let note: NotePayload
    try {
      note = JSON.parse(desc.toString('utf8').replace(/\0+$/, '')) as NotePayload
    } catch (cause) {
      ctx.warn(`${file.path} (layer ${file.layer.diffId}): .note.package is not JSON (${errorText(cause)})`)
      return []
    }
    if (typeof note.name !== 'string' || !note.name || typeof note.version !== 'string' || !note.version)
      return []
    const pkg: Package = {
      name: note.name,
      version: note.version,
      type: OS_TYPES[note.type ?? ''] ?? 'binary',
      purl: elfNotePurl(note),
      foundBy: ELF_NOTE_CATALOGER,
      locations: [file.path],
      metadata: { noteType: note.type ?? '', architecture: note.architecture ?? '' }
    }
    if (typeof note.license === 'string' && note.license) pkg.licenses = [note.license]
    return [pkg]
  }
}
