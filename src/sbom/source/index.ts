// Turns the command-line source syntax into an image source.
import type { RegistryClient } from '../../oci/index.js'
import { openDockerArchive } from './docker-archive.js'
import { openOciLayout } from './oci-layout.js'
import { openRegistrySource } from './registry.js'
import type { FetchedImage } from './registry.js'
import type { ImageSource } from './types.js'

export type { ImageConfig, ImageSource } from './types.js'
export type { FetchedImage } from './registry.js'
export { parsePlatform, platformString } from './platform.js'

export interface OpenSourceOptions {
  platform?: string
  registry?: RegistryClient
  warn(message: string): void
}

/** "oci-layout:DIR[@digest]", "docker-archive:FILE", an image reference, or a registry image already read. */
export function openSource(source: string | FetchedImage, opts: OpenSourceOptions): Promise<ImageSource> {
  if (typeof source !== 'string') return openRegistrySource(source, opts.platform, opts.registry)
  if (source.startsWith('oci-layout:'))
    return openOciLayout(source.slice('oci-layout:'.length), opts.platform)
  if (source.startsWith('docker-archive:')) {
    return openDockerArchive(source.slice('docker-archive:'.length), opts.platform, opts.warn)
  }
  return openRegistrySource(source.replace(/^(registry|docker):(\/\/)?/, ''), opts.platform, opts.registry)
}
