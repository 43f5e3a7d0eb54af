import { describe, expect, it } from '@jest/globals'
import { toCosignRekorBundle, toTransparencyLogEntry } from '../../../src/sigstore/witness/tlog-entry.js'

const body = Buffer.from(JSON.stringify({ apiVersion: '0.0.1', kind: 'hashedrekord', spec: {} })).toString(
  'base64'
)
const entry = {
  uuid: 'u',
  body,
  integratedTime: 1700000000,
  logID: 'c0ffee'.repeat(10) + 'abcd',
  logIndex: 42,
  verification: {
    signedEntryTimestamp: Buffer.from('set').toString('base64'),
    inclusionProof: { checkpoint: 'cp', hashes: ['00ff'], logIndex: 42, rootHash: 'aa', treeSize: 43 }
  }
}

describe('Rekor entries', () => {
  it('become bundle tlog entries with kind/version from the body', () => {
    const t = toTransparencyLogEntry(entry)
    expect(t.kindVersion).toEqual({ kind: 'hashedrekord', version: '0.0.1' })
    expect(t.logIndex).toBe('42')
    expect(t.logId?.keyId.toString('hex')).toBe(entry.logID)
    expect(t.inclusionPromise?.signedEntryTimestamp.toString()).toBe('set')
    expect(t.inclusionProof?.hashes[0]?.toString('hex')).toBe('00ff')
    expect(t.canonicalizedBody.toString('base64')).toBe(body)
  })

  it("become cosign's bundle annotation with capitalised keys, JSON numbers and a hex logID", () => {
    expect(toCosignRekorBundle(toTransparencyLogEntry(entry))).toBe(
      `{"SignedEntryTimestamp":"${Buffer.from('set').toString('base64')}","Payload":{"body":"${body}","integratedTime":1700000000,"logIndex":42,"logID":"${entry.logID}"}}`
    )
  })

  it('without a SET cannot fill the tag layout', () => {
    const t = toTransparencyLogEntry({ ...entry, verification: {} })
    expect(() => toCosignRekorBundle(t)).toThrow(/SET/)
  })
})
