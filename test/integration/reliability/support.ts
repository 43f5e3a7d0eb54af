// Shared by the reliability suites: fault rules on bed servers, Rekor's log as the ground truth for
// "exactly one entry per statement", registry tag snapshots, and stock cosign v3 as the final judge.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { expect } from '@jest/globals'
import type { BedState } from '../../bed/state.js'
import { requireSigstore } from '../../bed/state.js'
import type { FaultRule, RequestRecord } from '../../bed/http-faults.js'
import { createHttpClient } from '../../../src/http/index.js'
import type { Http } from '../../../src/http/index.js'
import { openSigningSession } from '../../../src/pipeline/session.js'
import type { SigningSession } from '../../../src/pipeline/session.js'
import type { Published } from '../interop/fixture.js'
import { ISSUER, mintToken } from '../interop/fixture.js'
import { cosignVerify, cosignVerifyAttestation, statementsIn, verifiedDigests } from '../interop/cosign.js'
import { simpleSigningPayload } from '../../../src/publish/cosign-payloads.js'
import { StaticIdentityProvider } from '../../../src/sigstore/identity/provider.js'

// The admin calls themselves must not be retried or they could consume the faults they install.
const admin = createHttpClient({ retries: 0 })

export async function setFaults(adminUrl: string, rules: FaultRule[]): Promise<void> {
  const res = await admin.request(adminUrl, { method: 'POST', body: JSON.stringify({ rules }) })
  if (res.status !== 200)
    throw new Error(`fault admin ${adminUrl} answered ${res.status}: ${await res.text()}`)
  res.discard()
}

export async function clearFaults(...adminUrls: string[]): Promise<void> {
  for (const url of adminUrls) (await admin.request(url, { method: 'DELETE' })).discard()
}

export async function clearLog(adminUrl: string): Promise<void> {
  ;(await admin.request(`${adminUrl}/log`, { method: 'DELETE' })).discard()
}

export async function faultLog(adminUrl: string): Promise<RequestRecord[]> {
  return (await admin.request(`${adminUrl}/log`)).json<RequestRecord[]>()
}

export interface SessionOptions {
  http?: Http
  rekorUrl?: string
  tsaUrl?: string
}

/** A signing session on the bed's stack, optionally through another Rekor URL or with the TSA. */
export async function openBedSession(state: BedState, opts: SessionOptions = {}): Promise<SigningSession> {
  const s = requireSigstore(state)
  return openSigningSession(
    {
      fulcioUrl: s.fulcioUrl,
      rekorUrl: opts.rekorUrl ?? s.rekorUrl,
      trustedRootPath: s.trustedRootPath,
      oidcDiscoveryUrl: s.oidcUrl,
      ...(opts.tsaUrl ? { tsaUrls: [opts.tsaUrl] } : {})
    },
    {
      identity: new StaticIdentityProvider(await mintToken(state)),
      ...(opts.http ? { http: opts.http } : {})
    }
  )
}

const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex')

/** The sha256 of every payload the run signed: the simple-signing payload and each statement. */
export async function signedPayloadHashes(p: Published): Promise<Map<string, string>> {
  const { subject, items } = p.report.subjects[0]!
  const hashes = new Map<string, string>()
  for (const item of items) {
    if (item.kind === 'signature-legacy') {
      hashes.set(item.kind, sha256(simpleSigningPayload(subject.repository.toString(), subject.digest)))
      continue
    }
    const bundle = JSON.parse(await readFile(item.bundlePath!, 'utf8')) as {
      dsseEnvelope: { payload: string }
    }
    hashes.set(item.kind, sha256(Buffer.from(bundle.dsseEnvelope.payload, 'base64')))
  }
  return hashes
}

interface LogEntryAnswer {
  body: string
  logIndex: number
}

/** Each Rekor entry's signed-payload hash (hashedrekord data hash, dsse payloadHash), read with Rekor's GET. */
export async function rekorPayloadHashes(state: BedState, fromIndex: number): Promise<Map<number, string>> {
  const rekor = requireSigstore(state).rekorUrl
  const { treeSize } = await (await admin.request(`${rekor}/api/v1/log`)).json<{ treeSize: number }>()
  const out = new Map<number, string>()
  for (let i = fromIndex; i < treeSize; i++) {
    const answer = await (
      await admin.request(`${rekor}/api/v1/log/entries?logIndex=${i}`)
    ).json<Record<string, LogEntryAnswer>>()
    const entry = Object.values(answer)[0]!
    const body = JSON.parse(Buffer.from(entry.body, 'base64').toString('utf8')) as {
      spec: { data?: { hash?: { value: string } }; payloadHash?: { value: string } }
    }
    out.set(entry.logIndex, body.spec.payloadHash?.value ?? body.spec.data?.hash?.value ?? '')
  }
  return out
}

export async function rekorTreeSize(state: BedState): Promise<number> {
  const rekor = requireSigstore(state).rekorUrl
  return (await (await admin.request(`${rekor}/api/v1/log`)).json<{ treeSize: number }>()).treeSize
}

/** Every payload the run signed is in Rekor exactly once, at the index the report gives. */
export async function expectOneEntryPerPayload(state: BedState, p: Published, fromIndex: number) {
  const signed = await signedPayloadHashes(p)
  const logged = [...(await rekorPayloadHashes(state, fromIndex)).entries()]
  const items = p.report.subjects[0]!.items
  for (const [kind, hash] of signed) {
    const at = logged.filter(([, h]) => h === hash).map(([i]) => String(i))
    const reported = items.find(i => i.kind === kind)!.rekorLogIndex
    expect({ kind, at }).toEqual({ kind, at: [reported] })
  }
  return { signed: signed.size, logged: logged.length }
}

/** The registry's tags for a repository ([] when it has none yet). */
export async function tagsOf(host: string, repository: string): Promise<string[]> {
  const res = await admin.request(`http://${host}/v2/${repository}/tags/list`)
  if (res.status === 404) return (res.discard(), [])
  return ((await res.json<{ tags?: string[] | null }>()).tags ?? []).sort()
}

/** Referrer manifest digests of `digest` from the OCI 1.1 API ([] where the registry has no such API). */
export async function referrersOf(host: string, repository: string, digest: string): Promise<string[]> {
  const res = await admin.request(`http://${host}/v2/${repository}/referrers/${digest}`)
  if (res.status !== 200) return (res.discard(), [])
  return ((await res.json<{ manifests?: { digest: string }[] }>()).manifests ?? []).map(m => m.digest).sort()
}

const TYPES = ['slsaprovenance', 'slsaprovenance1', 'cyclonedx']

/** Stock cosign v3 (trusted root, no --insecure-*) accepts the signature and every attestation. */
export async function expectCosignV3Accepts(
  state: BedState,
  p: Published,
  session: SigningSession,
  newBundleFormat = true
): Promise<void> {
  const call = {
    version: 'v3' as const,
    trust: 'trusted-root' as const,
    newBundleFormat,
    identity: { exact: session.identity.subjectAlternativeName },
    issuer: ISSUER
  }
  const ref = `${p.repo}@${p.digest}`
  const sig = await cosignVerify(state, ref, call)
  expect({ code: sig.code, stderr: sig.code === 0 ? '' : sig.stderr }).toEqual({ code: 0, stderr: '' })
  expect(verifiedDigests(sig.stdout)).toContain(p.digest)
  for (const type of TYPES) {
    const att = await cosignVerifyAttestation(state, ref, type, call)
    expect({ type, code: att.code, stderr: att.code === 0 ? '' : att.stderr }).toEqual({
      type,
      code: 0,
      stderr: ''
    })
    expect(statementsIn(att.stdout).length).toBeGreaterThan(0)
  }
}

export const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
