// The Linux kernel (x86 boot images: vmlinuz, bzImage) and its modules (`.modinfo` of lib/modules/**/*.ko*).
import { gunzipSync, zstdDecompressSync } from 'node:zlib'
import { formatPurl } from '../purl.js'
import { parseElf, sectionData } from './elf.js'
import type { CatalogContext, CatalogedFile, Cataloger, FileCandidate, Package } from './types.js'

export const KERNEL_CATALOGER = 'linux-kernel-cataloger'
const KERNEL_NAME = 'linux-kernel'
/** Boot images are 5–30 MB; the header fields read sit in the first 64 KiB but the reader buffers whole files. */
const IMAGE_CAP = 128 * 1024 * 1024
const MODULE_CAP = 64 * 1024 * 1024
/** Syft's limit for a decompressed module. */
const MODULE_DECOMPRESSED_CAP = 256 * 1024 * 1024

const IMAGE_NAMES = /^(kernel|vmlinux|vmlinuz|bzImage|zImage)(-.*)?$/
const MODULE_SUFFIXES = ['.ko', '.ko.gz', '.ko.xz', '.ko.zst']

function isKernelImage(path: string): boolean {
  return IMAGE_NAMES.test(path.slice(path.lastIndexOf('/') + 1))
}

/** `**\/lib/modules/**\/*.ko[.gz|.xz|.zst]`. */
function isModule(path: string): boolean {
  return path.includes('/lib/modules/') && MODULE_SUFFIXES.some(s => path.endsWith(s))
}

/**
 * The x86 boot protocol header: "HdrS" at 0x202, boot flag 0xAA55 at 0x1FE, protocol version (> 0x1FF) at
 * 0x206 and, at 0x20E, the offset (minus 0x200) of a NUL-terminated "6.1.0-57-cloud-amd64 (…) #1 SMP …".
 */
export function kernelImageVersion(data: Buffer): string | undefined {
  if (data.length < 0x212 || data.toString('latin1', 0x202, 0x206) !== 'HdrS') return undefined
  if (data.readUInt16LE(0x1fe) !== 0xaa55 || data.readUInt16LE(0x206) <= 0x1ff) return undefined
  const pointer = data.readUInt16LE(0x20e)
  if (pointer === 0) return undefined
  const start = pointer + 0x200
  if (start >= data.length || data[start] === 0) return undefined
  const end = data.indexOf(0, start)
  const text = data.toString('latin1', start, end < 0 ? data.length : end)
  return text.trim().split(/\s+/)[0] || undefined
}

/** `.modinfo` holds NUL-separated `key=value` strings. */
export function parseModinfo(section: Buffer): Map<string, string> {
  const fields = new Map<string, string>()
  for (const entry of section.toString('utf8').split('\0')) {
    if (entry === '') continue
    const eq = entry.indexOf('=')
    const key = eq < 0 ? entry : entry.slice(0, eq)
    // parm/parmtype repeat per parameter; the fields read here appear once (the last one wins, as in Syft).
    fields.set(key, eq < 0 ? '' : entry.slice(eq + 1))
  }
  return fields
}

function decompressModule(file: CatalogedFile, ctx: CatalogContext): Buffer | undefined {
  const where = `${file.path} (layer ${file.layer.diffId})`
  try {
    if (file.path.endsWith('.ko.gz'))
      return gunzipSync(file.data, { maxOutputLength: MODULE_DECOMPRESSED_CAP })
    if (file.path.endsWith('.ko.zst'))
      return zstdDecompressSync(file.data, { maxOutputLength: MODULE_DECOMPRESSED_CAP })
    if (file.path.endsWith('.ko.xz')) {
      // Node has no xz decoder and the project takes no dependency for one.
      ctx.warn(`${where}: xz-compressed kernel module not read`)
      return undefined
    }
  } catch (cause) {
    ctx.warn(`${where}: kernel module does not decompress (${(cause as Error).message})`)
    return undefined
  }
  return file.data
}

function kernelPackage(file: CatalogedFile): Package[] {
  const version = kernelImageVersion(file.data)
  if (!version) return []
  return [
    {
      name: KERNEL_NAME,
      version,
      type: 'linux-kernel',
      purl: formatPurl({ type: 'generic', name: KERNEL_NAME, version }),
      foundBy: KERNEL_CATALOGER,
      locations: [file.path],
      // Syft takes this CPE from the NVD dictionary rather than generating candidates.
      cpes: [`cpe:2.3:o:linux:linux_kernel:${version}:*:*:*:*:*:*:*`],
      // Modules name the kernel they were built for; they relate to a kernel of exactly that version.
      provides: [`${KERNEL_NAME}@${version}`]
    }
  ]
}

function modulePackage(file: CatalogedFile, ctx: CatalogContext): Package[] {
  const data = decompressModule(file, ctx)
  const elf = data ? parseElf(data) : undefined
  const section = elf ? sectionData(elf, '.modinfo') : undefined
  if (!section) return []
  const info = parseModinfo(section)
  const kernelVersion = (info.get('vermagic') ?? '').trim().split(/\s+/)[0] ?? ''
  const name = info.get('name') ?? ''
  if (kernelVersion === '' || name === '') return []
  const version = info.get('version') ?? ''
  // A namespaced name ("a/b") becomes the purl namespace, as Syft writes generic purls.
  const slash = name.indexOf('/')
  const pkg: Package = {
    name,
    version: version || 'UNKNOWN',
    type: 'linux-kernel-module',
    purl: formatPurl({
      type: 'generic',
      namespace: slash > 0 ? name.slice(0, slash) : '',
      name: slash > 0 ? name.slice(slash + 1) : name,
      version
    }),
    foundBy: KERNEL_CATALOGER,
    locations: [file.path],
    dependsOn: [`${KERNEL_NAME}@${kernelVersion}`],
    metadata: { kernelVersion }
  }
  const license = info.get('license')
  if (license) pkg.licenses = [license]
  return [pkg]
}

export const linuxKernelCataloger: Cataloger = {
  name: KERNEL_CATALOGER,
  wants: (file: FileCandidate) =>
    (isModule(file.path) && file.size <= MODULE_CAP) || (isKernelImage(file.path) && file.size <= IMAGE_CAP),
  parse(file: CatalogedFile, ctx: CatalogContext): Package[] {
    return isModule(file.path) ? modulePackage(file, ctx) : kernelPackage(file)
  }
}
