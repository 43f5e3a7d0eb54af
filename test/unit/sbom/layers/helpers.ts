// Test catalogers and in-memory layer sources for the reader tests (no real catalogers needed).
import { createHash } from 'node:crypto'
import { Readable } from 'node:stream'
import zlib from 'node:zlib'
import type { Cataloger, Package } from '../../../../src/sbom/catalogers/types.js'
import { resolveLimits, type ReaderLimits } from '../../../../src/sbom/layers/limits.js'
import { scanLayers, type LayerSource } from '../../../../src/sbom/layers/scan.js'

/** Reads "name version" lines from any file named `pkgdb`; purls carry the distro to prove re-parsing. */
export const lineCataloger: Cataloger = {
  name: 'line-db-cataloger',
  wants: f => f.path.endsWith('/pkgdb'),
  parse(file, ctx) {
    const distro = ctx.distro ? `?distro=${ctx.distro.id}-${ctx.distro.versionId ?? ''}` : ''
    const out: Package[] = []
    for (const line of file.data.toString('utf8').split('\n')) {
      const [name, version] = line.trim().split(/\s+/)
      if (!name || !version) continue
      out.push({
        name,
        version,
        type: 'test',
        purl: `pkg:test/${name}@${version}${distro}`,
        foundBy: 'line-db-cataloger',
        locations: [file.path]
      })
    }
    return out
  }
}

/** Wants every executable; reports size and hash so tests see which bytes arrived (purl per path). */
export const execCataloger: Cataloger = {
  name: 'exec-cataloger',
  wants: f => (f.mode & 0o111) !== 0,
  parse(file) {
    const digest = createHash('sha256').update(file.data).digest('hex').slice(0, 12)
    return [
      {
        name: file.path.split('/').pop()!,
        version: `${file.data.length}-${digest}`,
        type: 'exec',
        purl: `pkg:generic/x?path=${file.path}`,
        foundBy: 'exec-cataloger',
        locations: [file.path]
      }
    ]
  }
}

export type Compress = 'gzip' | 'zstd' | 'none'

export function compress(tar: Buffer, kind: Compress): Buffer {
  if (kind === 'gzip') return zlib.gzipSync(tar)
  if (kind === 'zstd') return zlib.zstdCompressSync(tar)
  return tar
}

export function layerFrom(index: number, blob: Buffer, chunk = 7777): LayerSource {
  return {
    index,
    digest: 'sha256:' + createHash('sha256').update(blob).digest('hex'),
    diffId: `sha256:diff${index}`,
    mediaType: 'application/vnd.oci.image.layer.v1.tar',
    size: blob.length,
    open: async () => Readable.from(chunks(blob, chunk))
  }
}

function* chunks(buf: Buffer, size: number): Generator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size)
}

export async function scan(
  blobs: Buffer[],
  catalogers: Cataloger[] = [lineCataloger],
  limits: Partial<ReaderLimits> = {}
) {
  const warnings: string[] = []
  const result = await scanLayers({
    layers: blobs.map((b, i) => layerFrom(i, b)),
    catalogers,
    limits: resolveLimits(limits),
    warn: m => warnings.push(m)
  })
  const names = result.packages.map(p => `${p.name}@${p.version}`).sort()
  return { ...result, names, warnings }
}
