import { describe, expect, it } from '@jest/globals'
import { choosePlatform, parsePlatform } from '../../../../src/sbom/source/platform.js'

const d = (os: string, architecture: string, variant?: string, annotations?: Record<string, string>) => ({
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  digest: `sha256:${os}${architecture}${variant ?? ''}`,
  size: 1,
  platform: { os, architecture, ...(variant ? { variant } : {}) },
  ...(annotations ? { annotations } : {})
})

describe('platform choice in an index', () => {
  const index = [
    d('linux', 'arm64', 'v8'),
    d('linux', 'amd64'),
    d('linux', 'arm', 'v7'),
    d('unknown', 'unknown', undefined, { 'vnd.docker.reference.type': 'attestation-manifest' })
  ]

  it('defaults to linux/amd64 and lists the other images, not attestation manifests', () => {
    const { chosen, others } = choosePlatform(index, undefined, 'img')
    expect(chosen.platform).toEqual({ os: 'linux', architecture: 'amd64' })
    expect(others).toEqual(['linux/arm64/v8', 'linux/arm/v7'])
  })

  it('matches os/arch without a variant, and an exact variant', () => {
    expect(choosePlatform(index, 'linux/arm64', 'img').chosen.platform?.variant).toBe('v8')
    expect(choosePlatform(index, 'linux/arm/v7', 'img').chosen.platform?.architecture).toBe('arm')
    expect(() => choosePlatform(index, 'linux/arm/v6', 'img')).toThrow(
      expect.objectContaining({
        code: 'SBOM_PLATFORM_NOT_FOUND',
        message: expect.stringMatching(
          /no linux\/arm\/v6 image; it offers linux\/arm64\/v8, linux\/amd64, linux\/arm\/v7/
        )
      })
    )
  })

  it('takes the only image whatever its platform, and refuses a malformed --platform', () => {
    expect(choosePlatform([d('linux', 's390x')], undefined, 'img').chosen.platform?.architecture).toBe(
      's390x'
    )
    expect(() => parsePlatform('amd64')).toThrow(
      expect.objectContaining({
        code: 'SBOM_PLATFORM_NOT_FOUND',
        message: expect.stringMatching(/not os\/arch\[\/variant\]/)
      })
    )
  })
})
