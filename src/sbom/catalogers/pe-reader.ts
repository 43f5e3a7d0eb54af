// Windows PE files (.exe/.dll): DOS header → PE header → optional header's data directories → section
// table, then the resource tree (version strings) and the COM descriptor (.NET evidence). Never throws.
import { walkResources } from './pe-resources.js'

const RESOURCE_DIRECTORY = 2
const COM_DESCRIPTOR_DIRECTORY = 14
/** Syft refuses data directories declaring more than this (a sparse file could claim gigabytes). */
const MAX_DIRECTORY_SIZE = 128 * 1024 * 1024
const SECTION_HEADER_SIZE = 40

export interface PeFile {
  /** VS_VERSIONINFO string fields (ProductName, FileVersion, CompanyName...). */
  versionResources: Map<string, string>
  /** A .NET assembly: a CLR runtime version in the COM descriptor or a CLRDEBUGINFO resource. */
  clr: boolean
  /** Parts that could not be read (the rest is still reported, as Syft does). */
  problems: string[]
}

interface Section {
  virtualAddress: number
  virtualSize: number
  rawPointer: number
}

/** The file's PE facts, or a string saying why it is not a readable PE file. */
export function readPe(data: Buffer): PeFile | string {
  if (data.length < 64) return 'shorter than a DOS header'
  if (data[0] !== 0x4d || data[1] !== 0x5a) return 'no MZ signature'
  const pe = data.readUInt32LE(60)
  if (pe + 26 > data.length) return `PE header offset ${pe} lies past the end`
  if (data.readUInt32BE(pe) !== 0x50450000) return 'no PE signature'
  const sectionCount = data.readUInt16LE(pe + 6)
  const magic = data.readUInt16LE(pe + 24)
  if (magic !== 0x10b && magic !== 0x20b) return `unknown optional header magic 0x${magic.toString(16)}`
  // Syft reads the fixed-size optional header and takes the section table right after it
  const optionalSize = magic === 0x10b ? 224 : 240
  const directories = pe + 24 + (magic === 0x10b ? 96 : 112)
  const table = pe + 24 + optionalSize
  if (table + sectionCount * SECTION_HEADER_SIZE > data.length) return 'section table cut short'
  const sections: Section[] = []
  for (let i = 0; i < sectionCount; i++) {
    const at = table + i * SECTION_HEADER_SIZE
    sections.push({
      virtualSize: data.readUInt32LE(at + 8),
      virtualAddress: data.readUInt32LE(at + 12),
      rawPointer: data.readUInt32LE(at + 20)
    })
  }
  const problems: string[] = []
  const directory = (index: number, label: string): { rva: number; bytes: Buffer } | undefined => {
    const rva = data.readUInt32LE(directories + 8 * index)
    const size = data.readUInt32LE(directories + 8 * index + 4)
    if (size === 0 || rva === 0) return undefined
    const read = readAtRva(data, sections, rva, size)
    if (typeof read === 'string') problems.push(`${label}: ${read}`)
    return typeof read === 'string' ? undefined : { rva, bytes: read }
  }

  const rsrc = directory(RESOURCE_DIRECTORY, 'resource directory')
  const walk = rsrc ? walkResources(rsrc.bytes, rsrc.rva) : undefined
  if (walk?.stopped) problems.push(`resource directory: ${walk.stopped}`)
  const com = directory(COM_DESCRIPTOR_DIRECTORY, 'COM descriptor')
  let runtime = false
  if (com && com.bytes.length < 8) problems.push('COM descriptor: shorter than its header')
  // cb, then MajorRuntimeVersion and MinorRuntimeVersion: both set means a .NET assembly
  else if (com) runtime = com.bytes.readUInt16LE(4) !== 0 && com.bytes.readUInt16LE(6) !== 0
  return {
    versionResources: walk?.fields ?? new Map(),
    clr: runtime || (walk?.clrDebugInfo ?? false),
    problems
  }
}

/** The bytes a data directory names: its address mapped through the first section that holds it. */
function readAtRva(data: Buffer, sections: Section[], rva: number, size: number): Buffer | string {
  const section = sections.find(
    s => rva >= s.virtualAddress && rva < (s.virtualAddress + s.virtualSize) >>> 0
  )
  if (!section) return `address 0x${rva.toString(16)} is in no section`
  const offset = (section.rawPointer + (rva - section.virtualAddress)) >>> 0
  if (size > MAX_DIRECTORY_SIZE) return `declares ${size} bytes, over the ${MAX_DIRECTORY_SIZE} limit`
  if (data.length - offset < size) return `${size} bytes at offset ${offset} run past the end of the file`
  return data.subarray(offset, offset + size)
}
