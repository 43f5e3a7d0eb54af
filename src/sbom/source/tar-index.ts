// Random access into an uncompressed tar (a `docker save` archive): one pass over the headers,
// seeking past bodies, then entries are streamed straight from their offsets.
import { errorText } from '../../errors/index.js'
import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { posix } from 'node:path'
import { SbomError } from '../errors.js'
import { BLOCK, isZeroBlock, normalizeTarPath, parseHeader, parsePax } from '../layers/tar-header.js'
import type { FileAccess } from './local-blobs.js'

interface IndexedEntry {
  offset: number
  size: number
  type: string
  linkname: string
}

async function indexTar(file: string): Promise<Map<string, IndexedEntry>> {
  const entries = new Map<string, IndexedEntry>()
  const handle = await open(file, 'r')
  try {
    const header = Buffer.alloc(BLOCK)
    let pos = 0
    let longName: string | undefined
    let pax: Record<string, string> = {}
    for (;;) {
      const { bytesRead } = await handle.read(header, 0, BLOCK, pos)
      if (bytesRead < BLOCK || isZeroBlock(header)) break
      const raw = parseHeader(header)
      const body = pos + BLOCK
      pos = body + Math.ceil(raw.size / BLOCK) * BLOCK
      if (raw.typeflag === 'L' || raw.typeflag === 'x') {
        const data = Buffer.alloc(Math.min(raw.size, 1 << 20))
        await handle.read(data, 0, data.length, body)
        if (raw.typeflag === 'L') longName = data.toString('utf8').replace(/\0+$/, '')
        else pax = parsePax(data)
        continue
      }
      const name = normalizeTarPath(pax['path'] ?? longName ?? raw.name)
      longName = undefined
      const size = pax['size'] ? Number(pax['size']) : raw.size
      pax = {}
      if (name) entries.set(name.slice(1), { offset: body, size, type: raw.typeflag, linkname: raw.linkname })
    }
  } finally {
    await handle.close()
  }
  return entries
}

/** FileAccess over the members of a tar file; symlinked members (legacy docker save) are followed. */
export async function tarAccess(file: string): Promise<FileAccess> {
  let entries: Map<string, IndexedEntry>
  try {
    entries = await indexTar(file)
  } catch (err) {
    throw new SbomError(
      'SBOM_BAD_ARCHIVE',
      `${file} is not a readable (uncompressed) tar archive: ${errorText(err)}; pass the output of "docker save" as is`,
      { cause: err }
    )
  }
  const find = (path: string): IndexedEntry => {
    let name = posix.normalize(path)
    for (let hops = 0; hops < 8; hops++) {
      const entry = entries.get(name)
      if (!entry) break
      if (entry.type !== '2' && entry.type !== '1') return entry
      name =
        entry.type === '1' ? posix.normalize(entry.linkname) : posix.join(posix.dirname(name), entry.linkname)
    }
    throw new SbomError('SBOM_BLOB_MISSING', `${file} has no member ${path}`)
  }
  return {
    where: file,
    async read(path) {
      const entry = find(path)
      const handle = await open(file, 'r')
      try {
        const data = Buffer.alloc(entry.size)
        await handle.read(data, 0, entry.size, entry.offset)
        return data
      } finally {
        await handle.close()
      }
    },
    async open(path) {
      const entry = find(path)
      if (entry.size === 0) return createReadStream(file, { start: 1, end: 0 })
      return createReadStream(file, {
        start: entry.offset,
        end: entry.offset + entry.size - 1,
        highWaterMark: 1024 * 1024
      })
    },
    size: async path => find(path).size,
    async exists(path) {
      try {
        find(path)
        return true
      } catch {
        return false
      }
    }
  }
}
