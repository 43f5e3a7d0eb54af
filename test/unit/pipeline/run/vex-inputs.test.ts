import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { getInputs, InputError } from '../../../../src/pipeline/run/inputs.js'
import { readOpenVexDocument } from '../../../../src/attest/openvex.js'

const actionYml = parse(readFileSync('action.yml', 'utf8')) as {
  inputs: Record<string, { default?: string }>
}
const dir = mkdtempSync(join(tmpdir(), 'vex-inputs-'))
const file = (name: string, content: unknown): string => {
  const path = join(dir, name)
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
  return path
}

/** A minimal valid v0.2.0 document, as vexctl create writes one. */
const DOC = {
  '@context': 'https://openvex.dev/ns/v0.2.0',
  '@id': 'https://example.com/vex/gpu-operator-1',
  author: 'NVIDIA',
  timestamp: '2026-11-30T10:00:00Z',
  version: 1,
  statements: [
    {
      vulnerability: { name: 'CVE-2024-1234' },
      status: 'not_affected',
      justification: 'vulnerable_code_not_in_execute_path'
    }
  ]
}
type Doc = Record<string, unknown>
const statement = (extra: Doc): Doc => ({ ...DOC, statements: [{ ...DOC.statements[0], ...extra }] })
const without = (o: Doc, key: string): Doc => Object.fromEntries(Object.entries(o).filter(([k]) => k !== key))

function inputs(values: Record<string, string>) {
  return getInputs(name => values[name] ?? actionYml.inputs[name]?.default ?? '')
}
function inputError(vex: string): InputError {
  try {
    inputs({ subjects: 'ghcr.io/o/app:v1', vex })
  } catch (err) {
    if (err instanceof InputError) return err
    throw err
  }
  throw new Error('no InputError')
}

describe('vex input', () => {
  it('reads documents listed one per line or comma-separated, in order', () => {
    const a = file('a.json', DOC)
    const b = file('b.json', { ...DOC, '@id': 'https://example.com/vex/2' })
    const c = file('c.json', { ...DOC, '@id': 'https://example.com/vex/3' })
    const read = inputs({ subjects: 'ghcr.io/o/app:v1', vex: `${a}\n ${b}, ${c}\n` }).vex
    expect(read.map(d => [d.file, d.document['@id']])).toEqual([
      [a, 'https://example.com/vex/gpu-operator-1'],
      [b, 'https://example.com/vex/2'],
      [c, 'https://example.com/vex/3']
    ])
  })

  it('accepts the spec’s fuller shapes: products with identifiers, hashes, subcomponents; both reasons', () => {
    const path = file(
      'full.json',
      statement({
        products: [
          {
            '@id': 'pkg:oci/app?repository_url=ghcr.io%2Fo%2Fapp',
            identifiers: { purl: 'pkg:oci/app', '@cpe23': 'cpe:2.3:a:o:app:1:*:*:*:*:*:*:*' },
            hashes: { 'sha-256': 'a'.repeat(64) },
            subcomponents: [{ '@id': 'pkg:golang/golang.org/x/net@v0.30.0' }]
          }
        ],
        impact_statement: 'the parser is never reached',
        timestamp: '2026-11-30T10:00:00.123456789-06:00'
      })
    )
    expect(readOpenVexDocument(path).document).toEqual(JSON.parse(readFileSync(path, 'utf8')))
  })

  it('has no documents when vex is not set', () => {
    expect(inputs({ subjects: 'ghcr.io/o/app:v1' }).vex).toEqual([])
  })

  // [what, file contents (or a path maker), the JSON path named, the message]
  const cases: Array<[string, () => string, string, RegExp]> = [
    ['a missing file', () => join(dir, 'nope.json'), '$', /cannot be read \(.*ENOENT.*\); check the path/],
    ['a directory', () => dir, '$', /is not a file; give the path of an OpenVEX JSON document/],
    ['text that is not JSON', () => file('text.json', 'not: json'), '$', /is not valid JSON \(/],
    ['a JSON array', () => file('array.json', [DOC]), '$', /must be an object, found an array/],
    [
      'a v0.0.1 document (@context without the version)',
      () => file('v001.json', { ...DOC, '@context': 'https://openvex.dev/ns' }),
      '$["@context"]',
      /is "https:\/\/openvex\.dev\/ns"; an OpenVEX v0\.2\.0 document has "https:\/\/openvex\.dev\/ns\/v0\.2\.0"/
    ],
    ['no @id', () => file('no-id.json', without(DOC, '@id')), '$["@id"]', /is required/],
    [
      'an @id that is not an IRI',
      () => file('id.json', { ...DOC, '@id': 'my document' }),
      '$["@id"]',
      /"my document" is not an IRI/
    ],
    ['no author', () => file('no-author.json', without(DOC, 'author')), '$.author', /is required/],
    ['an empty author', () => file('author.json', { ...DOC, author: ' ' }), '$.author', /must not be empty/],
    [
      'a timestamp without a zone',
      () => file('ts.json', { ...DOC, timestamp: '2026-11-30 10:00:00' }),
      '$.timestamp',
      /"2026-11-30 10:00:00" is not an RFC 3339 date-time with a zone/
    ],
    [
      'version 0',
      () => file('v0.json', { ...DOC, version: 0 }),
      '$.version',
      /must be an integer of at least 1, found 0/
    ],
    [
      'a version string',
      () => file('vs.json', { ...DOC, version: '1' }),
      '$.version',
      /must be an integer of at least 1, found "1"/
    ],
    [
      'a field the schema does not define',
      () => file('extra.json', { ...DOC, product: 'app' }),
      '$.product',
      /is not an OpenVEX v0\.2\.0 field here/
    ],
    [
      'no statements',
      () => file('empty.json', { ...DOC, statements: [] }),
      '$.statements',
      /must hold at least 1 item/
    ],
    [
      'a statement without a status',
      () => file('no-status.json', { ...DOC, statements: [without(DOC.statements[0]!, 'status')] }),
      '$.statements[0].status',
      /is required/
    ],
    [
      'an unknown status',
      () => file('status.json', statement({ status: 'not_vulnerable' })),
      '$.statements[0].status',
      /"not_vulnerable" is not one of not_affected, affected, fixed, under_investigation/
    ],
    [
      'an unknown justification',
      () => file('just.json', statement({ justification: 'not_reachable' })),
      '$.statements[0].justification',
      /"not_reachable" is not one of component_not_present, vulnerable_code_not_present/
    ],
    [
      'not_affected without a justification or impact statement',
      () => file('na.json', { ...DOC, statements: [without(DOC.statements[0]!, 'justification')] }),
      '$.statements[0]',
      /has status not_affected but neither justification nor impact_statement/
    ],
    [
      'affected without an action statement',
      () => file('aff.json', statement({ status: 'affected', justification: undefined })),
      '$.statements[0]',
      /has status affected but no action_statement/
    ],
    [
      'a vulnerability given as a string (v0.0.1 shape)',
      () => file('vuln.json', statement({ vulnerability: 'CVE-2024-1234' })),
      '$.statements[0].vulnerability',
      /must be an object, found a string/
    ],
    [
      'a vulnerability without a name',
      () => file('vname.json', statement({ vulnerability: { '@id': 'https://nvd.nist.gov/x' } })),
      '$.statements[0].vulnerability.name',
      /is required/
    ],
    [
      'products as a string',
      () => file('prod.json', statement({ products: 'pkg:oci/app' })),
      '$.statements[0].products',
      /must be an array, found a string/
    ],
    [
      'a repeated product',
      () => file('dup.json', statement({ products: [{ '@id': 'pkg:oci/app' }, { '@id': 'pkg:oci/app' }] })),
      '$.statements[0].products[1]',
      /repeats \$\.statements\[0\]\.products\[0\] \(items must be unique\)/
    ],
    [
      'a product field the schema does not define',
      () => file('pfield.json', statement({ products: [{ '@id': 'pkg:oci/app', name: 'app' }] })),
      '$.statements[0].products[0].name',
      /is not an OpenVEX v0\.2\.0 field here \(allowed: @id, identifiers, hashes, subcomponents\)/
    ],
    [
      'an unknown hash algorithm',
      () => file('hash.json', statement({ products: [{ hashes: { sha256: 'a' } }] })),
      '$.statements[0].products[0].hashes.sha256',
      /is not an OpenVEX v0\.2\.0 field here/
    ],
    [
      'a subcomponent with its own subcomponents',
      () =>
        file(
          'sub.json',
          statement({ products: [{ '@id': 'pkg:oci/app', subcomponents: [{ subcomponents: [] }] }] })
        ),
      '$.statements[0].products[0].subcomponents[0].subcomponents',
      /is not an OpenVEX v0\.2\.0 field here/
    ],
    [
      'a statement timestamp that is not a date',
      () => file('sts.json', statement({ timestamp: 'yesterday' })),
      '$.statements[0].timestamp',
      /"yesterday" is not an RFC 3339 date-time/
    ]
  ]
  it.each(cases)('refuses %s, naming the file and the JSON path', (_what, make, path, message) => {
    const at = make()
    const err = inputError(at)
    expect(err.input).toBe('vex')
    expect(err.message.startsWith(`input "vex": ${at}: ${path}: `)).toBe(true)
    expect(err.message).toMatch(message)
  })

  it('lists several problems of one document at once, each at its path', () => {
    const at = file('many.json', { ...DOC, version: 0, author: 3, statements: [{ status: 'fixed' }] })
    const err = inputError(at)
    expect(err.message).toContain(`${at}: $.author: must be a string, found a number`)
    expect(err.message).toContain('; $.version: must be an integer of at least 1, found 0')
    expect(err.message).toContain('; $.statements[0].vulnerability: is required')
    expect(err.message).toMatch(/\(not a valid OpenVEX v0\.2\.0 document\)$/)
  })

  it('refuses a file given twice', () => {
    const a = file('twice.json', DOC)
    expect(inputError(`${a},${a}`).message).toBe(
      `input "vex": ${a}: $: is given twice; list each document once`
    )
  })

  it('refuses a document over the limit before reading it', () => {
    const big = file('big.json', { ...DOC, tooling: 'x'.repeat(4096) })
    expect(() => readOpenVexDocument(big, 1024)).toThrow(
      new RegExp(
        `^${big.replace(/[.]/g, '\\.')}: \\$: is 0\\.0 MiB, over the 0\\.0 MiB limit for a signed predicate`
      )
    )
  })
})
