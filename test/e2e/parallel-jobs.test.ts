// Parallel jobs on one digest: three bundled actions (separate processes, so they truly race) attest the same
// image at once with verify: false, and a re-read afterwards must find every run's layers and referrers.
// Repetitions per registry: OCI_ATTEST_PARALLEL_REPS (default 10, as the issue asks; fewer on a slow machine).
import { describe, expect, test } from '@jest/globals'
import { clearFaults, faultLog, setFaults } from '../integration/reliability/support.js'
import { readBedState } from '../bed/state.js'
import type { RegistryName } from '../bed/state.js'
import { pushSampleImage } from '../bed/tools/sample-image.js'
import { RegistryClient, parseReference } from '../../src/oci/index.js'
import type { ImageManifest } from '../../src/oci/index.js'
import { bedSigstoreInputs, runAction } from './support/action-runner.js'
import type { ActionRun } from './support/action-runner.js'

const state = readBedState()
const RUNS = 3
const REPS = Number(process.env.OCI_ATTEST_PARALLEL_REPS ?? 10)
const unique = (): string => `${Date.now().toString(36)}${Math.random().toString(16).slice(2, 6)}`

interface Attestation {
  kind: string
  digest: string
  rekorLogIndex?: number
  referrer?: string
  tag?: string
}

/** Rekor log indexes of the layers a cosign tag holds now (from each layer's bundle annotation). */
async function layerLogIndexes(client: RegistryClient, ref: string): Promise<Set<number>> {
  try {
    const { json } = await client.getManifest(ref)
    return new Set(
      (json as ImageManifest).layers.map(
        l =>
          (
            JSON.parse(l.annotations?.['dev.sigstore.cosign/bundle'] ?? '{}') as {
              Payload?: { logIndex?: number }
            }
          ).Payload?.logIndex ?? -1
      )
    )
  } catch {
    return new Set()
  }
}

interface Tally {
  runs: number
  succeeded: number
  expected: number
  lost: string[]
  /** Debug lines of re-merges: proof the runs really raced (and were repaired). */
  remerges: number
  /** Requests the fault proxy answered 503 to: proof the faults were there. */
  faults: number
}

/** One repetition: three runs at once, then what of each run's material a fresh read still finds. */
async function race(registry: RegistryName, rep: number, tally: Tally, faultRate = 0): Promise<void> {
  const host = state.registries[registry].host
  const repo = `e2e/parallel-${registry}-${unique()}`
  const digest = await pushSampleImage(state, registry, repo, 'v1')
  // Faults only while the jobs run: the sample is pushed before, and the final re-read is clean.
  const flaky = state.registries.flaky
  if (faultRate > 0)
    await setFaults(flaky.adminUrl, [
      { path: `^/v2/${repo}/`, action: 'status', status: 503, rate: faultRate }
    ])
  const inputs = {
    'subject-name': `${host}/${repo}`,
    'subject-digest': digest,
    sbom: 'none',
    verify: 'false',
    'show-summary': 'false',
    ...(await bedSigstoreInputs(state))
  }
  const runs: ActionRun[] = await Promise.all(Array.from({ length: RUNS }, () => runAction(state, inputs)))
  if (faultRate > 0) {
    await clearFaults(flaky.adminUrl)
    tally.faults += (await faultLog(flaky.adminUrl)).filter(
      r => r.fault && r.path.startsWith(`/v2/${repo}/`)
    ).length
  }
  const client = new RegistryClient()
  const base = parseReference(`${host}/${repo}`)
  const tags = new Map<string, Set<number>>()
  const referrers = new Set((await client.listReferrers(base, digest)).map(d => d.digest))
  runs.forEach((run, i) => {
    tally.runs++
    tally.remerges += run.stdout
      .split('\n')
      .filter(l => l.startsWith('::debug::') && l.includes('re-merging')).length
    if (run.code === 0) tally.succeeded++
    else {
      const errors = run.stdout.split('\n').filter(l => l.startsWith('::error'))
      tally.lost.push(
        `rep ${rep} run ${i}: exit ${run.code}: ${errors.join('\n') || run.stderr.slice(-1000)}`
      )
    }
  })
  for (const [i, run] of runs.entries()) {
    const produced = JSON.parse(run.outputs.attestations ?? '[]') as Attestation[]
    for (const a of produced) {
      if (a.tag) {
        tally.expected++
        const ref = `${host}/${repo}:${a.tag}`
        if (!tags.has(ref)) tags.set(ref, await layerLogIndexes(client, ref))
        if (!tags.get(ref)!.has(a.rekorLogIndex!))
          tally.lost.push(
            `${registry} rep ${rep} run ${i}: ${a.kind} layer (log index ${a.rekorLogIndex}) not in ${a.tag}`
          )
      }
      if (a.referrer) {
        tally.expected++
        if (!referrers.has(a.referrer))
          tally.lost.push(`${registry} rep ${rep} run ${i}: ${a.kind} referrer ${a.referrer} not listed`)
      }
    }
  }
}

describe('three parallel jobs on one digest, verify: false', () => {
  test.each(['distribution', 'referrers'] as const)(
    'on %s: every run succeeds and a re-read finds every layer and referrer of every run',
    async registry => {
      const tally: Tally = { runs: 0, succeeded: 0, expected: 0, lost: [], remerges: 0, faults: 0 }
      for (let rep = 1; rep <= REPS; rep++) await race(registry, rep, tally)
      const lost = tally.lost.filter(l => !l.includes(': exit ')).length
      console.log(
        `parallel jobs on ${registry}: ${REPS} reps x ${RUNS} runs = ${tally.runs} runs, ` +
          `${tally.succeeded} succeeded, ${lost} of ${tally.expected} layers/referrers lost, ${tally.remerges} re-merges`
      )
      expect(tally.lost).toEqual([])
      expect(tally.expected).toBeGreaterThan(0)
    },
    REPS * 240_000
  )
})

describe('three parallel jobs on one digest, verify: false, 10% injected registry faults', () => {
  test(
    'on distribution behind the fault proxy: every run succeeds and nothing is lost',
    async () => {
      const tally: Tally = { runs: 0, succeeded: 0, expected: 0, lost: [], remerges: 0, faults: 0 }
      for (let rep = 1; rep <= REPS; rep++) await race('flaky', rep, tally, 0.1)
      console.log(
        `parallel jobs with 10% 503s (${tally.faults} injected): ${tally.runs} runs, ${tally.succeeded} succeeded, ` +
          `${tally.lost.filter(l => !l.includes(': exit ')).length} of ${tally.expected} lost, ${tally.remerges} re-merges`
      )
      expect(tally.lost).toEqual([])
      expect(tally.expected).toBeGreaterThan(0)
    },
    REPS * 240_000
  )
})
