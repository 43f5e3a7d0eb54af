// One key, one certificate: concurrent signatures share one Fulcio request; renewal under 5 minutes; no poisoning.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { X509Certificate, createPublicKey, verify } from 'node:crypto'
import type { BedState, SigstoreState } from '../../bed/state.js'
import { requireSigstore } from '../../bed/state.js'
import { StaticIdentityProvider } from '../../../src/sigstore/identity/provider.js'
import { EphemeralSigner } from '../../../src/sigstore/signer/ephemeral-signer.js'
import { FulcioClient } from '../../../src/sigstore/signer/fulcio-client.js'
import { mintToken, readBedState } from '../interop/fixture.js'

let state: BedState
let s: SigstoreState

beforeAll(() => {
  state = readBedState()
  s = requireSigstore(state)
})

const fulcioPosts = async (): Promise<number> =>
  ((await (await fetch(`${s.adminUrl.fulcio}/log`)).json()) as { method: string; path: string }[]).filter(
    r => r.method === 'POST' && r.path.startsWith('/api/v2/signingCert')
  ).length

async function signer(now?: () => number): Promise<EphemeralSigner> {
  return new EphemeralSigner({
    identity: new StaticIdentityProvider(await mintToken(state)),
    fulcio: new FulcioClient({ baseUrl: s.fulcioUrl }),
    ...(now ? { now } : {})
  })
}

describe('EphemeralSigner', () => {
  it('20 concurrent signatures use one certificate from one Fulcio request, and verify with its key', async () => {
    const before = await fulcioPosts()
    const sg = await signer()
    const data = Buffer.from('payload')
    const sigs = await Promise.all(Array.from({ length: 20 }, () => sg.sign(data)))
    expect(await fulcioPosts()).toBe(before + 1)
    expect(sg.fulcioRequests).toBe(1)
    const certs = new Set(sigs.map(x => (x.key.$case === 'x509Certificate' ? x.key.certificate : '')))
    expect(certs.size).toBe(1)
    const leaf = new X509Certificate([...certs][0]!)
    expect(leaf.publicKey.export({ type: 'spki', format: 'pem' })).toBe(sg.publicKeyPem)
    for (const x of sigs)
      expect(verify('sha256', data, createPublicKey(sg.publicKeyPem), x.signature)).toBe(true)
    expect(sg.chainFor([...certs][0]!).length).toBeGreaterThan(0)
  })

  it('asks for a new certificate once when under 5 minutes of validity remain', async () => {
    let skew = 0
    const sg = await signer(() => Date.now() + skew)
    const first = await sg.certificate()
    skew = first.notAfter.getTime() - Date.now() - 4 * 60 * 1000
    const renewed = await Promise.all(Array.from({ length: 5 }, () => sg.certificate()))
    expect(sg.fulcioRequests).toBe(2)
    expect(new Set(renewed.map(c => c.certificate)).size).toBe(1)
    expect(renewed[0]!.certificate).not.toBe(first.certificate)
  })

  it('a failed Fulcio request is reported with its code and does not stick', async () => {
    const admin = s.adminUrl.fulcio
    await fetch(admin, {
      method: 'POST',
      body: JSON.stringify({
        rules: [{ method: 'POST', path: '^/api/v2/signingCert', action: 'status', status: 400, times: 1 }]
      })
    })
    try {
      const sg = await signer()
      await expect(sg.sign(Buffer.from('x'))).rejects.toMatchObject({ code: 'FULCIO_REQUEST_FAILED' })
      await expect(sg.sign(Buffer.from('x'))).resolves.toBeDefined()
      expect(sg.fulcioRequests).toBe(2)
    } finally {
      await fetch(admin, { method: 'DELETE' })
    }
  })
})
