// The registry answers 429 with Retry-After while the pipeline pushes its tags (through the bed's
// fault-injecting proxy): the run waits as told, writes each layer once, and cosign v3 verifies the result.
import { afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import type { BedState } from '../../bed/state.js'
import { RegistryClient, parseReference } from '../../../src/oci/index.js'
import type { ImageManifest } from '../../../src/oci/index.js'
import { cosignTag } from '../../../src/publish/cosign-layout.js'
import { publishSample, readBedState, sbomFile } from '../interop/fixture.js'
import {
  clearFaults,
  clearLog,
  escapeRegex,
  expectCosignV3Accepts,
  faultLog,
  openBedSession,
  setFaults
} from './support.js'

let state: BedState
let sbomPath: string

beforeAll(async () => {
  state = readBedState()
  sbomPath = await sbomFile(state)
})
afterEach(async () => {
  await clearFaults(state.registries.flaky.adminUrl)
})

describe('registry faults during the tag push', () => {
  it('honours 429 + Retry-After on .sig/.att/fallback-index manifest PUTs', async () => {
    const flaky = state.registries.flaky
    const repo = 'reliability/registry-429'
    const tagPut = `^/v2/${escapeRegex(repo)}/manifests/sha256-[0-9a-f]{64}(\\.sig|\\.att)?$`
    await clearLog(flaky.adminUrl)
    await setFaults(flaky.adminUrl, [
      { method: 'PUT', path: tagPut, action: 'status', status: 429, retryAfter: '3', times: 2 }
    ])
    const session = await openBedSession(state)
    const started = Date.now()
    const p = await publishSample(state, session, 'flaky', repo, { sbom: { path: sbomPath } })
    const elapsed = Date.now() - started

    const puts = (await faultLog(flaky.adminUrl)).filter(
      r => r.method === 'PUT' && new RegExp(tagPut).test(r.path)
    )
    expect(puts.filter(r => r.status === 429)).toHaveLength(2)
    expect(puts.filter(r => r.status === 201).length).toBeGreaterThanOrEqual(3)
    // the 429s asked for three seconds (a clean run of this takes about one), and the run waited
    expect(elapsed).toBeGreaterThanOrEqual(3000)

    // each layer written once despite the replays: 1 signature, 3 attestations (2 provenance + SBOM)
    const registry = new RegistryClient()
    const ref = parseReference(`${p.repo}@${p.digest}`)
    const repoRef = parseReference(ref.repoString())
    const layers = async (suffix: 'sig' | 'att') =>
      ((await registry.getManifest(repoRef.withTag(cosignTag(p.digest, suffix)))).json as ImageManifest)
        .layers
    expect(await layers('sig')).toHaveLength(1)
    expect(await layers('att')).toHaveLength(3)

    await expectCosignV3Accepts(state, p, session)
    await expectCosignV3Accepts(state, p, session, false)
  })

  it('rides out resets and 503s on blob uploads and manifest PUTs, writing each layer once', async () => {
    const flaky = state.registries.flaky
    const repo = 'reliability/registry-resets'
    const base = `^/v2/${escapeRegex(repo)}/`
    await clearLog(flaky.adminUrl)
    await setFaults(flaky.adminUrl, [
      { method: 'PUT', path: `${base}manifests/sha256-[0-9a-f]{64}\\.sig$`, action: 'reset', times: 1 },
      {
        method: 'PUT',
        path: `${base}manifests/sha256-[0-9a-f]{64}\\.att$`,
        action: 'status',
        status: 503,
        times: 1
      },
      { method: 'POST', path: `${base}blobs/uploads/`, action: 'reset', times: 2 },
      { method: 'GET', path: `${base}manifests/sha256-`, action: 'status', status: 502, times: 1 }
    ])
    const session = await openBedSession(state)
    const p = await publishSample(state, session, 'flaky', repo, { sbom: { path: sbomPath } })
    const faulted = (await faultLog(flaky.adminUrl)).filter(r => r.fault && r.path.startsWith(`/v2/${repo}/`))
    expect(faulted.map(r => r.fault).sort()).toEqual(['reset', 'reset', 'reset', 'status', 'status'])

    const registry = new RegistryClient()
    const repoRef = parseReference(p.repo)
    const layers = async (suffix: 'sig' | 'att') =>
      ((await registry.getManifest(repoRef.withTag(cosignTag(p.digest, suffix)))).json as ImageManifest)
        .layers
    expect(await layers('sig')).toHaveLength(1)
    expect(await layers('att')).toHaveLength(3)
    await expectCosignV3Accepts(state, p, session)
    await expectCosignV3Accepts(state, p, session, false)
  })
})
