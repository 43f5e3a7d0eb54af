// What every image source (registry, OCI layout, docker save archive) yields to the generator.
import type { LayerSource } from '../layers/scan.js'

export interface ImageConfig {
  os?: string
  architecture?: string
  variant?: string
  config?: { Labels?: Record<string, string> | null }
  rootfs?: { type?: string; diff_ids?: string[] }
}

export interface ImageSource {
  kind: 'registry' | 'oci-layout' | 'docker-archive'
  /** Repository ("ghcr.io/org/app") or the file the image came from. */
  name: string
  /** Tag, else manifest digest. */
  version: string
  /** Digest of the platform image manifest, when the source has one. */
  manifestDigest?: string
  /** "os/arch[/variant]" of the image read. */
  platform: string
  /** Other platforms an index offered. */
  otherPlatforms: string[]
  config: ImageConfig
  layers: LayerSource[]
}
