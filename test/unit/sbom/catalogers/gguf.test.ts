import { describe, expect, it } from '@jest/globals'
import { ggufCataloger, parseGgufHeader } from '../../../../src/sbom/catalogers/gguf.js'
import { ggufRootfs } from '../../../fixtures/sbom/gguf.js'
import { scanDir } from './scan-dir.js'

describe('gguf-cataloger', () => {
  it('names models from general.name or the file name, with version and license from the header', async () => {
    const { packages, warnings } = await scanDir(await ggufRootfs(), [ggufCataloger])
    expect(packages.map(p => [p.name, p.version, p.purl, p.licenses, p.locations[0]]).sort()).toEqual([
      ['TinyLlama Chat', 'v1.0', '', ['apache-2.0'], '/models/tinyllama/tinyllama-1.1b-chat-q4_k_m.gguf'],
      ['phi-mini', 'UNKNOWN', '', ['mit'], '/models/phi-mini.gguf']
    ])
    expect(packages[0]).toMatchObject({ type: 'model', foundBy: 'gguf-cataloger' })
    // The file cut inside its header reports nothing, with a warning.
    expect(warnings).toEqual(['GGUF header runs past the bytes read'])
  })

  it('rejects other files and headers whose counts run past the bytes', () => {
    expect(() => parseGgufHeader(Buffer.from('GGML0000'))).toThrow(/not a GGUF/)
    const header = Buffer.alloc(24)
    header.write('GGUF', 0, 'latin1')
    header.writeUInt32LE(3, 4)
    header.writeBigUInt64LE(0n, 8)
    header.writeBigUInt64LE(1n, 16)
    expect(() => parseGgufHeader(header)).toThrow(/runs past/)
    header.writeBigUInt64LE(70_000n, 16)
    expect(() => parseGgufHeader(header)).toThrow(/70000 metadata entries/)
  })
})
