// Minimal, bounds-checked ELF reader: sections by name and virtual address → file bytes through PT_LOAD.

export interface ElfSection {
  name: string
  type: number
  addr: bigint
  offset: number
  size: number
}

export interface ElfSegment {
  type: number
  flags: number
  offset: number
  vaddr: bigint
  filesz: number
  memsz: number
}

export interface ElfFile {
  data: Buffer
  is64: boolean
  littleEndian: boolean
  machine: number
  sections: ElfSection[]
  segments: ElfSegment[]
}

export const PT_LOAD = 1
export const PF_X = 1
export const PF_W = 2

export function isElf(data: Buffer): boolean {
  return data.length >= 16 && data.readUInt32BE(0) === 0x7f454c46
}

/** Parses the headers; returns undefined (never throws) when they are truncated or inconsistent. */
export function parseElf(data: Buffer): ElfFile | undefined {
  if (!isElf(data)) return undefined
  const is64 = data[4] === 2
  const littleEndian = data[5] === 1
  if ((data[4] !== 1 && data[4] !== 2) || (data[5] !== 1 && data[5] !== 2)) return undefined
  const u16 = (o: number): number => (littleEndian ? data.readUInt16LE(o) : data.readUInt16BE(o))
  const u32 = (o: number): number => (littleEndian ? data.readUInt32LE(o) : data.readUInt32BE(o))
  const u64 = (o: number): bigint => (littleEndian ? data.readBigUInt64LE(o) : data.readBigUInt64BE(o))
  const word = (o: number): bigint => (is64 ? u64(o) : BigInt(u32(o)))
  const num = (o: number): number => {
    const v = word(o)
    return v > BigInt(Number.MAX_SAFE_INTEGER) ? -1 : Number(v)
  }
  try {
    const machine = u16(18)
    const phoff = num(is64 ? 32 : 28)
    const shoff = num(is64 ? 40 : 32)
    const phentsize = u16(is64 ? 54 : 42)
    const phnum = u16(is64 ? 56 : 44)
    const shentsize = u16(is64 ? 58 : 46)
    const shnum = u16(is64 ? 60 : 48)
    const shstrndx = u16(is64 ? 62 : 50)
    const segments: ElfSegment[] = []
    for (let i = 0; i < phnum && phoff > 0; i++) {
      const o = phoff + i * phentsize
      if (o + (is64 ? 56 : 32) > data.length) break
      segments.push(
        is64
          ? {
              type: u32(o),
              flags: u32(o + 4),
              offset: num(o + 8),
              vaddr: u64(o + 16),
              filesz: num(o + 32),
              memsz: num(o + 40)
            }
          : {
              type: u32(o),
              offset: u32(o + 4),
              vaddr: BigInt(u32(o + 8)),
              filesz: u32(o + 16),
              memsz: u32(o + 20),
              flags: u32(o + 24)
            }
      )
    }
    const raw: Array<Omit<ElfSection, 'name'> & { nameOff: number }> = []
    for (let i = 0; i < shnum && shoff > 0; i++) {
      const o = shoff + i * shentsize
      if (o + (is64 ? 64 : 40) > data.length) break
      raw.push({
        nameOff: u32(o),
        type: u32(o + 4),
        addr: word(o + (is64 ? 16 : 12)),
        offset: num(o + (is64 ? 24 : 16)),
        size: num(o + (is64 ? 32 : 20))
      })
    }
    const strtab = raw[shstrndx]
    const names =
      strtab && strtab.offset >= 0 && strtab.offset + strtab.size <= data.length
        ? data.subarray(strtab.offset, strtab.offset + strtab.size)
        : Buffer.alloc(0)
    const sections = raw.map(({ nameOff, ...s }) => {
      const end = names.indexOf(0, nameOff)
      return {
        ...s,
        name: nameOff < names.length ? names.toString('latin1', nameOff, end < 0 ? names.length : end) : ''
      }
    })
    return { data, is64, littleEndian, machine, sections, segments }
  } catch {
    return undefined
  }
}

/** A section's bytes, or undefined when it is absent, NOBITS or runs past the end of the file. */
export function sectionData(elf: ElfFile, name: string): Buffer | undefined {
  const s = elf.sections.find(x => x.name === name)
  if (!s || s.type === 8 || s.offset < 0 || s.size < 0 || s.offset + s.size > elf.data.length)
    return undefined
  return elf.data.subarray(s.offset, s.offset + s.size)
}

/** Bytes at a virtual address, from the PT_LOAD segment holding it; at most what the file holds. */
export function readAddress(elf: ElfFile, addr: bigint, length: number): Buffer | undefined {
  for (const p of elf.segments) {
    if (p.type !== PT_LOAD || addr < p.vaddr || addr >= p.vaddr + BigInt(p.filesz)) continue
    const start = p.offset + Number(addr - p.vaddr)
    const end = Math.min(start + length, p.offset + p.filesz, elf.data.length)
    if (start < 0 || start >= end) return undefined
    return elf.data.subarray(start, end)
  }
  return undefined
}
