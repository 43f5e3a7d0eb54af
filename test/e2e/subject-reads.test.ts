// The plan reads each subject's manifest once; SBOM generation, signing and publishing reuse it (issue 11).
import { describe, expect, test } from '@jest/globals'
import { readBedState } from '../bed/state.js'
import { pushSampleImage } from '../bed/tools/sample-image.js'
import { bedSigstoreInputs, runAction } from './support/action-runner.js'
import { logMarks, logSince } from './support/bed-logs.js'
import type { LoggedRequest } from './support/bed-logs.js'
import { pushMultiArch } from './support/samples.js'

const state = readBedState()
const flaky = state.registries.flaky
const unique = (): string => `${Date.now().toString(36)}${Math.random().toString(16).slice(2, 6)}`

/** GETs and HEADs of `repo`'s manifest by `digest`, as the registry saw them. */
const manifestReads = (log: LoggedRequest[], repo: string, digest: string): LoggedRequest[] =>
  log.filter(
    r => ['GET', 'HEAD'].includes(r.method) && r.path.split('?')[0] === `/v2/${repo}/manifests/${digest}`
  )

describe('a plain run reads each subject manifest once', () => {
  test('an image: one read by the plan, none by SBOM generation, signing, publishing or self-verification', async () => {
    const repo = `e2e/reads-${unique()}`
    const digest = await pushSampleImage(state, 'flaky', repo, 'v1')
    const marks = await logMarks(state)
    const run = await runAction(state, {
      subjects: `${flaky.host}/${repo}:v1`,
      ...(await bedSigstoreInputs(state))
    })
    expect(run.code).toBe(0)
    expect(JSON.parse(run.outputs['sbom-paths']!)).toHaveProperty(digest)
    const logged = (await logSince(state, marks)).flaky!
    expect(manifestReads(logged, repo, 'v1')).toHaveLength(1)
    expect(manifestReads(logged, repo, digest)).toEqual([])
  })

  test('an index: the index and each platform manifest once, though every platform gets an SBOM', async () => {
    const repo = `e2e/reads-multi-${unique()}`
    const index = await pushMultiArch(`${flaky.host}/${repo}`, 'v1')
    const marks = await logMarks(state)
    const run = await runAction(state, {
      subjects: `${flaky.host}/${repo}@${index.digest}`,
      ...(await bedSigstoreInputs(state))
    })
    expect(run.code).toBe(0)
    const logged = (await logSince(state, marks)).flaky!
    expect(manifestReads(logged, repo, index.digest)).toHaveLength(1)
    for (const p of index.platforms) {
      expect(JSON.parse(run.outputs['sbom-paths']!)).toHaveProperty(p.digest)
      expect(manifestReads(logged, repo, p.digest)).toHaveLength(1)
    }
  })
})
