import { describe, expect, it } from '@jest/globals'
import { canonicalJson } from '../bed/sigstore/canonical-json.js'

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ spec: { b: 1, a: [{ z: true, y: null }] }, kind: 'k', apiVersion: '0.0.1' })).toBe(
      '{"apiVersion":"0.0.1","kind":"k","spec":{"a":[{"y":null,"z":true}],"b":1}}'
    )
  })

  it('orders keys by UTF-16 code units, not by locale', () => {
    expect(canonicalJson({ é: 1, z: 2, Z: 3, '\u{1f600}': 4, '\ufb33': 5 })).toBe(
      '{"Z":3,"z":2,"é":1,"\u{1f600}":4,"\ufb33":5}'
    )
  })

  it('escapes only what JSON requires and keeps <, >, & and / literal (unlike Go json.Marshal)', () => {
    expect(canonicalJson({ s: '<a href="x">&/\n\t\u0001\u2028' })).toBe(
      '{"s":"<a href=\\"x\\">&/\\n\\t\\u0001\u2028"}'
    )
  })

  it('writes numbers in their shortest ECMAScript form', () => {
    expect(canonicalJson([1795553773, 1e21, 0.1, -0, 100])).toBe('[1795553773,1e+21,0.1,0,100]')
  })

  it('matches the SET payload shape Rekor signs', () => {
    expect(canonicalJson({ logIndex: 7, logID: 'ab', integratedTime: 1, body: 'Ym9keQ==' })).toBe(
      '{"body":"Ym9keQ==","integratedTime":1,"logID":"ab","logIndex":7}'
    )
  })

  it('refuses numbers JSON cannot carry', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/non-finite/)
  })
})
