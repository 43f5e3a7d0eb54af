import { describe, expect, it } from '@jest/globals'
import { parseModinfo, readGoBuildInfoRaw } from '../../../../src/sbom/catalogers/go-buildinfo.js'

const VADDR = 0x400000n

/**
 * A minimal ELF64 whose one writable PT_LOAD holds a pre-Go-1.18 build info header: pointers to Go string
 * headers instead of inline strings. No Go < 1.18 toolchain is reachable here, so the layout is built by hand.
 */
function pointerFormatElf(version: string, modinfo: string): Buffer {
  const buf = Buffer.alloc(1024)
  buf.writeUInt32BE(0x7f454c46, 0)
  buf[4] = 2 // 64-bit
  buf[5] = 1 // little endian
  buf[6] = 1
  buf.writeUInt16LE(2, 16) // ET_EXEC
  buf.writeUInt16LE(62, 18) // x86-64
  buf.writeBigUInt64LE(64n, 32) // phoff
  buf.writeUInt16LE(56, 54) // phentsize
  buf.writeUInt16LE(1, 56) // phnum
  buf.writeUInt32LE(1, 64) // PT_LOAD
  buf.writeUInt32LE(6, 68) // PF_R | PF_W
  buf.writeBigUInt64LE(0n, 72) // offset
  buf.writeBigUInt64LE(VADDR, 80)
  buf.writeBigUInt64LE(1024n, 96) // filesz
  buf.writeBigUInt64LE(1024n, 104) // memsz
  buf.write('\xff Go buildinf:', 128, 'latin1')
  buf[142] = 8 // pointer size
  buf[143] = 0 // little endian, pointer format
  buf.writeBigUInt64LE(VADDR + 160n, 144)
  buf.writeBigUInt64LE(VADDR + 176n, 152)
  buf.writeBigUInt64LE(VADDR + 192n, 160)
  buf.writeBigUInt64LE(BigInt(version.length), 168)
  buf.write(version, 192, 'latin1')
  const modAt = 192 + version.length
  buf.writeBigUInt64LE(VADDR + BigInt(modAt), 176)
  buf.writeBigUInt64LE(BigInt(Buffer.byteLength(modinfo)), 184)
  buf.write(modinfo, modAt, 'utf8')
  return buf
}

const SENTINEL = '0123456789abcdef'
const MODINFO = `${SENTINEL}path\texample.com/old\nmod\texample.com/old\tv1.0.0\th1:x=\ndep\tgolang.org/x/sys\tv0.1.0\th1:y=\n${SENTINEL}`

describe('Go build info', () => {
  it('reads the pre-1.18 pointer format through the PT_LOAD address mapping', () => {
    const raw = readGoBuildInfoRaw(pointerFormatElf('go1.16.15', MODINFO))
    expect(raw?.goVersion).toBe('go1.16.15')
    const info = parseModinfo(raw!.goVersion, raw!.modinfo)
    expect(info.main).toEqual({ path: 'example.com/old', version: 'v1.0.0', sum: 'h1:x=' })
    expect(info.deps).toEqual([{ path: 'golang.org/x/sys', version: 'v0.1.0', sum: 'h1:y=' }])
  })

  it('returns nothing for pointers that lead outside the file', () => {
    const elf = pointerFormatElf('go1.16.15', MODINFO)
    elf.writeBigUInt64LE(0x7fff0000n, 144)
    expect(readGoBuildInfoRaw(elf)).toBeUndefined()
  })

  it('unquotes build settings the way go writes them', () => {
    const info = parseModinfo(
      'go1.22.0',
      'build\t-ldflags="-X main.version=1.2.3 -s"\nbuild\tCGO_ENABLED=0\nbuild\t"weird key"=v\n'
    )
    expect(info.settings).toEqual([
      ['-ldflags', '-X main.version=1.2.3 -s'],
      ['CGO_ENABLED', '0'],
      ['weird key', 'v']
    ])
  })
})
