// Appending next to another tool: layers cosign v2 wrote stay in the .sig tag, and both signatures verify.
import { beforeAll, describe, expect, it } from '@jest/globals'
import type { BedState } from '../../bed/state.js'
import { requireSigstore } from '../../bed/state.js'
import { cosignEnv } from '../../bed/tools/cosign-env.js'
import { pushSampleImage } from '../../bed/tools/sample-image.js'
import { run } from '../../bed/tools/run.js'
import { RegistryClient, parseReference } from '../../../src/oci/index.js'
import type { ImageManifest } from '../../../src/oci/index.js'
import { attestSubjects } from '../../../src/pipeline/attest-subjects.js'
import { planned } from '../support/subjects.js'
import type { SigningSession } from '../../../src/pipeline/session.js'
import { cosignTag } from '../../../src/publish/cosign-layout.js'
import { cosignVerify } from '../interop/cosign.js'
import { ISSUER, mintToken, openSession, readBedState } from '../interop/fixture.js'

let state: BedState
let session: SigningSession

beforeAll(async () => {
  state = readBedState()
  session = await openSession(state)
})

describe('a .sig tag another tool wrote', () => {
  it('keeps cosign v2 layers when we append, and cosign verifies both signatures', async () => {
    const s = requireSigstore(state)
    const host = state.registries.distribution.host
    const digest = await pushSampleImage(state, 'distribution', 'foreign/app', `f${Date.now()}`)
    const ref = `${host}/foreign/app@${digest}`
    const other = await mintToken(state, { repository: 'other-org/other-repo' })
    const signed = await run(
      state.tools.cosignV2,
      [
        'sign',
        '--yes',
        '--fulcio-url',
        s.fulcioUrl,
        '--rekor-url',
        s.rekorUrl,
        '--identity-token',
        other,
        ref
      ],
      { env: { ...process.env, ...cosignEnv(state, 'v2') }, timeoutMs: 60_000 }
    )
    expect({ code: signed.code, stderr: signed.code === 0 ? '' : signed.stderr }).toEqual({
      code: 0,
      stderr: ''
    })
    const registry = new RegistryClient()
    const repo = parseReference(`${host}/foreign/app`)
    const tag = repo.withTag(cosignTag(digest, 'sig'))
    const before = (await registry.getManifest(tag)).json as ImageManifest
    expect(before.layers).toHaveLength(1)

    await attestSubjects(
      { subjects: await planned(registry, [ref]), formats: ['legacy'], provenance: [] },
      { registry, session }
    )
    const after = (await registry.getManifest(tag)).json as ImageManifest
    expect(after.layers).toHaveLength(2)
    expect(after.layers[0]).toEqual(before.layers[0])

    const identities = [
      session.identity.subjectAlternativeName,
      'https://github.com/other-org/other-repo/.github/workflows/release.yaml@refs/tags/v1.2.3'
    ]
    for (const exact of identities) {
      const r = await cosignVerify(state, ref, {
        version: 'v2',
        trust: 'env',
        identity: { exact },
        issuer: ISSUER
      })
      expect({ exact, code: r.code }).toEqual({ exact, code: 0 })
    }
  })
})
