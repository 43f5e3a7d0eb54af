// An OCI image layout directory (index.json, blobs/), as `crane pull --format=oci` or skopeo write.
import { createReadStream } from 'node:fs'
import { access, readFile, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { SbomError } from '../errors.js'
import { layoutStore, parseJson, type FileAccess } from './local-blobs.js'
import { resolveImage } from './resolve.js'
import type { ImageSource } from './types.js'

export function directoryAccess(dir: string): FileAccess {
  const at = (path: string) => join(dir, path)
  return {
    where: dir,
    read: path => readFile(at(path)),
    open: async path => {
      await access(at(path))
      return createReadStream(at(path), { highWaterMark: 1024 * 1024 })
    },
    size: async path => (await stat(at(path))).size,
    exists: path =>
      access(at(path)).then(
        () => true,
        () => false
      )
  }
}

/** Reads the image of an OCI layout given as "DIR" or "DIR@sha256:…" (one manifest of index.json). */
export async function openOciLayout(spec: string, platform: string | undefined): Promise<ImageSource> {
  const at = spec.lastIndexOf('@sha256:')
  const dir = resolve(at === -1 ? spec : spec.slice(0, at))
  const pick = at === -1 ? undefined : spec.slice(at + 1)
  const files = directoryAccess(dir)
  if (!(await files.exists('index.json'))) {
    throw new SbomError('SBOM_BAD_SOURCE', `${dir} is not an OCI image layout (no index.json)`)
  }
  return openLayout(files, pick, platform, 'oci-layout', dir)
}

export async function openLayout(
  files: FileAccess,
  pick: string | undefined,
  platform: string | undefined,
  kind: ImageSource['kind'],
  name: string
): Promise<ImageSource> {
  const index = parseJson(await files.read('index.json'), `${files.where}: index.json`) as {
    manifests?: Array<{
      digest: string
      mediaType: string
      size: number
      annotations?: Record<string, string>
    }>
  }
  let entries = index.manifests ?? []
  if (pick) entries = entries.filter(m => m.digest === pick)
  if (entries.length === 0) {
    throw new SbomError('SBOM_BAD_SOURCE', `${files.where}: index.json lists no ${pick ?? 'manifest'}`)
  }
  const store = layoutStore(files)
  // One entry (often an index itself) is the image; several are either platforms or separate images.
  const root =
    entries.length === 1
      ? await store.manifest(entries[0]!)
      : { json: { manifests: entries }, digest: 'index.json' }
  const image = await resolveImage(root, store, platform, files.where)
  const tag =
    entries.length === 1 ? entries[0]!.annotations?.['org.opencontainers.image.ref.name'] : undefined
  return { kind, name, version: tag ?? image.manifestDigest, ...image }
}
