// A `docker save` archive: manifest.json with legacy <id>/layer.tar members or (Docker ≥ 25) OCI blobs.
import { resolve } from 'node:path'
import { SbomError } from '../errors.js'
import { openVerified, parseJson } from './local-blobs.js'
import { openLayout } from './oci-layout.js'
import { parsePlatform, platformString } from './platform.js'
import { tarAccess } from './tar-index.js'
import type { ImageConfig, ImageSource } from './types.js'
import { computeDigest } from '../../oci/index.js'

const BLOB_NAME = /^(?:blobs\/sha256\/|sha256:)?([a-f0-9]{64})(?:\.tar(?:\.gz|\.zst)?)?$/

interface SaveManifest {
  Config: string
  RepoTags?: string[] | null
  Layers: string[]
}

export async function openDockerArchive(
  spec: string,
  platform: string | undefined,
  warn: (m: string) => void
): Promise<ImageSource> {
  const file = resolve(spec)
  const files = await tarAccess(file)
  if (!(await files.exists('manifest.json'))) {
    if (await files.exists('index.json'))
      return openLayout(files, undefined, platform, 'docker-archive', file)
    throw new SbomError(
      'SBOM_BAD_ARCHIVE',
      `${file} has neither manifest.json nor index.json: not a docker save archive`
    )
  }
  const list = parseJson(await files.read('manifest.json'), `${file}: manifest.json`) as SaveManifest[]
  if (!Array.isArray(list) || list.length === 0 || !list[0]?.Config || !Array.isArray(list[0].Layers)) {
    throw new SbomError('SBOM_BAD_ARCHIVE', `${file}: manifest.json lists no image`)
  }
  if (list.length > 1)
    warn(
      `${file} holds ${list.length} images; reading the first (${list[0].RepoTags?.[0] ?? list[0].Config})`
    )
  const image = list[0]
  const configBytes = await files.read(image.Config)
  const configDigest = computeDigest(configBytes)
  const named = BLOB_NAME.exec(image.Config)?.[1] ?? /^([a-f0-9]{64})\.json$/.exec(image.Config)?.[1]
  if (named && `sha256:${named}` !== configDigest) {
    throw new SbomError('SBOM_DIGEST_MISMATCH', `${file}: ${image.Config} hashes to ${configDigest}`)
  }
  const config = parseJson(configBytes, `${file}: ${image.Config}`) as ImageConfig
  if (platform && !platformString(config).startsWith(platformString(parsePlatform(platform)))) {
    throw new SbomError(
      'SBOM_PLATFORM_NOT_FOUND',
      `${file} holds a ${platformString(config)} image, not ${platform}: drop --platform or save the ${platform} image`
    )
  }
  const diffIds = config.rootfs?.diff_ids ?? []
  if (diffIds.length !== image.Layers.length) {
    throw new SbomError(
      'SBOM_BAD_ARCHIVE',
      `${file}: ${image.Layers.length} layers but the config lists ${diffIds.length} diff_ids`
    )
  }
  const layers = await Promise.all(
    image.Layers.map(async (path, index) => {
      // Members named by a digest (blobs/sha256/<hex>, go-containerregistry's sha256:<hex>.tar.gz) hold
      // that blob; legacy <id>/layer.tar members are the uncompressed diff itself.
      const blobHex = BLOB_NAME.exec(path)?.[1]
      const digest = blobHex ? `sha256:${blobHex}` : diffIds[index]!
      const size = await files.size(path)
      return {
        index,
        digest,
        diffId: diffIds[index]!,
        mediaType: 'application/vnd.oci.image.layer.v1.tar',
        size,
        open: () => openVerified(files, path, digest)
      }
    })
  )
  const tag = image.RepoTags?.[0]
  const colon = tag ? tag.lastIndexOf(':') : -1
  return {
    kind: 'docker-archive',
    name: tag && colon > 0 ? tag.slice(0, colon) : file,
    version: tag && colon > 0 ? tag.slice(colon + 1) : configDigest,
    platform: platformString(config),
    otherPlatforms: [],
    config,
    layers
  }
}
