import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createPublicKey, sign, verify } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { canonicalJson } from '../bed/sigstore/canonical-json.js'
import { generateEcKey, sha256, type EcKey } from '../bed/sigstore/keys.js'
import { leafHash, rootFromInclusionProof } from '../bed/sigstore/merkle.js'
import { pae } from '../bed/sigstore/rekor-kinds.js'
import { postJson, startLocalStack, type LocalStack } from './support/local-stack.js'

interface LogEntry {
  body: string
  integratedTime: number
  logID: string
  logIndex: number
  verification: {
    signedEntryTimestamp: string
    inclusionProof: {
      checkpoint: string
      hashes: string[]
      logIndex: number
      rootHash: string
      treeSize: number
    }
  }
}

let local: LocalStack
let rekorPem: string
beforeAll(async () => {
  local = await startLocalStack()
  rekorPem = readFileSync(local.stack.rekorPublicKeyPath, 'utf8')
})
afterAll(async () => local.stop())

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64')

function hashedrekord(key: EcKey, artifact: string, signWith = key) {
  return {
    apiVersion: '0.0.1',
    kind: 'hashedrekord',
    spec: {
      data: { hash: { algorithm: 'sha256', value: sha256(artifact).toString('hex') } },
      signature: {
        content: b64(sign('sha256', Buffer.from(artifact), signWith.privateKey)),
        publicKey: { content: b64(key.publicPem) }
      }
    }
  }
}

function envelope(key: EcKey, statement: object): string {
  const payload = Buffer.from(JSON.stringify(statement))
  const type = 'application/vnd.in-toto+json'
  const sig = sign('sha256', pae(type, payload), key.privateKey)
  return JSON.stringify({
    payloadType: type,
    payload: b64(payload),
    signatures: [{ keyid: '', sig: b64(sig) }]
  })
}

async function submit(entry: unknown): Promise<{ res: Response; id: string; entry: LogEntry }> {
  const res = await postJson(`${local.stack.rekorUrl}/api/v1/log/entries`, entry)
  const json = (await res.json()) as Record<string, LogEntry>
  const [id, value] = Object.entries(json)[0] ?? ['', undefined]
  return { res, id, entry: value as LogEntry }
}

/** What a client checks: SET, inclusion proof to the checkpoint root, checkpoint signature and key hint. */
function verifyAsClient(e: LogEntry): void {
  const key = createPublicKey(rekorPem)
  const spki = key.export({ type: 'spki', format: 'der' })
  expect(e.logID).toBe(sha256(spki).toString('hex'))
  const set = canonicalJson({
    body: e.body,
    integratedTime: e.integratedTime,
    logID: e.logID,
    logIndex: e.logIndex
  })
  expect(
    verify('sha256', Buffer.from(set), key, Buffer.from(e.verification.signedEntryTimestamp, 'base64'))
  ).toBe(true)
  const p = e.verification.inclusionProof
  const root = rootFromInclusionProof(
    p.logIndex,
    p.treeSize,
    leafHash(Buffer.from(e.body, 'base64')),
    p.hashes.map(h => Buffer.from(h, 'hex'))
  )
  expect(root.toString('hex')).toBe(p.rootHash)
  const [note, sigLine] = p.checkpoint.split('\n\n')
  const lines = (note ?? '').split('\n')
  expect(lines[0]).toMatch(/^\S+ - \d+$/)
  expect(lines[1]).toBe(String(p.treeSize))
  expect(Buffer.from(lines[2] ?? '', 'base64').toString('hex')).toBe(p.rootHash)
  const m = /^\u2014 (\S+) (\S+)\n$/.exec(sigLine ?? '')
  expect(m).not.toBeNull()
  // sigstore-js only accepts a signer name contained in the log's baseUrl
  expect(local.stack.rekorUrl).toContain(m?.[1])
  const sigBytes = Buffer.from(m?.[2] ?? '', 'base64')
  expect(sigBytes.subarray(0, 4)).toEqual(sha256(spki).subarray(0, 4))
  expect(verify('sha256', Buffer.from(`${note}\n`), key, sigBytes.subarray(4))).toBe(true)
}

describe('Rekor v1 stand-in', () => {
  it('stores a hashedrekord canonically and answers 201 with SET, inclusion proof and checkpoint', async () => {
    const key = generateEcKey()
    const proposed = hashedrekord(key, 'artifact one')
    const { res, id, entry } = await submit(proposed)
    expect(res.status).toBe(201)
    expect(id).toMatch(/^[0-9a-f]{80}$/)
    expect(res.headers.get('location')).toBe(`/api/v1/log/entries/${id}`)
    expect(id.slice(16)).toBe(leafHash(Buffer.from(entry.body, 'base64')).toString('hex'))
    // keys sorted, no whitespace, the key PEM as Rekor re-encodes it
    expect(Buffer.from(entry.body, 'base64').toString()).toBe(
      '{"apiVersion":"0.0.1","kind":"hashedrekord","spec":{"data":{"hash":{"algorithm":"sha256","value":"' +
        sha256('artifact one').toString('hex') +
        '"}},"signature":{"content":"' +
        proposed.spec.signature.content +
        '","publicKey":{"content":"' +
        b64(key.publicPem) +
        '"}}}}'
    )
    verifyAsClient(entry)
  })

  it('keeps index 0 for its own genesis entry, so no client bundle carries logIndex 0 or an empty proof', async () => {
    const { entry } = await submit(hashedrekord(generateEcKey(), 'after genesis'))
    expect(entry.logIndex).toBeGreaterThan(0)
    expect(entry.verification.inclusionProof.hashes.length).toBeGreaterThan(0)
    const genesis = (await (
      await fetch(`${local.stack.rekorUrl}/api/v1/log/entries?logIndex=0`)
    ).json()) as Record<string, LogEntry>
    verifyAsClient(Object.values(genesis)[0] as LogEntry)
  })

  it('answers 409 with the existing entry in Location for a duplicate', async () => {
    const key = generateEcKey()
    const proposed = hashedrekord(key, 'artifact dup')
    const first = await submit(proposed)
    const again = await postJson(`${local.stack.rekorUrl}/api/v1/log/entries`, proposed)
    expect(again.status).toBe(409)
    expect(again.headers.get('location')).toBe(`/api/v1/log/entries/${first.id}`)
  })

  it('rejects a signature that does not verify with 400', async () => {
    const res = await postJson(
      `${local.stack.rekorUrl}/api/v1/log/entries`,
      hashedrekord(generateEcKey(), 'a', generateEcKey())
    )
    expect(res.status).toBe(400)
  })

  it('looks entries up by UUID, entry ID, log index and retrieve, with proofs against the current tree', async () => {
    const first = await submit(hashedrekord(generateEcKey(), 'lookup'))
    await submit(hashedrekord(generateEcKey(), 'later entry'))
    const uuid = first.id.slice(16)
    for (const url of [
      `entries/${uuid}`,
      `entries/${first.id}`,
      `entries?logIndex=${first.entry.logIndex}`
    ]) {
      const json = (await (await fetch(`${local.stack.rekorUrl}/api/v1/log/${url}`)).json()) as Record<
        string,
        LogEntry
      >
      const e = json[first.id]
      expect(e?.body).toBe(first.entry.body)
      expect(e?.verification.inclusionProof.treeSize).toBeGreaterThan(
        first.entry.verification.inclusionProof.treeSize
      )
      verifyAsClient(e as LogEntry)
    }
    const retrieved = (await (
      await postJson(`${local.stack.rekorUrl}/api/v1/log/entries/retrieve`, {
        entryUUIDs: [uuid],
        logIndexes: [first.entry.logIndex]
      })
    ).json()) as Record<string, LogEntry>[]
    expect(retrieved.map(r => Object.keys(r)[0])).toEqual([first.id, first.id])
    expect((await fetch(`${local.stack.rekorUrl}/api/v1/log/entries/${'0'.repeat(64)}`)).status).toBe(404)
  })

  it('stores dsse 0.0.1 with envelope and payload hashes and the verifier PEM', async () => {
    const key = generateEcKey()
    const env = envelope(key, {
      _type: 'https://in-toto.io/Statement/v1',
      subject: [],
      predicateType: 'x',
      predicate: {}
    })
    const { res, entry } = await submit({
      apiVersion: '0.0.1',
      kind: 'dsse',
      spec: { proposedContent: { envelope: env, verifiers: [b64(key.publicPem)] } }
    })
    expect(res.status).toBe(201)
    const body = JSON.parse(Buffer.from(entry.body, 'base64').toString()) as { spec: Record<string, unknown> }
    const parsed = JSON.parse(env) as { payload: string; signatures: { sig: string }[] }
    expect(body.spec).toEqual({
      envelopeHash: { algorithm: 'sha256', value: sha256(env).toString('hex') },
      payloadHash: {
        algorithm: 'sha256',
        value: sha256(Buffer.from(parsed.payload, 'base64')).toString('hex')
      },
      signatures: [{ signature: parsed.signatures[0]?.sig, verifier: b64(key.publicPem) }]
    })
    verifyAsClient(entry)
    const wrong = await postJson(`${local.stack.rekorUrl}/api/v1/log/entries`, {
      apiVersion: '0.0.1',
      kind: 'dsse',
      spec: { proposedContent: { envelope: env, verifiers: [b64(generateEcKey().publicPem)] } }
    })
    expect(wrong.status).toBe(400)
  })

  it('stores intoto 0.0.2 (double-base64 payload and signature) and checks its signature', async () => {
    const key = generateEcKey()
    const env = JSON.parse(envelope(key, { _type: 'https://in-toto.io/Statement/v1' })) as {
      payloadType: string
      payload: string
      signatures: { sig: string }[]
    }
    const proposed = (sig: string) => ({
      apiVersion: '0.0.2',
      kind: 'intoto',
      spec: {
        content: {
          envelope: {
            payloadType: env.payloadType,
            payload: b64(env.payload),
            signatures: [{ sig: b64(sig), publicKey: b64(key.publicPem) }]
          },
          hash: { algorithm: 'sha256', value: sha256(JSON.stringify(env)).toString('hex') }
        }
      }
    })
    const { res, entry } = await submit(proposed(env.signatures[0]?.sig ?? ''))
    expect(res.status).toBe(201)
    verifyAsClient(entry)
    const bad = await postJson(
      `${local.stack.rekorUrl}/api/v1/log/entries`,
      proposed(b64(Buffer.alloc(70, 1)))
    )
    expect(bad.status).toBe(400)
  })

  it('publishes tree info and the public key of the trust files', async () => {
    const info = (await (await fetch(`${local.stack.rekorUrl}/api/v1/log`)).json()) as {
      treeSize: number
      signedTreeHead: string
    }
    expect(info.treeSize).toBeGreaterThan(0)
    expect(info.signedTreeHead.split('\n')[1]).toBe(String(info.treeSize))
    expect(await (await fetch(`${local.stack.rekorUrl}/api/v1/log/publicKey`)).text()).toBe(rekorPem)
  })
})
