// Every input's bad values through node dist/index.js: the step fails before any network write, naming the input.
import { describe, expect, test } from '@jest/globals'
import { readBedState } from '../bed/state.js'
import { pushSampleImage } from '../bed/tools/sample-image.js'
import { bedSigstoreInputs, runAction } from './support/action-runner.js'
import { logMarks, logSince } from './support/bed-logs.js'

const state = readBedState()
const host = state.registries.distribution.host
const DIGEST = `sha256:${'a'.repeat(64)}`
const good = { subjects: `${host}/e2e/never-pushed@${DIGEST}` }

/** [inputs, pattern the ::error:: line must match]. */
const CASES: [string, Record<string, string>, RegExp][] = [
  ['no subject at all', { subjects: '' }, /input "subjects": no subject given/],
  [
    'subject-digest without subject-name',
    { subjects: '', 'subject-digest': DIGEST },
    /input "subject-name": is required/
  ],
  [
    'subject-name without subject-digest',
    { subjects: '', 'subject-name': `${host}/a` },
    /input "subject-digest": is required/
  ],
  [
    'subject-digest not sha256',
    { subjects: '', 'subject-name': `${host}/a`, 'subject-digest': 'sha256:abc' },
    /input "subject-digest": "sha256:abc" is not sha256/
  ],
  [
    'subject-name with a tag',
    { subjects: '', 'subject-name': `${host}/a:v1`, 'subject-digest': DIGEST },
    /input "subject-name": .* must not carry a tag/
  ],
  [
    'subjects line that is no reference',
    { subjects: 'Not A Reference!' },
    /Not A Reference! \[plan\]: not an image reference/
  ],
  [
    'subjects digest missing from the registry',
    good,
    /never-pushed@sha256:a+ \[plan\]: .* push the artifact first/
  ],
  [
    'platforms',
    { ...good, platforms: 'all' },
    /input "platforms": "all" is not one of both, index, platforms/
  ],
  [
    'sbom file missing',
    { ...good, sbom: '/nonexistent/sbom.json' },
    /SBOM file \/nonexistent\/sbom.json cannot be read/
  ],
  [
    'sbom-format',
    { ...good, 'sbom-format': 'xml' },
    /input "sbom-format": "xml" is not one of cyclonedx-json, spdx-json/
  ],
  [
    'predicate-type not a URI',
    { ...good, 'predicate-type': 'test-result', predicate: '{}' },
    /input "predicate-type": "test-result" is not an absolute URI/
  ],
  [
    'predicate-type reserved',
    { ...good, 'predicate-type': 'https://slsa.dev/provenance/v1', predicate: '{}' },
    /input "predicate-type": "https:\/\/slsa.dev\/provenance\/v1" is written by oci-attest itself; use the provenance input/
  ],
  [
    'predicate-type without a predicate',
    { ...good, 'predicate-type': 'https://example.com/p/v1' },
    /input "predicate-type": is given without a predicate; set predicate-path/
  ],
  [
    'predicate-path missing',
    { ...good, 'predicate-type': 'https://example.com/p/v1', 'predicate-path': '/nonexistent/p.json' },
    /input "predicate-path": file \/nonexistent\/p.json cannot be read/
  ],
  [
    'predicate not JSON',
    { ...good, 'predicate-type': 'https://example.com/p/v1', predicate: 'passed' },
    /input "predicate": the inline predicate is not valid JSON/
  ],
  [
    'predicate without predicate-type',
    { ...good, predicate: '{}' },
    /input "predicate": is given without predicate-type/
  ],
  ['provenance', { ...good, provenance: 'v3' }, /input "provenance": "v3" is not one of v1, v0.2/],
  ['formats', { ...good, formats: 'tags' }, /input "formats": "tags" is not one of legacy, referrers/],
  [
    'push-to-registry',
    { ...good, 'push-to-registry': 'yes' },
    /input "push-to-registry": "yes" is not a boolean/
  ],
  [
    'github-attestations',
    { ...good, 'github-attestations': 'always' },
    /input "github-attestations": "always" is not one of auto, true, false/
  ],
  ['verify', { ...good, verify: 'on' }, /input "verify": "on" is not a boolean/],
  ['show-summary', { ...good, 'show-summary': '1' }, /input "show-summary": "1" is not a boolean/],
  ['dry-run', { ...good, 'dry-run': 'maybe' }, /input "dry-run": "maybe" is not one of auto, true, false/],
  [
    'registry-username alone',
    { ...good, 'registry-username': 'u' },
    /input "registry-password": registry-username and registry-password must be given together/
  ],
  [
    'registry-password alone',
    { ...good, 'registry-password': 'p' },
    /input "registry-username": registry-username and registry-password must be given together/
  ],
  ['fulcio-url', { ...good, 'fulcio-url': 'not a url' }, /input "fulcio-url": "not a url" is not a URL/],
  [
    'rekor-url',
    { ...good, 'rekor-url': 'ftp://rekor' },
    /input "rekor-url": "ftp:\/\/rekor" must be an http\(s\) URL/
  ],
  ['tsa-url', { ...good, 'tsa-url': '::' }, /input "tsa-url": "::" is not a URL/],
  [
    'signing-config missing',
    { ...good, 'signing-config': '/nonexistent/signing_config.json' },
    /input "signing-config": signing config \/nonexistent\/signing_config.json cannot be read \(ENOENT\)/
  ],
  [
    'allow-public-rekor-for-private-repos',
    { ...good, 'allow-public-rekor-for-private-repos': 'sure' },
    /input "allow-public-rekor-for-private-repos": "sure" is not a boolean/
  ]
]

describe('bad input values', () => {
  test.each(CASES)('%s', async (_name, inputs, expected) => {
    const sigstore = await bedSigstoreInputs(state)
    const marks = await logMarks(state)
    const run = await runAction(state, { ...sigstore, ...inputs })
    expect(run.code).toBe(1)
    const error =
      run.stdout.split('\n').find(l => l.startsWith('::error::')) ?? `(no ::error:: line)\n${run.stdout}`
    expect(error).toMatch(expected)
    const logged = await logSince(state, marks)
    expect([...logged.fulcio!, ...logged.rekor!]).toEqual([])
  })

  test('a trusted-root that is not a trusted root fails at the identity phase, naming the file', async () => {
    const repo = `e2e/root-${Date.now().toString(36)}`
    const digest = await pushSampleImage(state, 'distribution', repo, 'v1')
    const sigstore = await bedSigstoreInputs(state)
    const marks = await logMarks(state)
    const run = await runAction(state, {
      ...sigstore,
      subjects: `${host}/${repo}@${digest}`,
      'trusted-root': '/nonexistent/root.json',
      'dry-run': 'false'
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(
      /::error::\[Identity: OIDC token\]: trusted root \/nonexistent\/root.json cannot be read/
    )
    const logged = await logSince(state, marks)
    expect([...logged.fulcio!, ...logged.rekor!]).toEqual([])
  })
})
