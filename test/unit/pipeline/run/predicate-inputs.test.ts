import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { getInputs, InputError } from '../../../../src/pipeline/run/inputs.js'
import { readCustomPredicate } from '../../../../src/attest/custom-predicate.js'

const actionYml = parse(readFileSync('action.yml', 'utf8')) as {
  inputs: Record<string, { default?: string }>
}
const TYPE = 'https://example.com/attestations/test-result/v1'
const dir = mkdtempSync(join(tmpdir(), 'predicate-inputs-'))
const file = (name: string, content: string): string => {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}

/** getInputs as the runner calls it: declared defaults, one subject, the predicate inputs given. */
function inputs(values: Record<string, string>) {
  return getInputs(name => values[name] ?? actionYml.inputs[name]?.default ?? '')
}
function inputError(values: Record<string, string>): InputError {
  try {
    inputs({ subjects: 'ghcr.io/o/app:v1', ...values })
  } catch (err) {
    if (err instanceof InputError) return err
    throw err
  }
  throw new Error('no InputError')
}

describe('custom predicate inputs', () => {
  it('reads predicate-type with a predicate file into one typed predicate', () => {
    const path = file('ok.json', '{"result":"passed","tests":3}')
    expect(
      inputs({ subjects: 'ghcr.io/o/app:v1', 'predicate-type': TYPE, 'predicate-path': path }).customPredicate
    ).toEqual({ predicateType: TYPE, predicate: { result: 'passed', tests: 3 }, source: path })
  })

  it('reads an inline predicate', () => {
    expect(
      inputs({ subjects: 'ghcr.io/o/app:v1', 'predicate-type': TYPE, predicate: ' {"a": [1]} ' })
        .customPredicate
    ).toEqual({ predicateType: TYPE, predicate: { a: [1] }, source: 'inline' })
  })

  it('has no custom predicate when none of the three inputs is set', () => {
    expect(inputs({ subjects: 'ghcr.io/o/app:v1' }).customPredicate).toBeUndefined()
  })

  const good = file('good.json', '{}')
  const cases: Array<[string, Record<string, string>, string, RegExp]> = [
    [
      'a relative type',
      { 'predicate-type': 'my-predicate/v1', predicate: '{}' },
      'predicate-type',
      /"my-predicate\/v1" is not an absolute URI \(scheme:\/\/host\/path\); write an absolute URI such as https:\/\/example.com/
    ],
    [
      'an opaque URN cosign --type cannot take',
      { 'predicate-type': 'urn:example:thing', predicate: '{}' },
      'predicate-type',
      /not an absolute URI/
    ],
    [
      'a type with spaces',
      { 'predicate-type': 'https://example.com/a b', predicate: '{}' },
      'predicate-type',
      /not an absolute URI/
    ],
    [
      'our SLSA v1 type',
      { 'predicate-type': 'https://slsa.dev/provenance/v1', predicate: '{}' },
      'predicate-type',
      /is written by oci-attest itself; use the provenance input/
    ],
    [
      'the CycloneDX type',
      { 'predicate-type': 'https://cyclonedx.org/bom', predicate: '{}' },
      'predicate-type',
      /use the sbom input/
    ],
    [
      "cosign's signature type",
      { 'predicate-type': 'https://sigstore.dev/cosign/sign/v1', predicate: '{}' },
      'predicate-type',
      /written by oci-attest itself/
    ],
    [
      'a missing file',
      { 'predicate-type': TYPE, 'predicate-path': join(dir, 'nope.json') },
      'predicate-path',
      /file .*nope\.json cannot be read \(.*ENOENT.*\); check the path/
    ],
    [
      'a directory',
      { 'predicate-type': TYPE, 'predicate-path': dir },
      'predicate-path',
      /is not a file; give the path of a JSON file/
    ],
    [
      'a file that is not JSON',
      { 'predicate-type': TYPE, 'predicate-path': file('bad.json', 'result: passed') },
      'predicate-path',
      /bad\.json is not valid JSON \(.*\); give a JSON object/
    ],
    [
      'inline text that is not JSON',
      { 'predicate-type': TYPE, predicate: '{result: passed}' },
      'predicate',
      /the inline predicate is not valid JSON/
    ],
    [
      'a JSON array',
      { 'predicate-type': TYPE, predicate: '[1,2]' },
      'predicate',
      /is JSON but not an object \(in-toto predicates are objects\)/
    ],
    [
      'a JSON string',
      { 'predicate-type': TYPE, 'predicate-path': file('str.json', '"x"') },
      'predicate-path',
      /is JSON but not an object/
    ],
    [
      'predicate-type without a predicate',
      { 'predicate-type': TYPE },
      'predicate-type',
      /is given without a predicate; set predicate-path to a JSON file \(or predicate to inline JSON\)/
    ],
    [
      'predicate-path without a type',
      { 'predicate-path': good },
      'predicate-path',
      /is given without predicate-type; set predicate-type/
    ],
    ['predicate without a type', { predicate: '{}' }, 'predicate', /is given without predicate-type/],
    [
      'both predicate and predicate-path',
      { 'predicate-type': TYPE, predicate: '{}', 'predicate-path': good },
      'predicate',
      /and predicate-path are both given; give the predicate either inline or as a file, not both/
    ]
  ]
  it.each(cases)('refuses %s, naming the input and the fix', (_what, values, input, message) => {
    const err = inputError(values)
    expect(err.input).toBe(input)
    expect(err.message).toMatch(message)
    expect(err.message.startsWith(`input "${input}": `)).toBe(true)
  })

  it('refuses a predicate over the limit before reading it (file) or parsing it (inline)', () => {
    const big = file('big.json', `{"x":"${'a'.repeat(2048)}"}`)
    expect(() => readCustomPredicate({ type: TYPE, path: big }, 1024)).toThrow(
      /input "predicate-path": file .*big\.json is 0\.0 MiB, over the 0\.0 MiB limit for a signed predicate; make it smaller/
    )
    expect(() => readCustomPredicate({ type: TYPE, inline: '{"x":"aaaa"}' }, 4)).toThrow(
      /input "predicate": the inline predicate is .* over the .* limit/
    )
    // Exactly at the limit is accepted.
    expect(readCustomPredicate({ type: TYPE, inline: '{}' }, 2)?.predicate).toEqual({})
  })

  it('refuses the default 16 MiB limit being passed by an inline predicate', () => {
    const err = inputError({ 'predicate-type': TYPE, predicate: `{"x":"${'a'.repeat(16 * 1024 * 1024)}"}` })
    expect(err.message).toMatch(
      /input "predicate": the inline predicate is 16\.0 MiB, over the 16\.0 MiB limit/
    )
  })
})
