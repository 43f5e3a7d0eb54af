// Stock cosign v2.6.4 and v3.1.2 accept what the pipeline publishes, on a registry with and without the referrers API.
import { beforeAll, describe, expect, it } from '@jest/globals'
import type { BedState, RegistryName } from '../../bed/state.js'
import type { SigningSession } from '../../../src/pipeline/session.js'
import {
  cosignInitializeTuf,
  cosignVerify,
  cosignVerifyAttestation,
  statementsIn,
  verifiedDigests
} from './cosign.js'
import type { CosignCall } from './cosign.js'
import { ISSUER, openSession, publishSample, readBedState, sbomFile } from './fixture.js'
import type { Published } from './fixture.js'

const TYPES = [
  { type: 'slsaprovenance', predicateType: 'https://slsa.dev/provenance/v0.2' },
  { type: 'slsaprovenance1', predicateType: 'https://slsa.dev/provenance/v1' },
  { type: 'cyclonedx', predicateType: 'https://cyclonedx.org/bom' }
]

let state: BedState
let session: SigningSession
let sbomPath: string

beforeAll(async () => {
  state = readBedState()
  session = await openSession(state)
  sbomPath = await sbomFile(state)
})

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

async function expectAllAccepted(
  p: Published,
  call: Omit<CosignCall, 'identity' | 'issuer'>,
  identity: CosignCall['identity']
) {
  const full: CosignCall = { ...call, identity, issuer: ISSUER }
  const ref = `${p.repo}@${p.digest}`
  const sig = await cosignVerify(state, ref, full)
  expect({ code: sig.code, stderr: sig.code === 0 ? '' : sig.stderr }).toEqual({ code: 0, stderr: '' })
  expect(verifiedDigests(sig.stdout)).toContain(p.digest)
  for (const { type, predicateType } of TYPES) {
    const att = await cosignVerifyAttestation(state, ref, type, full)
    expect({ type, code: att.code, stderr: att.code === 0 ? '' : att.stderr }).toEqual({
      type,
      code: 0,
      stderr: ''
    })
    const statements = statementsIn(att.stdout)
    expect(statements.length).toBeGreaterThan(0)
    for (const s of statements) {
      expect(s.predicateType).toBe(predicateType)
      expect(s.subject.map(x => `sha256:${x.digest.sha256}`)).toContain(p.digest)
    }
    const predicate = JSON.stringify(statements[0]!.predicate)
    if (type.startsWith('slsa')) {
      // The provenance names source repository, commit and workflow (the users' acceptance criterion).
      expect(predicate).toContain(`github.com/${session.claims.repository}`)
      expect(predicate).toContain(session.claims.sha)
      expect(predicate).toContain('.github/workflows/')
    } else {
      expect(predicate).toContain('pkg:npm/left-pad@1.3.0')
    }
  }
}

describe.each<RegistryName>(['referrers', 'distribution'])('stock cosign on the "%s" registry', registry => {
  let both: Published
  let legacyOnly: Published

  beforeAll(async () => {
    both = await publishSample(state, session, registry, 'interop/both', { sbom: { path: sbomPath } })
    legacyOnly = await publishSample(state, session, registry, 'interop/legacy', {
      sbom: { path: sbomPath },
      formats: ['legacy']
    })
  })

  it('published one signature, two provenance versions and the SBOM in both formats', () => {
    const kinds = both.report.subjects[0]!.items.map(i => i.kind).sort()
    expect(kinds).toEqual([
      'provenance-v0.2',
      'provenance-v1',
      'sbom-cyclonedx',
      'signature',
      'signature-legacy'
    ])
    expect(both.report.fulcioRequests).toBe(1)
  })

  it('cosign v3.1.2 accepts the bundles (default mode) with the exact SAN', async () => {
    await expectAllAccepted(
      both,
      { version: 'v3', trust: 'trusted-root' },
      { exact: session.identity.subjectAlternativeName }
    )
  })

  it('cosign v3.1.2 accepts the tag layout (--new-bundle-format=false) with an anchored regexp', async () => {
    const regexp = `^https://github\\.com/${escape(session.claims.repository)}/`
    await expectAllAccepted(
      both,
      { version: 'v3', trust: 'trusted-root', newBundleFormat: false },
      { regexp }
    )
  })

  it('cosign v3.1.2 accepts the tag layout with the exact SAN', async () => {
    const exact = session.identity.subjectAlternativeName
    await expectAllAccepted(both, { version: 'v3', trust: 'trusted-root', newBundleFormat: false }, { exact })
  })

  it('cosign v2.6.4 accepts the tag layout in environment-variable trust mode (--offline)', async () => {
    // cosign 2.6 switches to bundle mode by itself once bundle referrers exist, and bundle mode needs
    // --trusted-root; the environment-variable mode is therefore shown on a tag-layout-only subject.
    await expectAllAccepted(
      legacyOnly,
      { version: 'v2', trust: 'env' },
      { exact: session.identity.subjectAlternativeName }
    )
    const regexp = `^https://github\\.com/${escape(session.claims.repository)}/`
    await expectAllAccepted(legacyOnly, { version: 'v2', trust: 'env' }, { regexp })
  })

  it('cosign v2.6.4 and v3.1.2 accept a subject in both formats with trust from TUF alone (no trust flags)', async () => {
    // How public-good users run them: the trusted root comes from a TUF mirror (here the bed's), nothing else.
    const exact = session.identity.subjectAlternativeName
    for (const version of ['v2', 'v3'] as const) {
      await cosignInitializeTuf(state, version)
      await expectAllAccepted(both, { version, trust: 'tuf' }, { exact })
    }
  })

  it('cosign v2.6.4 accepts a subject published in both formats with --trusted-root', async () => {
    const regexp = `^https://github\\.com/${escape(session.claims.repository)}/`
    await expectAllAccepted(both, { version: 'v2', trust: 'trusted-root' }, { regexp })
  })
})
