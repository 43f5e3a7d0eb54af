// Choosing one image out of an index by platform, as `docker pull --platform` would.
import { platformString } from '../../oci/index.js'
import type { Descriptor, Platform } from '../../oci/index.js'
import { SbomError } from '../errors.js'

export { platformString } from '../../oci/index.js'

/** Parses "os/arch[/variant]"; throws naming the flag when malformed. */
export function parsePlatform(text: string): Platform {
  const parts = text.split('/')
  if (parts.length < 2 || parts.length > 3 || parts.some(p => p === '')) {
    throw new SbomError(
      'SBOM_PLATFORM_NOT_FOUND',
      `--platform "${text}" is not os/arch[/variant] (e.g. linux/arm64)`
    )
  }
  return { os: parts[0]!, architecture: parts[1]!, ...(parts[2] ? { variant: parts[2] } : {}) }
}

/** Attestation manifests (BuildKit's unknown/unknown) are not images. */
function isImage(d: Descriptor): boolean {
  return !(d.platform?.os === 'unknown' || d.annotations?.['vnd.docker.reference.type'])
}

export interface PlatformChoice {
  chosen: Descriptor
  others: string[]
}

/** Picks the wanted platform (default linux/amd64, or the only image) and lists the rest. */
export function choosePlatform(
  manifests: Descriptor[],
  wanted: string | undefined,
  where: string
): PlatformChoice {
  const images = manifests.filter(isImage)
  const names = images.map(d => (d.platform ? platformString(d.platform) : 'unknown'))
  let chosen: Descriptor | undefined
  if (wanted) {
    const w = parsePlatform(wanted)
    chosen =
      images.find(d => d.platform && platformString(d.platform) === platformString(w)) ??
      (w.variant
        ? undefined
        : images.find(d => d.platform?.os === w.os && d.platform.architecture === w.architecture))
  } else if (images.length === 1) {
    chosen = images[0]
  } else {
    chosen = images.find(d => d.platform?.os === 'linux' && d.platform.architecture === 'amd64')
  }
  if (!chosen) {
    throw new SbomError(
      'SBOM_PLATFORM_NOT_FOUND',
      `${where} has no ${wanted ?? 'linux/amd64'} image; it offers ${names.join(', ') || 'none'}: pass --platform with one of them`
    )
  }
  const others = images
    .filter(d => d !== chosen)
    .map(d => (d.platform ? platformString(d.platform) : d.digest))
  return { chosen, others }
}
