import { describe, expect, it } from '@jest/globals'
import type { SignatureBundle, VerificationMaterial, Witness } from '@sigstore/sign'
import { OrderedWitness } from '../../../src/sigstore/witness/ordered-witness.js'

const content = {} as SignatureBundle

function witness(name: string, calls: string[], result: VerificationMaterial | Error): Witness {
  return {
    testify: async () => {
      calls.push(name)
      await new Promise(r => setTimeout(r, 5))
      if (result instanceof Error) throw result
      return result
    }
  }
}

describe('OrderedWitness', () => {
  it('runs witnesses one after another and merges their material', async () => {
    const calls: string[] = []
    const stamp = { signedTimestamp: Buffer.from('ts') }
    const entry = { logIndex: '7' } as unknown as NonNullable<VerificationMaterial['tlogEntries']>[number]
    const merged = await new OrderedWitness([
      witness('tsa', calls, { rfc3161Timestamps: [stamp] }),
      witness('rekor', calls, { tlogEntries: [entry] })
    ]).testify(content, 'key')
    expect(calls).toEqual(['tsa', 'rekor'])
    expect(merged).toEqual({ tlogEntries: [entry], rfc3161Timestamps: [stamp] })
  })

  it('never asks a later witness (Rekor) once an earlier one (the TSA) has failed', async () => {
    const calls: string[] = []
    const refused = new Error('TSA down')
    const ordered = new OrderedWitness([witness('tsa', calls, refused), witness('rekor', calls, {})])
    await expect(ordered.testify(content, 'key')).rejects.toBe(refused)
    expect(calls).toEqual(['tsa'])
  })
})
