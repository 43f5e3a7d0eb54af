// A multi-arch index and its platform manifests as subjects: stock cosign verifies each by digest.
import { planned } from '../support/subjects.js'
import { beforeAll, describe, expect, it } from '@jest/globals'
import type { BedState, RegistryName } from '../../bed/state.js'
import { pushSampleImage } from '../../bed/tools/sample-image.js'
import { run } from '../../bed/tools/run.js'
import { RegistryClient } from '../../../src/oci/index.js'
import { attestSubjects } from '../../../src/pipeline/attest-subjects.js'
import type { SigningSession } from '../../../src/pipeline/session.js'
import { cosignVerify, cosignVerifyAttestation, statementsIn } from './cosign.js'
import type { CosignCall } from './cosign.js'
import { ISSUER, openSession, readBedState } from './fixture.js'

let state: BedState
let session: SigningSession

beforeAll(async () => {
  state = readBedState()
  session = await openSession(state)
})

describe.each<RegistryName>(['referrers', 'distribution'])('an index on the "%s" registry', registry => {
  const subjects: string[] = []

  beforeAll(async () => {
    const host = state.registries[registry].host
    const tag = `i${Date.now()}`
    const a = await pushSampleImage(state, registry, 'interop/multi', `${tag}-amd64`)
    const b = await pushSampleImage(state, registry, 'interop/multi', `${tag}-arm64`)
    const made = await run(state.tools.crane, [
      'index',
      'append',
      '--insecure',
      '-m',
      `${host}/interop/multi@${a}`,
      '-m',
      `${host}/interop/multi@${b}`,
      '-t',
      `${host}/interop/multi:${tag}`
    ])
    const index = /@(sha256:[0-9a-f]{64})/.exec(made.stdout)?.[1]
    expect(index).toBeDefined()
    subjects.push(
      `${host}/interop/multi@${index}`,
      `${host}/interop/multi@${a}`,
      `${host}/interop/multi@${b}`
    )
    const client = new RegistryClient()
    await attestSubjects(
      { subjects: await planned(client, subjects, 'index'), provenance: ['v1'] },
      { registry: client, session }
    )
  })

  it.each<[string, Omit<CosignCall, 'identity' | 'issuer'>]>([
    ['cosign v3 bundles', { version: 'v3', trust: 'trusted-root' }],
    ['cosign v3 tag layout', { version: 'v3', trust: 'trusted-root', newBundleFormat: false }],
    ['cosign v2 --trusted-root', { version: 'v2', trust: 'trusted-root' }]
  ])('%s verifies the index and each platform manifest', async (_name, mode) => {
    const call: CosignCall = {
      ...mode,
      identity: { exact: session.identity.subjectAlternativeName },
      issuer: ISSUER
    }
    for (const subject of subjects) {
      const sig = await cosignVerify(state, subject, call)
      expect({ subject, code: sig.code }).toEqual({ subject, code: 0 })
      const att = await cosignVerifyAttestation(state, subject, 'slsaprovenance1', call)
      expect({ subject, code: att.code }).toEqual({ subject, code: 0 })
      const digests = statementsIn(att.stdout).flatMap(s => s.subject.map(x => `sha256:${x.digest.sha256}`))
      expect(digests).toContain(subject.slice(subject.indexOf('@') + 1))
    }
  })
})
