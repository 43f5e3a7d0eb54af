import { describe, expect, it } from '@jest/globals'
import { buildStatement, serializeStatement, subjectFor } from '../../../src/attest/statement.js'
import { parseDigest, Repository } from '../../../src/oci/name.js'

const HEX = 'a'.repeat(64)

describe('in-toto statement', () => {
  it('serialises exactly _type, subject{name,digest}, predicateType, predicate (cosign v3.1 parses strictly)', () => {
    const statement = buildStatement(
      [subjectFor(Repository.parse('127.0.0.1:5000/team/app'), parseDigest(`sha256:${HEX}`))],
      'https://x/y',
      { a: 1 }
    )
    const extra = {
      ...statement,
      extra: true,
      subject: [{ ...statement.subject[0]!, annotations: { x: 'y' } }]
    }
    const parsed = JSON.parse(serializeStatement(extra).toString())
    expect(Object.keys(parsed)).toEqual(['_type', 'subject', 'predicateType', 'predicate'])
    expect(parsed).toEqual({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [{ name: '127.0.0.1:5000/team/app', digest: { sha256: HEX } }],
      predicateType: 'https://x/y',
      predicate: { a: 1 }
    })
  })

  it('rejects a subject with a tag (the name type) or a digest that is not sha256', () => {
    expect(() => Repository.parse('ghcr.io/o/r:v1')).toThrow(/without a tag or digest/)
    expect(() => subjectFor(Repository.parse('ghcr.io/o/r'), parseDigest(`sha512:${HEX}${HEX}`))).toThrow(
      expect.objectContaining({ code: 'INVALID_SUBJECT' })
    )
    expect(subjectFor(Repository.parse('localhost:5000/r'), parseDigest(`sha256:${HEX}`)).name).toBe(
      'localhost:5000/r'
    )
  })
})
