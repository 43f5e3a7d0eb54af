import { describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { Readable } from 'node:stream'
import zlib from 'node:zlib'
import { bytesOf } from '../../../../src/sbom/catalogers/file-bytes.js'
import type { CatalogedFile, Cataloger } from '../../../../src/sbom/catalogers/types.js'
import { decompressed } from '../../../../src/sbom/layers/decompress.js'
import { resolveLimits } from '../../../../src/sbom/layers/limits.js'
import { scanLayers } from '../../../../src/sbom/layers/scan.js'
import { buildTar } from '../../../fixtures/sbom/build-synthetic-tar.js'
import { compress, execCataloger, layerFrom, lineCataloger, scan } from './helpers.js'

const db = (...pkgs: string[]) => pkgs.join('\n') + '\n'

describe('layer reader: formats', () => {
  for (const kind of ['gzip', 'zstd', 'none'] as const) {
    it(`reads a ${kind} layer`, async () => {
      const tar = buildTar([
        { type: 'dir', path: 'var/lib/x' },
        { type: 'file', path: 'var/lib/x/pkgdb', data: db('a 1', 'b 2') }
      ])
      const { names, warnings } = await scan([compress(tar, kind)])
      expect(names).toEqual(['a@1', 'b@2'])
      expect(warnings).toEqual([])
    })
  }

  it('reads every frame of a multi-frame zstd layer, skippable frames included (zstd:chunked)', async () => {
    // zstd:chunked compresses each file on its own and puts its table of contents in skippable frames.
    const tar = buildTar([
      { type: 'dir', path: 'var/lib/x' },
      { type: 'file', path: 'var/lib/x/pkgdb', data: db('first 1') },
      { type: 'file', path: 'opt/big.bin', data: Buffer.alloc(400_000, 1) },
      { type: 'dir', path: 'usr/lib/y' },
      { type: 'file', path: 'usr/lib/y/pkgdb', data: db('last 2') }
    ])
    const skippable = Buffer.concat([Buffer.from([0x5e, 0x2a, 0x4d, 0x18, 5, 0, 0, 0]), Buffer.from('toc!!')])
    const cuts = [0, 1024, 1536, 300_000, 402_432, tar.length]
    const frames = cuts
      .slice(1)
      .flatMap((end, i) => [
        zlib.zstdCompressSync(tar.subarray(cuts[i], end)),
        ...(i === 2 ? [skippable] : [])
      ])
    const blob = Buffer.concat(frames)
    // Frame boundaries inside chunks, at chunk edges, and one chunk holding everything; the chunks are
    // lent like the bulk GET's (one buffer, overwritten for the next), so nothing may hold on to one.
    for (const size of [7, frames[0]!.length, 65_536, blob.length]) {
      const lent = Buffer.alloc(size)
      const source = {
        ...layerFrom(0, blob),
        open: async () =>
          (async function* () {
            for (let i = 0; i < blob.length; i += size) {
              lent.fill(0)
              yield lent.subarray(0, blob.copy(lent, 0, i, i + size))
            }
          })()
      }
      const warnings: string[] = []
      const result = await scanLayers({
        layers: [source],
        catalogers: [lineCataloger],
        limits: resolveLimits(),
        warn: m => warnings.push(m)
      })
      expect(result.packages.map(p => `${p.name}@${p.version}`).sort()).toEqual(['first@1', 'last@2'])
      expect(warnings).toEqual([])
    }
    // Bytes after the last frame that are no frame: the layer is corrupt, as for gzip.
    await expect(scan([Buffer.concat([blob, Buffer.alloc(64)])])).rejects.toMatchObject({
      code: 'SBOM_CORRUPT_LAYER'
    })
  })

  it('releases each decompressed buffer once read, and never the source chunks of a plain tar', async () => {
    const tar = Buffer.from(Array.from({ length: 3 * 1024 * 1024 }, (_, i) => (i * 7919) % 251))
    const want = createHash('sha256').update(tar).digest('hex')
    for (const kind of ['gzip', 'zstd'] as const) {
      const chunks: Buffer[] = []
      const hash = createHash('sha256')
      for await (const c of decompressed(Readable.from([compress(tar, kind)]))) {
        hash.update(c)
        chunks.push(c)
      }
      expect(hash.digest('hex')).toBe(want)
      // The decoder's full output buffers are freed as the reader moves on (their views read empty).
      const spent = chunks.slice(0, -1).filter(c => c.length === 0).length
      expect({ kind, spent }).toEqual({ kind, spent: chunks.length - 1 })
    }
    // Uncompressed layers pass the source's (lent) chunks through: those are not ours to free.
    const source = [tar.subarray(0, 1 << 20), Buffer.from(tar.subarray(1 << 20))]
    for await (const c of decompressed(Readable.from(source))) expect(c.length).toBeGreaterThan(0)
    expect(source.map(c => c.length)).toEqual([1 << 20, tar.length - (1 << 20)])
    expect(tar.buffer.byteLength).toBeGreaterThan(0)
  })

  it('follows GNU long names and PAX paths', async () => {
    const deep = 'opt/' + 'd'.repeat(90) + '/' + 'e'.repeat(90)
    const gnu = buildTar([{ type: 'file', path: `${deep}/pkgdb`, data: db('gnu 1') }], { longNames: 'gnu' })
    const pax = buildTar([{ type: 'file', path: `${deep}/x/pkgdb`, data: db('pax 1') }], { longNames: 'pax' })
    const { packages } = await scan([compress(gnu, 'gzip'), compress(pax, 'zstd')])
    expect(packages.map(p => p.locations[0]).sort()).toEqual([`/${deep}/pkgdb`, `/${deep}/x/pkgdb`])
  })

  it('gives a hardlink the bytes of its target', async () => {
    const tar = buildTar([
      { type: 'file', path: 'bin/real', data: 'ELF-ish bytes', mode: 0o755 },
      { type: 'hardlink', path: 'bin/alias', target: 'bin/real' }
    ])
    const { packages } = await scan([tar], [execCataloger])
    const versions = new Map(packages.flatMap(p => p.locations.map(l => [l, p.version])))
    expect(versions.get('/bin/alias')).toBe(versions.get('/bin/real'))
    expect(versions.get('/bin/alias')).toMatch(/^13-/)
  })
})

describe('layer reader: files read', () => {
  it('lists a file several catalogers read once, and a hidden one not at all', async () => {
    const second: Cataloger = { ...execCataloger, name: 'exec-cataloger-2' }
    const lower = buildTar([
      { type: 'file', path: 'bin/tool', data: 'old tool', mode: 0o755 },
      { type: 'file', path: 'bin/gone', data: 'removed', mode: 0o755 }
    ])
    const upper = buildTar([
      { type: 'file', path: 'bin/tool', data: 'new tool', mode: 0o755 },
      { type: 'file', path: 'bin/.wh.gone', data: '' }
    ])
    const { files, packages } = await scan([lower, upper], [execCataloger, second])
    // Hashing is for file components only: off by default, the bytes' SHA-256 when asked for.
    expect(files.map(f => [f.path, f.layer.index, f.sha256])).toEqual([['/bin/tool', 1, '']])
    const hashed = await scanLayers({
      layers: [layerFrom(0, lower), layerFrom(1, upper)],
      catalogers: [execCataloger, second],
      limits: resolveLimits(),
      warn: () => undefined,
      hashFiles: true
    })
    expect(hashed.files.map(f => f.sha256)).toEqual([createHash('sha256').update('new tool').digest('hex')])
    // The packages still come from the upper file (8 bytes), none from the whited-out one.
    expect(packages.map(p => [p.locations[0], p.version.split('-')[0]])).toEqual([['/bin/tool', '8']])
  })
})

describe('layer reader: merge', () => {
  const base = buildTar([{ type: 'file', path: 'var/lib/x/pkgdb', data: db('a 1', 'b 2') }])

  it('applies a whiteout of the file and of a parent directory', async () => {
    const wh = buildTar([{ type: 'file', path: 'var/lib/x/.wh.pkgdb', data: '' }])
    expect((await scan([base, wh])).names).toEqual([])
    const whDir = buildTar([{ type: 'file', path: 'var/lib/.wh.x', data: '' }])
    expect((await scan([base, whDir])).names).toEqual([])
  })

  it('hides lower children of an opaque directory but keeps its own layer', async () => {
    const opq = buildTar([
      { type: 'file', path: 'var/lib/x/.wh..wh..opq', data: '' },
      { type: 'file', path: 'var/lib/x/sub/pkgdb', data: db('c 3') }
    ])
    expect((await scan([base, opq])).names).toEqual(['c@3'])
  })

  it('drops a lower subtree replaced by a file, and keeps unrelated siblings', async () => {
    const other = buildTar([{ type: 'file', path: 'var/lib/y/pkgdb', data: db('y 1') }])
    const replace = buildTar([{ type: 'file', path: 'var/lib/x', data: 'now a file' }])
    expect((await scan([base, other, replace])).names).toEqual(['y@1'])
  })

  it('takes the upper copy of a database and credits packages to the first layer listing them', async () => {
    const upper = buildTar([{ type: 'file', path: 'var/lib/x/pkgdb', data: db('a 1', 'b 3', 'n 1') }])
    const { packages, names } = await scan([base, upper])
    expect(names).toEqual(['a@1', 'b@3', 'n@1'])
    const layerOf = new Map(packages.map(p => [p.name, p.layer?.index]))
    expect(Object.fromEntries(layerOf)).toEqual({ a: 0, b: 1, n: 1 })
    expect(packages.find(p => p.name === 'a')!.layer!.diffId).toBe('sha256:diff0')
  })

  it('parses databases again once the distro of the final filesystem is known', async () => {
    const osr = buildTar([{ type: 'file', path: 'etc/os-release', data: 'ID=debian\nVERSION_ID="12"\n' }])
    const { packages, distro } = await scan([base, osr])
    expect(distro?.id).toBe('debian')
    expect(packages.map(p => p.purl).sort()).toEqual([
      'pkg:test/a@1?distro=debian-12',
      'pkg:test/b@2?distro=debian-12'
    ])
  })

  it('resolves symlinked parent directories for whiteouts', async () => {
    const l0 = buildTar([
      { type: 'dir', path: 'usr/lib/db' },
      { type: 'symlink', path: 'var/lib/db', target: '../../usr/lib/db' }
    ])
    const l1 = buildTar([{ type: 'file', path: 'var/lib/db/pkgdb', data: db('s 1') }])
    const l2 = buildTar([{ type: 'file', path: 'usr/lib/db/.wh.pkgdb', data: '' }])
    expect((await scan([l0, l1])).names).toEqual(['s@1'])
    expect((await scan([l0, l1, l2])).names).toEqual([])
  })
})

describe('layer reader: bad input', () => {
  const good = buildTar([{ type: 'file', path: 'var/lib/x/pkgdb', data: db('a 1') }])

  it('skips entries that escape the root, with a warning naming the layer and entry', async () => {
    const tar = buildTar([
      { type: 'raw', name: '../../etc/pkgdb', typeflag: '0', data: Buffer.from(db('evil 1')) },
      { type: 'raw', name: '/abs/pkgdb', typeflag: '0', data: Buffer.from(db('abs 1')) },
      { type: 'file', path: 'ok/pkgdb', data: db('ok 1') }
    ])
    const { names, warnings } = await scan([tar])
    expect(names).toEqual(['ok@1'])
    expect(warnings.join('\n')).toMatch(
      /layer 0 \(sha256:[0-9a-f]{64}\): skipped tar entry "\.\.\/\.\.\/etc\/pkgdb": path escapes the root/
    )
    expect(warnings.join('\n')).toMatch(/"\/abs\/pkgdb": absolute path/)
  })

  it('fails a truncated gzip or zstd layer with SBOM_CORRUPT_LAYER naming the layer', async () => {
    for (const kind of ['gzip', 'zstd'] as const) {
      const blob = compress(good, kind)
      const cut = blob.subarray(0, blob.length - 20)
      await expect(scan([cut])).rejects.toMatchObject({
        code: 'SBOM_CORRUPT_LAYER',
        message: expect.stringMatching(/layer 0 \(sha256:/)
      })
    }
  })

  it('fails a tar cut inside an entry and one with a bad header checksum', async () => {
    const long = buildTar([
      { type: 'file', path: 'var/lib/x/pkgdb', data: db(...Array.from({ length: 200 }, (_, i) => `p${i} 1`)) }
    ])
    await expect(scan([long.subarray(0, 1000)])).rejects.toMatchObject({
      code: 'SBOM_CORRUPT_LAYER',
      message: expect.stringMatching(/tar ends inside an entry/)
    })
    // Only the zero padding of the last entry missing: the content is whole, so it is read.
    expect((await scan([good.subarray(0, 512 + 4)])).names).toEqual(['a@1'])
    const bad = Buffer.from(good)
    bad[0] = 0x41
    await expect(scan([bad])).rejects.toMatchObject({
      code: 'SBOM_CORRUPT_LAYER',
      message: expect.stringMatching(/checksum/)
    })
  })

  it('stops a decompression bomb at the per-layer cap', async () => {
    const bomb = zlib.gzipSync(
      buildTar([{ type: 'file', path: 'zeros', data: Buffer.alloc(8 * 1024 * 1024) }])
    )
    expect(bomb.length).toBeLessThan(64 * 1024)
    await expect(scan([bomb], [lineCataloger], { maxLayerBytes: 1024 * 1024 })).rejects.toMatchObject({
      code: 'SBOM_LAYER_TOO_LARGE'
    })
  })

  it('skips a wanted file above the per-file cap with a warning', async () => {
    const tar = buildTar([
      { type: 'file', path: 'big/pkgdb', data: Buffer.alloc(4096, 0x20) },
      { type: 'file', path: 'small/pkgdb', data: db('s 1') }
    ])
    const { names, warnings } = await scan([tar], [lineCataloger], { maxFileBytes: 1000 })
    expect(names).toEqual(['s@1'])
    expect(warnings.join('\n')).toMatch(/skipped \/big\/pkgdb: 4096 bytes is above the per-file cap/)
  })

  it('spills files above the buffer cap to a temp file and removes it', async () => {
    const spills = () => readdirSync(tmpdir()).filter(n => n.startsWith('oci-attest-sbom-')).length
    const before = spills()
    const big = db(...Array.from({ length: 5000 }, (_, i) => `p${i} ${i}`))
    const { names } = await scan(
      [compress(buildTar([{ type: 'file', path: 'x/pkgdb', data: big }]), 'gzip')],
      [lineCataloger],
      {
        maxBufferedFileBytes: 1024
      }
    )
    expect(names).toHaveLength(5000)
    expect(spills()).toBe(before)
  })

  it('gives catalogers a spilled file by position, and whole only when they read data', async () => {
    const spills = () => readdirSync(tmpdir()).filter(n => n.startsWith('oci-attest-sbom-')).length
    const before = spills()
    const body = Buffer.from(Array.from({ length: 256 * 1024 }, (_, i) => (i * 31) % 251))
    const seen: string[] = []
    const probe = (name: string, read: (file: CatalogedFile) => Buffer): Cataloger => ({
      name,
      wants: f => f.path === '/bin/tool',
      parse: file => {
        const part = read(file)
        seen.push(
          `${name} ${file.bytes ? 'by position' : 'in memory'} ${part.equals(body.subarray(1000, 1100))}`
        )
        return []
      }
    })
    const byPosition = probe('headers', file => bytesOf(file).read(1000, 100))
    const whole = probe('whole', file => file.data.subarray(1000, 1100))
    const blob = compress(buildTar([{ type: 'file', path: 'bin/tool', data: body, mode: 0o755 }]), 'zstd')
    await scan([blob], [byPosition, whole], { maxBufferedFileBytes: 4096 })
    await scan([blob], [byPosition, whole])
    expect(seen).toEqual([
      'headers by position true',
      'whole by position true',
      'headers in memory true',
      'whole in memory true'
    ])
    expect(spills()).toBe(before)
  })

  it('reports a digest mismatch from the blob stream as SBOM_DIGEST_MISMATCH', async () => {
    const source = layerFrom(0, compress(good, 'gzip'))
    source.open = async () =>
      new Readable({
        read() {
          this.destroy(
            Object.assign(new Error('blob sha256:abc does not match'), { code: 'DIGEST_MISMATCH' })
          )
        }
      })
    await expect(
      scanLayers({
        layers: [source],
        catalogers: [lineCataloger],
        limits: resolveLimits(),
        warn: () => undefined
      })
    ).rejects.toMatchObject({ code: 'SBOM_DIGEST_MISMATCH' })
  })

  it('survives random corruption of layers without crashing or hanging (bounded fuzz)', async () => {
    const seedTar = buildTar(
      [
        { type: 'dir', path: 'var/lib/x' },
        { type: 'file', path: 'var/lib/x/pkgdb', data: db('a 1', 'b 2') },
        { type: 'symlink', path: 'lnk', target: 'var' },
        { type: 'file', path: 'opt/' + 'n'.repeat(120) + '/pkgdb', data: db('c 1') }
      ],
      { longNames: 'pax' }
    )
    let rnd = 12345
    const rand = (n: number) => (rnd = (rnd * 1103515245 + 12345) & 0x7fffffff) % n
    const deadline = Date.now() + 3000
    let runs = 0
    while (Date.now() < deadline) {
      const kind = (['gzip', 'zstd', 'none'] as const)[runs % 3]!
      const blob = Buffer.from(compress(seedTar, kind))
      for (let k = 0; k < 1 + rand(8); k++) blob[rand(blob.length)] = rand(256)
      const cut = rand(4) === 0 ? blob.subarray(0, rand(blob.length)) : blob
      try {
        await scan([cut], [lineCataloger], { maxLayerBytes: 1 << 20, maxFileBytes: 1 << 16 })
      } catch (err) {
        expect((err as { code?: string }).code).toMatch(/^SBOM_/)
      }
      runs++
    }
    expect(runs).toBeGreaterThan(50)
  })
})

describe('layer reader: integrity', () => {
  for (const kind of ['gzip', 'none'] as const) {
    it(`reads a ${kind} blob to its end so a digest mismatch after the tar end marker is still caught`, async () => {
      const blob = compress(buildTar([{ type: 'file', path: 'a/pkgdb', data: db('a 1') }]), kind)
      const source = layerFrom(0, blob)
      source.open = async () =>
        Readable.from(
          (async function* () {
            yield blob
            yield Buffer.alloc(4096)
            throw Object.assign(new Error('blob does not match its digest'), { code: 'DIGEST_MISMATCH' })
          })()
        )
      await expect(
        scanLayers({
          layers: [source],
          catalogers: [lineCataloger],
          limits: resolveLimits(),
          warn: () => undefined
        })
      ).rejects.toMatchObject({ code: 'SBOM_DIGEST_MISMATCH' })
    })
  }
})

describe('layer reader: broken downloads', () => {
  const blob = zlib.gzipSync(
    buildTar([
      { type: 'file', path: 'x/pkgdb', data: db('a 1') },
      { type: 'file', path: 'pad', data: Buffer.alloc(300_000, 7) }
    ])
  )
  const breaking = (failures: number, code: string) => {
    let opened = 0
    const source = layerFrom(0, blob)
    source.open = async () => {
      opened++
      if (opened > failures) return Readable.from([blob])
      return Readable.from(
        (async function* () {
          yield blob.subarray(0, 5000)
          throw Object.assign(new Error('the connection broke after 5000 bytes'), { code })
        })()
      )
    }
    return { source, opened: () => opened }
  }
  const run = (source: ReturnType<typeof layerFrom>, warnings: string[]) =>
    scanLayers({
      layers: [source],
      catalogers: [lineCataloger],
      limits: resolveLimits(),
      warn: m => warnings.push(m)
    })

  it('reads a layer again when the connection breaks mid-blob', async () => {
    const { source, opened } = breaking(2, 'HTTP_NETWORK')
    const warnings: string[] = []
    const result = await run(source, warnings)
    expect(result.packages.map(p => p.name)).toEqual(['a'])
    expect(opened()).toBe(3)
    expect(warnings.filter(w => /reading it again/.test(w))).toHaveLength(2)
  })

  it('gives up after two retries, and never retries bad bytes', async () => {
    await expect(run(breaking(3, 'HTTP_NETWORK').source, [])).rejects.toMatchObject({
      code: 'SBOM_CORRUPT_LAYER'
    })
    const mismatch = breaking(1, 'DIGEST_MISMATCH')
    await expect(run(mismatch.source, [])).rejects.toMatchObject({ code: 'SBOM_DIGEST_MISMATCH' })
    expect(mismatch.opened()).toBe(1)
  })
})

describe('layer reader: binaries owned by OS packages', () => {
  const osDb: Cataloger = {
    name: 'os-db',
    wants: f => f.path === '/var/lib/osdb',
    parse: file => [
      {
        name: 'tool',
        version: '1',
        type: 'deb',
        purl: 'pkg:deb/x/tool@1',
        foundBy: 'dpkg-db-cataloger',
        locations: [file.path],
        files: [{ path: '/bin/tool' }]
      }
    ]
  }
  const classifier: Cataloger = {
    name: 'binary-classifier-cataloger',
    wants: f => f.path.endsWith('/tool'),
    parse: file => [
      {
        name: 'tool',
        version: '1',
        type: 'binary',
        purl: 'pkg:generic/tool@1',
        foundBy: 'binary-classifier-cataloger',
        locations: [file.path]
      }
    ]
  }

  it('drops a classified binary its OS package owns, judging ownership through symlinked directories', async () => {
    const tar = buildTar([
      { type: 'file', path: 'var/lib/osdb', data: 'x' },
      { type: 'symlink', path: 'bin', target: 'usr/bin' },
      { type: 'file', path: 'usr/bin/tool', data: 'binary', mode: 0o755 },
      { type: 'file', path: 'opt/tool', data: 'another copy', mode: 0o755 }
    ])
    const { packages } = await scan([tar], [osDb, classifier])
    expect(packages.map(p => `${p.type}:${p.locations.join(',')}`).sort()).toEqual([
      'binary:/opt/tool',
      'deb:/var/lib/osdb'
    ])
  })
})

describe('layer reader: empty input', () => {
  it('reads an empty blob, an empty gzip layer and no layers at all', async () => {
    expect((await scan([Buffer.alloc(0)])).names).toEqual([])
    expect((await scan([zlib.gzipSync(Buffer.alloc(0)), zlib.gzipSync(Buffer.alloc(1024))])).names).toEqual(
      []
    )
    expect((await scan([])).packages).toEqual([])
  })
})

describe('layer reader: symlink cap', () => {
  it('remembers a bounded number of symlinks per layer, with a warning', async () => {
    const links = Array.from({ length: 20 }, (_, i) => ({
      type: 'symlink' as const,
      path: `l/${i}`,
      target: 'x'
    }))
    const { warnings } = await scan([buildTar(links)], [lineCataloger], { maxSymlinksPerLayer: 5 })
    expect(warnings).toEqual([expect.stringMatching(/layer 0 \(sha256:[0-9a-f]+\): more than 5 symlinks/)])
  })
})

describe('layer reader: enrich passes', () => {
  it('runs enrich() when no file was kept for it, and keeps no file a cataloger declines to keep', async () => {
    const seen: string[][] = []
    const pairing: Cataloger = {
      name: 'pairing-cataloger',
      // Never asks for the distro, so nothing is kept for a second parse either.
      parse: file =>
        file.path.endsWith('/pkgdb')
          ? ['kept', 'dropped'].map(name => ({
              name,
              version: '1',
              type: 'test',
              purl: `pkg:test/${name}@1`,
              foundBy: 'pairing-cataloger',
              locations: [file.path]
            }))
          : [],
      // Wants the database and a side file that declares nothing.
      wants: f => f.path.endsWith('/pkgdb') || f.path.endsWith('/side'),
      keepForEnrich: f => !f.path.endsWith('/side'),
      enrich(packages, files) {
        seen.push(files.map(f => f.path))
        packages.splice(0, packages.length, ...packages.filter(p => p.name !== 'dropped'))
      }
    }
    const tar = buildTar([
      { type: 'dir', path: 'var/lib/x' },
      { type: 'file', path: 'var/lib/x/pkgdb', data: db('kept 1', 'dropped 1') },
      { type: 'file', path: 'var/lib/x/side', data: 'undeclared\n' }
    ])
    const { names } = await scan([compress(tar, 'none')], [pairing])
    expect(names).toEqual(['kept@1'])
    expect(seen).toEqual([[]])
  })
})
