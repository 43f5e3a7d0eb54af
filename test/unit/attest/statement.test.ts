import { describe, expect, it } from '@jest/globals'
import { buildStatement, serializeStatement, subjectFor } from '../../../src/attest/statement.js'

const HEX = 'a'.repeat(64)

describe('in-toto statement', () => {
  it('serialises exactly _type, subject{name,digest}, predicateType, predicate (cosign v3.1 parses strictly)', () => {
    const statement = buildStatement(
      [subjectFor('127.0.0.1:5000/team/app', `sha256:${HEX}`)],
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

  it('rejects a subject with a tag or a digest that is not sha256', () => {
    expect(() => subjectFor('ghcr.io/o/r:v1', `sha256:${HEX}`)).toThrow(
      expect.objectContaining({ code: 'INVALID_SUBJECT', message: expect.stringMatching(/without tag/) })
    )
    expect(() => subjectFor('ghcr.io/o/r', 'sha512:abc')).toThrow(
      expect.objectContaining({ code: 'INVALID_SUBJECT' })
    )
    expect(subjectFor('localhost:5000/r', `sha256:${HEX}`).name).toBe('localhost:5000/r')
  })
})
