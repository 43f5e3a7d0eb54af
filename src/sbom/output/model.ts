// The format-neutral description of an SBOM that both writers (CycloneDX, SPDX) render.
import type { Distro, Package } from '../catalogers/types.js'
import type { ScannedFile } from '../layers/scan.js'

export interface SbomSubject {
  /** Repository or file name. */
  name: string
  /** Tag or digest. */
  version: string
  manifestDigest?: string
  platform: string
  otherPlatforms: string[]
  labels: Record<string, string>
}

export interface SbomModel {
  subject: SbomSubject
  distro?: Distro
  /** Sorted by the generator (purl, name, version, first location). */
  packages: Package[]
  /** Final files catalogers read; only written when file components are asked for. */
  files?: ScannedFile[]
  tool: { name: string; version: string }
}

export interface WriteOptions {
  /** Serial number / namespace seed and timestamp; defaults are random / now (fixed in tests). */
  serialNumber?: string
  timestamp?: Date
}
