// Stock tools must reject: another identity, another issuer, a tampered layer, an attestation for another digest.
import { beforeAll, describe, expect, it } from '@jest/globals'
import type { BedState, RegistryName } from '../../bed/state.js'
import { pushSampleImage } from '../../bed/tools/sample-image.js'
import { RegistryClient, parseReference } from '../../../src/oci/index.js'
import type { ImageManifest } from '../../../src/oci/index.js'
import { serializeStatement, buildStatement, subjectFor } from '../../../src/attest/statement.js'
import { parseDigest, Repository } from '../../../src/oci/name.js'
import { pushBundleReferrer } from '../../../src/publish/bundle-referrer.js'
import { appendToCosignTag, cosignTag } from '../../../src/publish/cosign-layout.js'
import {
  attestationLayer,
  signatureLayer,
  simpleSigningPayload
} from '../../../src/publish/cosign-payloads.js'
import { TagWriters } from '../../../src/oci/tag-writer.js'
import type { SigningSession } from '../../../src/pipeline/session.js'
import { cosignVerify, cosignVerifyAttestation } from './cosign.js'
import type { CosignCall } from './cosign.js'
import { ISSUER, openSession, publishSample, readBedState, sbomFile } from './fixture.js'
import type { Published } from './fixture.js'

let state: BedState
let session: SigningSession
let sbomPath: string
const registryClient = new RegistryClient()

beforeAll(async () => {
  state = readBedState()
  session = await openSession(state)
  sbomPath = await sbomFile(state)
})

/** Each way a stock verifier reads what we publish; every negative is checked in all of them. */
const MODES: { name: string; call: Omit<CosignCall, 'identity' | 'issuer'>; legacyOnly?: boolean }[] = [
  { name: 'cosign v3 bundles', call: { version: 'v3', trust: 'trusted-root' } },
  { name: 'cosign v3 tag layout', call: { version: 'v3', trust: 'trusted-root', newBundleFormat: false } },
  { name: 'cosign v2 env trust', call: { version: 'v2', trust: 'env' }, legacyOnly: true }
]

const slsa = 'slsaprovenance1'

async function freshImage(registry: RegistryName, repo: string): Promise<{ ref: string; digest: string }> {
  const digest = await pushSampleImage(
    state,
    registry,
    repo,
    `n${Date.now()}${Math.random().toString(16).slice(2, 6)}`
  )
  return { ref: `${state.registries[registry].host}/${repo}`, digest }
}

describe.each<RegistryName>(['referrers', 'distribution'])(
  'stock cosign rejects on the "%s" registry',
  registry => {
    let both: Published
    let legacy: Published

    beforeAll(async () => {
      both = await publishSample(state, session, registry, 'negative/both', { sbom: { path: sbomPath } })
      legacy = await publishSample(state, session, registry, 'negative/legacy', {
        sbom: { path: sbomPath },
        formats: ['legacy']
      })
    })

    const target = (legacyOnly?: boolean): Published => (legacyOnly ? legacy : both)

    it.each(MODES)(
      '$name: another identity, with the positive control passing',
      async ({ call, legacyOnly }) => {
        const p = target(legacyOnly)
        const ref = `${p.repo}@${p.digest}`
        const ok = await cosignVerifyAttestation(state, ref, slsa, {
          ...call,
          identity: { exact: session.identity.subjectAlternativeName },
          issuer: ISSUER
        })
        expect(ok.code).toBe(0)
        const other = 'https://github.com/someone/else/.github/workflows/release.yml@refs/heads/main'
        const sig = await cosignVerify(state, ref, { ...call, identity: { exact: other }, issuer: ISSUER })
        expect(sig.code).not.toBe(0)
        expect(sig.stderr).toMatch(/none of the expected identities matched|no matching CertificateIdentity/)
        // An unanchored-looking prefix of another repository must not match either.
        const att = await cosignVerifyAttestation(state, ref, slsa, {
          ...call,
          identity: { regexp: '^https://github\\.com/someone/' },
          issuer: ISSUER
        })
        expect(att.code).not.toBe(0)
      }
    )

    it.each(MODES)('$name: another issuer', async ({ call, legacyOnly }) => {
      const p = target(legacyOnly)
      const identity = { exact: session.identity.subjectAlternativeName }
      const r = await cosignVerify(state, `${p.repo}@${p.digest}`, {
        ...call,
        identity,
        issuer: 'https://accounts.google.com'
      })
      expect(r.code).not.toBe(0)
      expect(r.stderr).toMatch(/issuer|identit/i)
    })

    it('a tampered layer is rejected (tag layout: payload bytes; bundle: DSSE payload)', async () => {
      const identity = { exact: session.identity.subjectAlternativeName }
      const predicateType = 'https://slsa.dev/provenance/v1'
      // Tag layout only (so cosign v2 stays in tag mode): real signatures stored over altered bytes.
      const legacyImage = await freshImage(registry, 'negative/tampered-tags')
      const repo = parseReference(legacyImage.ref)
      const payload = simpleSigningPayload(legacyImage.ref, legacyImage.digest)
      const signed = await session.signer.signPayload(payload)
      const tampered = Buffer.from(payload.toString().replace('"optional":null', '"optional":{}'))
      await appendToCosignTag(registryClient, new TagWriters(), repo, legacyImage.digest, 'sig', [
        signatureLayer(tampered, signed.signature, signed)
      ])
      const real = serializeStatement(
        buildStatement(
          [subjectFor(Repository.parse(legacyImage.ref), parseDigest(legacyImage.digest))],
          predicateType,
          { x: 1 }
        )
      )
      const forged = serializeStatement(
        buildStatement(
          [subjectFor(Repository.parse(legacyImage.ref), parseDigest(legacyImage.digest))],
          predicateType,
          { x: 2 }
        )
      )
      const dsse = await session.signer.signStatement(real)
      const envelope = JSON.parse(dsse.envelope.toString()) as { payload: string }
      const tamperedEnvelope = Buffer.from(
        JSON.stringify({ ...envelope, payload: forged.toString('base64') })
      )
      await appendToCosignTag(registryClient, new TagWriters(), repo, legacyImage.digest, 'att', [
        attestationLayer(tamperedEnvelope, predicateType, dsse)
      ])
      for (const { name, call } of MODES.filter(m => m.name !== 'cosign v3 bundles')) {
        const ref = `${legacyImage.ref}@${legacyImage.digest}`
        const sig = await cosignVerify(state, ref, { ...call, identity, issuer: ISSUER })
        const att = await cosignVerifyAttestation(state, ref, slsa, { ...call, identity, issuer: ISSUER })
        expect({ name, sig: sig.code === 0, att: att.code === 0 }).toEqual({ name, sig: false, att: false })
        expect(sig.stderr + att.stderr).not.toMatch(/trusted root is required/)
      }

      // Bundle only: the DSSE payload in the bundle swapped after signing.
      const bundleImage = await freshImage(registry, 'negative/tampered-bundle')
      const bundleRepo = parseReference(bundleImage.ref)
      const statement = serializeStatement(
        buildStatement(
          [subjectFor(Repository.parse(bundleImage.ref), parseDigest(bundleImage.digest))],
          predicateType,
          { x: 1 }
        )
      )
      const swapped = serializeStatement(
        buildStatement(
          [subjectFor(Repository.parse(bundleImage.ref), parseDigest(bundleImage.digest))],
          predicateType,
          { x: 2 }
        )
      )
      const signedBundle = await session.signer.signStatement(statement)
      const bundle = JSON.parse(signedBundle.bundleJson.toString()) as { dsseEnvelope: { payload: string } }
      bundle.dsseEnvelope.payload = swapped.toString('base64')
      const head = await registryClient.headManifest(bundleRepo.withDigest(bundleImage.digest))
      await pushBundleReferrer(
        registryClient,
        bundleRepo,
        head!,
        Buffer.from(JSON.stringify(bundle)),
        predicateType
      )
      const r = await cosignVerifyAttestation(state, `${bundleImage.ref}@${bundleImage.digest}`, slsa, {
        version: 'v3',
        trust: 'trusted-root',
        identity,
        issuer: ISSUER
      })
      expect(r.code).not.toBe(0)
      expect(r.stderr).toMatch(/hash|signature/i)
    })

    it('an attestation copied to another digest is rejected', async () => {
      const identity = { exact: session.identity.subjectAlternativeName }
      for (const source of [both, legacy]) {
        const { ref, digest } = await freshImage(registry, source.repo.slice(source.repo.indexOf('/') + 1))
        const repo = parseReference(ref)
        // Tag layout: the genuine .att manifest of the source placed under the other digest's tag.
        const att = await registryClient.getManifest(repo.withTag(cosignTag(source.digest, 'att')))
        await registryClient.putManifest(repo.withTag(cosignTag(digest, 'att')), att.bytes, att.mediaType)
        const item = source.report.subjects[0]!.items.find(i => i.kind === 'provenance-v1')!
        if (item.referrer) {
          // Bundles: the genuine provenance bundle of the source, as a referrer of the other digest.
          const referrer = (await registryClient.getManifest(repo.withDigest(item.referrer)))
            .json as ImageManifest
          const bundleBytes = await registryClient.readBlob(repo, referrer.layers[0]!.digest)
          const head = await registryClient.headManifest(repo.withDigest(digest))
          await pushBundleReferrer(registryClient, repo, head!, bundleBytes, 'https://slsa.dev/provenance/v1')
        }
        // The bundle-mode reader needs bundles (source `both`); v2 env mode needs a tag-layout-only repository.
        const modes =
          source === both
            ? MODES.filter(m => !m.legacyOnly)
            : MODES.filter(m => m.name !== 'cosign v3 bundles')
        for (const { name, call } of modes) {
          const r = await cosignVerifyAttestation(state, `${ref}@${digest}`, slsa, {
            ...call,
            identity,
            issuer: ISSUER
          })
          expect({ name, code: r.code }).not.toEqual({ name, code: 0 })
          expect(r.stderr).toMatch(/digest/i)
        }
      }
    })
  }
)
