// Minimal, bounds-checked ELF reader: sections by name and virtual address → file bytes through PT_LOAD.
import { asBytes, type FileBytes } from './file-bytes.js'

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
  bytes: FileBytes
  is64: boolean
  littleEndian: boolean
  machine: number
  sections: ElfSection[]
  segments: ElfSegment[]
}

export const PT_LOAD = 1
export const PF_X = 1
export const PF_W = 2

export function isElf(data: Buffer | FileBytes): boolean {
  const head = asBytes(data).read(0, 4)
  return head.length === 4 && head.readUInt32BE(0) === 0x7f454c46 && asBytes(data).size >= 16
}

/** Header tables are read as needed, so a file on disk is never loaded whole. */
const MAX_TABLE = 16 * 1024 * 1024

/** Parses the headers; returns undefined (never throws) when they are truncated or inconsistent. */
export function parseElf(data: Buffer | FileBytes): ElfFile | undefined {
  const bytes = asBytes(data)
  if (!isElf(bytes)) return undefined
  const head = bytes.read(0, 64)
  const is64 = head[4] === 2
  const littleEndian = head[5] === 1
  if ((head[4] !== 1 && head[4] !== 2) || (head[5] !== 1 && head[5] !== 2)) return undefined
  const u16 = (b: Buffer, o: number): number => (littleEndian ? b.readUInt16LE(o) : b.readUInt16BE(o))
  const u32 = (b: Buffer, o: number): number => (littleEndian ? b.readUInt32LE(o) : b.readUInt32BE(o))
  const u64 = (b: Buffer, o: number): bigint => (littleEndian ? b.readBigUInt64LE(o) : b.readBigUInt64BE(o))
  const word = (b: Buffer, o: number): bigint => (is64 ? u64(b, o) : BigInt(u32(b, o)))
  const num = (b: Buffer, o: number): number => {
    const v = word(b, o)
    return v > BigInt(Number.MAX_SAFE_INTEGER) ? -1 : Number(v)
  }
  /** A table of `count` entries of `size` bytes at `offset`: as many whole entries as the file holds. */
  const table = (offset: number, size: number, count: number): Buffer =>
    offset > 0 && size > 0 ? bytes.read(offset, Math.min(size * count, MAX_TABLE)) : Buffer.alloc(0)
  try {
    const machine = u16(head, 18)
    const phoff = num(head, is64 ? 32 : 28)
    const shoff = num(head, is64 ? 40 : 32)
    const phentsize = u16(head, is64 ? 54 : 42)
    const phnum = u16(head, is64 ? 56 : 44)
    const shentsize = u16(head, is64 ? 58 : 46)
    const shnum = u16(head, is64 ? 60 : 48)
    const shstrndx = u16(head, is64 ? 62 : 50)
    const segments: ElfSegment[] = []
    const ph = table(phoff, phentsize, phnum)
    for (let i = 0; i < phnum && phoff > 0; i++) {
      const o = i * phentsize
      if (o + (is64 ? 56 : 32) > ph.length) break
      segments.push(
        is64
          ? {
              type: u32(ph, o),
              flags: u32(ph, o + 4),
              offset: num(ph, o + 8),
              vaddr: u64(ph, o + 16),
              filesz: num(ph, o + 32),
              memsz: num(ph, o + 40)
            }
          : {
              type: u32(ph, o),
              offset: u32(ph, o + 4),
              vaddr: BigInt(u32(ph, o + 8)),
              filesz: u32(ph, o + 16),
              memsz: u32(ph, o + 20),
              flags: u32(ph, o + 24)
            }
      )
    }
    const raw: Array<Omit<ElfSection, 'name'> & { nameOff: number }> = []
    const sh = table(shoff, shentsize, shnum)
    for (let i = 0; i < shnum && shoff > 0; i++) {
      const o = i * shentsize
      if (o + (is64 ? 64 : 40) > sh.length) break
      raw.push({
        nameOff: u32(sh, o),
        type: u32(sh, o + 4),
        addr: word(sh, o + (is64 ? 16 : 12)),
        offset: num(sh, o + (is64 ? 24 : 16)),
        size: num(sh, o + (is64 ? 32 : 20))
      })
    }
    const strtab = raw[shstrndx]
    const names =
      strtab && strtab.offset >= 0 && strtab.offset + strtab.size <= bytes.size
        ? bytes.read(strtab.offset, Math.min(strtab.size, MAX_TABLE))
        : Buffer.alloc(0)
    const sections = raw.map(({ nameOff, ...s }) => {
      const end = names.indexOf(0, nameOff)
      return {
        ...s,
        name: nameOff < names.length ? names.toString('latin1', nameOff, end < 0 ? names.length : end) : ''
      }
    })
    return { bytes, is64, littleEndian, machine, sections, segments }
  } catch {
    return undefined
  }
}

/** A section's bytes, or undefined when it is absent, NOBITS or runs past the end of the file. */
export function sectionData(elf: ElfFile, name: string): Buffer | undefined {
  const s = elf.sections.find(x => x.name === name)
  if (!s || s.type === 8 || s.offset < 0 || s.size < 0 || s.offset + s.size > elf.bytes.size) return undefined
  return elf.bytes.read(s.offset, s.size)
}

/** Bytes at a virtual address, from the PT_LOAD segment holding it; at most what the file holds. */
export function readAddress(elf: ElfFile, addr: bigint, length: number): Buffer | undefined {
  for (const p of elf.segments) {
    if (p.type !== PT_LOAD || addr < p.vaddr || addr >= p.vaddr + BigInt(p.filesz)) continue
    const start = p.offset + Number(addr - p.vaddr)
    const end = Math.min(start + length, p.offset + p.filesz, elf.bytes.size)
    if (start < 0 || start >= end) return undefined
    return elf.bytes.read(start, end - start)
  }
  return undefined
}
