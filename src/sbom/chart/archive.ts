// A Helm chart archive (gzipped tar, small) read whole into memory: its text files by path under the chart root.
import { gunzipSync } from 'node:zlib'
import { SbomError } from '../errors.js'
import {
  BLOCK,
  entryType,
  isZeroBlock,
  normalizeTarPath,
  parseHeader,
  parsePax
} from '../layers/tar-header.js'

/** Charts are kilobytes; a larger archive is not a chart (or a decompression bomb). */
export const MAX_CHART_BYTES = 64 * 1024 * 1024

/** Path (as in the archive, `gpu-operator/values.yaml`) → bytes; regular files only. */
export type ChartFiles = Map<string, Buffer>

export function readChartArchive(gz: Buffer, where: string): ChartFiles {
  let tar: Buffer
  try {
    tar = gunzipSync(gz, { maxOutputLength: MAX_CHART_BYTES })
  } catch (cause) {
    throw new SbomError('SBOM_BAD_SOURCE', `${where}: the chart layer is not a gzip archive under 64 MiB`, {
      cause
    })
  }
  const files: ChartFiles = new Map()
  let pos = 0
  let longName: string | undefined
  while (pos + BLOCK <= tar.length) {
    const block = tar.subarray(pos, pos + BLOCK)
    if (isZeroBlock(block)) break
    const header = parseHeader(block)
    const body = tar.subarray(pos + BLOCK, pos + BLOCK + header.size)
    pos += BLOCK + Math.ceil(header.size / BLOCK) * BLOCK
    // PAX and GNU long names name the next entry.
    if (header.typeflag === 'x') {
      longName = parsePax(body)['path'] ?? longName
      continue
    }
    if (header.typeflag === 'L') {
      longName = body.toString('utf8').replace(/\0+$/, '')
      continue
    }
    if (header.typeflag === 'g') continue
    const name = longName ?? header.name
    longName = undefined
    if (entryType(header.typeflag) !== 'file') continue
    const path = normalizeTarPath(name)
    if (path) files.set(path.replace(/^\/+/, ''), Buffer.from(body))
  }
  return files
}
