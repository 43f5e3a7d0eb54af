// Rekor v1 client against the bed's log: entries created, an existing entry fetched on 409, failures coded.
import { beforeAll, describe, expect, it } from '@jest/globals'
import type { BedState, SigstoreState } from '../../bed/state.js'
import { requireSigstore } from '../../bed/state.js'
import type { SigningSession } from '../../../src/pipeline/session.js'
import { RekorClient } from '../../../src/sigstore/witness/rekor-client.js'
import { proposedEntry } from '../../../src/sigstore/witness/rekor-witness.js'
import { openSession, readBedState } from '../interop/fixture.js'

let state: BedState
let s: SigstoreState
let session: SigningSession

beforeAll(async () => {
  state = readBedState()
  s = requireSigstore(state)
  session = await openSession(state)
})

describe('Rekor v1 client', () => {
  it('logging the same DSSE envelope twice answers with the existing entry (409 + Location)', async () => {
    const signed = await session.signer.signStatement(Buffer.from(JSON.stringify({ n: Date.now() })))
    const client = new RekorClient({ baseUrl: s.rekorUrl })
    const leaf = signed.certificatePem
    const again = await client.createEntry(proposedEntry(signed.bundle.content, leaf))
    expect(String(again.logIndex)).toBe(signed.tlogEntry.logIndex)
    expect(again.body).toBe(signed.tlogEntry.canonicalizedBody.toString('base64'))
    const log = (await (await fetch(`${s.adminUrl.rekor}/log`)).json()) as {
      method: string
      path: string
      status: number
    }[]
    expect(log.some(r => r.method === 'POST' && r.status === 409)).toBe(true)
  })

  it('a dsse entry records the sha256 of the exact envelope bytes stored in the .att layer', async () => {
    const signed = await session.signer.signStatement(Buffer.from(JSON.stringify({ m: Date.now() })))
    const body = JSON.parse(signed.tlogEntry.canonicalizedBody.toString()) as {
      kind: string
      spec: { envelopeHash: { value: string } }
    }
    const { createHash } = await import('node:crypto')
    expect(body.kind).toBe('dsse')
    expect(body.spec.envelopeHash.value).toBe(createHash('sha256').update(signed.envelope).digest('hex'))
  })

  it('a refused entry is REKOR_REQUEST_FAILED naming the log URL', async () => {
    await fetch(s.adminUrl.rekor, {
      method: 'POST',
      body: JSON.stringify({
        rules: [{ method: 'POST', path: '^/api/v1/log/entries$', action: 'status', status: 400, times: 1 }]
      })
    })
    try {
      await expect(session.signer.signPayload(Buffer.from(`{"p":${Date.now()}}`))).rejects.toMatchObject({
        code: 'REKOR_REQUEST_FAILED',
        message: expect.stringContaining(s.rekorUrl)
      })
    } finally {
      await fetch(s.adminUrl.rekor, { method: 'DELETE' })
    }
  })
})
