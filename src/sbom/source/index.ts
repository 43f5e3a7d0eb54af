// Turns the command-line source syntax into an image source.
import type { RegistryClient } from '../../oci/index.js'
import { openDockerArchive } from './docker-archive.js'
import { openOciLayout } from './oci-layout.js'
import { openRegistrySource } from './registry.js'
import type { ImageSource } from './types.js'

export type { ImageConfig, ImageSource } from './types.js'
export { parsePlatform, platformString } from './platform.js'

export interface OpenSourceOptions {
  platform?: string
  registry?: RegistryClient
  warn(message: string): void
}

/** "oci-layout:DIR[@digest]", "docker-archive:FILE", or an image reference. */
export function openSource(source: string, opts: OpenSourceOptions): Promise<ImageSource> {
  if (source.startsWith('oci-layout:'))
    return openOciLayout(source.slice('oci-layout:'.length), opts.platform)
  if (source.startsWith('docker-archive:')) {
    return openDockerArchive(source.slice('docker-archive:'.length), opts.platform, opts.warn)
  }
  return openRegistrySource(source.replace(/^(registry|docker):(\/\/)?/, ''), opts.platform, opts.registry)
}
