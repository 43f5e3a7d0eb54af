import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { getInputs, InputError } from '../../../../src/pipeline/run/inputs.js'

const DIGEST = 'sha256:' + 'a'.repeat(64)
const actionYml = parse(readFileSync('action.yml', 'utf8')) as {
  inputs: Record<string, { default?: string }>
}

/** Behaves like the runner: declared defaults apply when an input is not set. */
function getter(values: Record<string, string>) {
  const read: string[] = []
  const get = (name: string): string => {
    read.push(name)
    if (!(name in actionYml.inputs)) throw new Error(`input ${name} is read but not declared in action.yml`)
    return values[name] ?? actionYml.inputs[name]?.default ?? ''
  }
  return { get, read }
}

describe('getInputs', () => {
  it('maps every declared input to a field, with action.yml defaults', () => {
    const { get, read } = getter({ subjects: 'ghcr.io/nvidia/gpu-operator:v1.2.3', 'github-token': 'ghs_x' })
    const inputs = getInputs(get)
    expect(new Set(read)).toEqual(new Set(Object.keys(actionYml.inputs)))
    expect(inputs).toEqual({
      subjects: ['ghcr.io/nvidia/gpu-operator:v1.2.3'],
      subjectPaths: [],
      platforms: 'both',
      sbom: { kind: 'generate' },
      sbomFormat: 'cyclonedx-json',
      sbomReferrer: false,
      provenance: ['v1', 'v0.2'],
      formats: ['legacy', 'referrers'],
      pushToRegistry: true,
      githubAttestations: 'auto',
      verify: true,
      showSummary: true,
      dryRun: 'auto',
      registryUsername: undefined,
      registryPassword: undefined,
      githubToken: 'ghs_x',
      // No URL defaults: the signing config (public good's unless signing-config says otherwise) chooses them.
      fulcioUrl: undefined,
      rekorUrl: undefined,
      tsaUrl: undefined,
      signingConfig: undefined,
      trustedRoot: undefined,
      allowPublicRekorForPrivateRepos: false,
      timeoutMs: 30 * 60_000,
      sbomFormatGiven: false,
      formatsGiven: false,
      insecureIgnoreSct: false,
      vex: []
    })
  })

  it('puts subject-name@subject-digest first and drops duplicates and comments', () => {
    const { get } = getter({
      'subject-name': 'ghcr.io/o/r',
      'subject-digest': DIGEST,
      subjects: `ghcr.io/o/chart:1.0 # the chart\n\nghcr.io/o/r@${DIGEST}\n`
    })
    expect(getInputs(get).subjects).toEqual([`ghcr.io/o/r@${DIGEST}`, 'ghcr.io/o/chart:1.0'])
  })

  it('reads the timeout as a duration and refuses what is not one, naming the input', () => {
    const at = (timeout: string) => getInputs(getter({ subjects: 'r/x:1', timeout }).get).timeoutMs
    expect(at('90s')).toBe(90_000)
    expect(at('1h')).toBe(3_600_000)
    expect(at('45')).toBe(45 * 60_000)
    expect(at('1500ms')).toBe(1500)
    expect(() => at('soon')).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        input: 'timeout',
        message: 'input "timeout": "soon" is not a duration: write e.g. 30m, 90s or 1h'
      })
    )
    expect(() => at('0s')).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        message: expect.stringContaining('is not a duration')
      })
    )
  })

  it('reads lists, none and file SBOMs', () => {
    const { get } = getter({
      subjects: 'r/x:1',
      provenance: 'none',
      formats: 'referrers',
      sbom: 'out/sbom.json',
      'sbom-referrer': 'true'
    })
    const inputs = getInputs(get)
    expect(inputs.sbomReferrer).toBe(true)
    expect(inputs.provenance).toEqual([])
    expect(inputs.formats).toEqual(['referrers'])
    expect(inputs.sbom).toEqual({ kind: 'file', path: 'out/sbom.json' })
  })

  it('reads subject-path as actions/attest does (lines and commas), and files alone are enough', () => {
    const { get } = getter({ 'subject-path': 'dist/*.tar.gz, bin/app\n  SHA256SUMS\n\nbin/app' })
    const inputs = getInputs(get)
    expect(inputs.subjects).toEqual([])
    expect(inputs.subjectPaths).toEqual(['dist/*.tar.gz', 'bin/app', 'SHA256SUMS'])
    expect(inputs.subjectChecksums).toBeUndefined()
    const checksums = getInputs(getter({ 'subject-checksums': 'SHA256SUMS' }).get)
    expect(checksums.subjectChecksums).toBe('SHA256SUMS')
    expect(checksums.subjectPaths).toEqual([])
    const mixed = getInputs(getter({ subjects: 'r/x:1', 'subject-path': 'a' }).get)
    expect([mixed.subjects, mixed.subjectPaths]).toEqual([['r/x:1'], ['a']])
  })

  const bad: Array<[string, Record<string, string>, RegExp]> = [
    ['no subject', {}, /input "subjects": no subject given: set subjects, subject-path or subject-checksums/],
    ['blank subject-path', { 'subject-path': ' , \n' }, /input "subjects": no subject given/],
    ['digest without name', { 'subject-digest': DIGEST }, /input "subject-name": is required/],
    [
      'short digest',
      { 'subject-name': 'r/x', 'subject-digest': 'sha256:abc' },
      /input "subject-digest": "sha256:abc"/
    ],
    ['name with tag', { 'subject-name': 'ghcr.io/o/r:1', 'subject-digest': DIGEST }, /must not carry a tag/],
    ['boolean', { subjects: 'r/x:1', verify: 'yes' }, /input "verify": "yes" is not a boolean/],
    [
      'enum',
      { subjects: 'r/x:1', platforms: 'all' },
      /input "platforms": "all" is not one of both, index, platforms/
    ],
    [
      'list item',
      { subjects: 'r/x:1', formats: 'legacy,oci' },
      /input "formats": "oci" is not one of legacy, referrers/
    ],
    ['url', { subjects: 'r/x:1', 'rekor-url': 'rekor' }, /input "rekor-url": "rekor" is not a URL/],
    ['half credentials', { subjects: 'r/x:1', 'registry-username': 'u' }, /input "registry-password"/],
    ['sbom format', { subjects: 'r/x:1', 'sbom-format': 'spdx' }, /input "sbom-format"/]
  ]
  it.each(bad)('rejects %s with an error naming the input', (_label, values, message) => {
    const { get } = getter(values)
    let error: unknown
    try {
      getInputs(get)
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InputError)
    expect((error as Error).message).toMatch(message)
  })
})
