import { describe, expect, it } from '@jest/globals'
import { verifyCommands } from '../../../../src/pipeline/run/verify-commands.js'

const base = {
  ref: 'ghcr.io/o/app@sha256:' + 'b'.repeat(64),
  identity: 'https://github.com/o/app/.github/workflows/rel.yml@refs/tags/v1',
  issuer: 'https://token.actions.githubusercontent.com',
  repository: 'o/app',
  items: [
    { kind: 'signature' },
    { kind: 'provenance-v1' },
    { kind: 'provenance-v0.2' },
    { kind: 'sbom-cyclonedx' }
  ]
}

describe('verifyCommands', () => {
  it('maps each kind to cosign --type names (slsaprovenance is v0.2) for both formats', () => {
    const c = verifyCommands({ ...base, formats: ['legacy', 'referrers'] })
    expect(c.cosignV2.map(l => l.split(' ').slice(0, 4).join(' '))).toEqual([
      "cosign verify --certificate-identity 'https://github.com/o/app/.github/workflows/rel.yml@refs/tags/v1'",
      'cosign verify-attestation --type slsaprovenance1',
      'cosign verify-attestation --type slsaprovenance',
      'cosign verify-attestation --type cyclonedx'
    ])
    expect(c.gh[0]).toContain(`gh attestation verify oci://${base.ref} --bundle-from-oci --repo o/app`)
  })

  it('tells cosign v3 to read tags when only the tag layout is published, and v2 to read bundles when only those are', () => {
    expect(verifyCommands({ ...base, formats: ['legacy'] }).cosignV3[0]).toContain(
      '--new-bundle-format=false'
    )
    expect(verifyCommands({ ...base, formats: ['legacy'] }).gh).toEqual([])
    expect(verifyCommands({ ...base, formats: ['referrers'] }).cosignV2[0]).toContain(' --new-bundle-format ')
  })

  it('adds --trusted-root for private instances and quotes shell-special identities', () => {
    const c = verifyCommands({
      ...base,
      identity: "x'y",
      formats: ['referrers'],
      trustedRoot: '/r/trusted_root.json'
    })
    expect(c.cosignV3[0]).toContain(`--certificate-identity 'x'\\''y'`)
    expect(c.cosignV3[0]).toContain("--trusted-root '/r/trusted_root.json'")
    expect(c.gh[0]).toContain("--custom-trusted-root '/r/trusted_root.json'")
  })

  it('gives cosign the custom predicate type URI itself, quoted', () => {
    const c = verifyCommands({
      ...base,
      items: [{ kind: 'signature' }, { kind: 'custom', predicateType: 'https://example.com/t/v1?x=1&y' }],
      formats: ['legacy', 'referrers']
    })
    for (const lines of [c.cosignV2, c.cosignV3])
      expect(lines[1]).toMatch(
        /^cosign verify-attestation --type 'https:\/\/example\.com\/t\/v1\?x=1&y' --certificate-identity /
      )
  })

  it("selects OpenVEX documents with cosign's openvex name, once however many documents there are", () => {
    const c = verifyCommands({
      ...base,
      items: [
        { kind: 'signature' },
        { kind: 'openvex', predicateType: 'https://openvex.dev/ns' },
        { kind: 'openvex-2', predicateType: 'https://openvex.dev/ns' }
      ],
      formats: ['legacy', 'referrers']
    })
    for (const lines of [c.cosignV2, c.cosignV3]) {
      expect(lines).toHaveLength(2)
      expect(lines[1]).toMatch(/^cosign verify-attestation --type openvex --certificate-identity /)
    }
  })
})
