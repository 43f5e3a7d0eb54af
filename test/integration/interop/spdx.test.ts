// An SPDX SBOM file becomes a https://spdx.dev/Document attestation that cosign returns for --type spdxjson.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { join } from 'node:path'
import { writeFile } from 'node:fs/promises'
import type { BedState } from '../../bed/state.js'
import type { SigningSession } from '../../../src/pipeline/session.js'
import { cosignVerifyAttestation, statementsIn } from './cosign.js'
import { ISSUER, openSession, publishSample, readBedState, tempDir } from './fixture.js'
import type { Published } from './fixture.js'

const SPDX = {
  spdxVersion: 'SPDX-2.3',
  dataLicense: 'CC0-1.0',
  SPDXID: 'SPDXRef-DOCUMENT',
  name: 'sample',
  documentNamespace: 'https://example.com/spdx/sample',
  creationInfo: { created: '2026-01-01T00:00:00Z', creators: ['Tool: oci-attest-test'] },
  packages: [
    { SPDXID: 'SPDXRef-left-pad', name: 'left-pad', versionInfo: '1.3.0', downloadLocation: 'NOASSERTION' }
  ]
}

let state: BedState
let session: SigningSession
let published: Published

beforeAll(async () => {
  state = readBedState()
  session = await openSession(state)
  const path = join(await tempDir(state, 'spdx-'), 'sbom.spdx.json')
  await writeFile(path, JSON.stringify(SPDX))
  published = await publishSample(state, session, 'referrers', 'interop/spdx', {
    sbom: { path },
    provenance: []
  })
})

describe('SPDX SBOM attestation', () => {
  it.each([
    ['bundles', undefined],
    ['tag layout', false]
  ])('cosign v3.1.2 returns it from the %s for --type spdxjson', async (_name, newBundleFormat) => {
    const r = await cosignVerifyAttestation(state, `${published.repo}@${published.digest}`, 'spdxjson', {
      version: 'v3',
      trust: 'trusted-root',
      identity: { exact: session.identity.subjectAlternativeName },
      issuer: ISSUER,
      ...(newBundleFormat === false ? { newBundleFormat } : {})
    })
    expect({ code: r.code, stderr: r.code === 0 ? '' : r.stderr }).toEqual({ code: 0, stderr: '' })
    const [statement] = statementsIn(r.stdout)
    expect(statement?.predicateType).toBe('https://spdx.dev/Document')
    expect(statement?.predicate).toEqual(SPDX)
  })
})
