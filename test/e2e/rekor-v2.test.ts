// Rekor v2 end to end (issue 13): the bed's real rekor-tiles and timestamp-authority, chosen by a signing config
// alone (no URL inputs), through node dist/index.js. An index with its platforms and a chart in both registries;
// stock cosign v3 (bundles), sigstore-python and gh accept what was published, another identity is refused, and
// nothing went to the Rekor v1 stand-in. cosign v2 reads Rekor v2 bundles only with --use-signed-timestamps.
import { beforeAll, describe, expect, test } from '@jest/globals'
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { readBedState, requireRealSigstore, requireSigstore } from '../bed/state.js'
import { run } from '../bed/tools/run.js'
import {
  cosignArgs,
  cosignBinary,
  cosignVerify,
  cosignVerifyAttestation,
  statementsIn
} from '../integration/interop/cosign.js'
import type { CosignCall } from '../integration/interop/cosign.js'
import type { SigstoreServices } from '../../src/sigstore/signing-config/index.js'
import { runAction } from './support/action-runner.js'
import type { ActionRun } from './support/action-runner.js'
import { logMarks, logSince } from './support/bed-logs.js'
import { chartArchive } from './support/release-fixture.js'
import { pushChart, pushMultiArch } from './support/samples.js'
import type { MultiArch, Pushed } from './support/samples.js'
import { pooled, pythonVerify } from './support/release-verifiers.js'

const state = readBedState()
const s = requireSigstore(state)
const real = requireRealSigstore(state)
const IDENTITY = 'https://github.com/nvidia/gpu-operator/.github/workflows/release.yaml@refs/tags/v1.2.3'
const OTHER = IDENTITY.replace('nvidia/gpu-operator', 'nvidia/other')
const TYPES = {
  slsaprovenance1: 'https://slsa.dev/provenance/v1',
  slsaprovenance: 'https://slsa.dev/provenance/v0.2',
  cyclonedx: 'https://cyclonedx.org/bom'
}
const V3: CosignCall = {
  version: 'v3',
  trust: 'trusted-root',
  identity: { exact: IDENTITY },
  issuer: s.issuer
}
const unique = (): string => `${Date.now().toString(36)}${Math.random().toString(16).slice(2, 6)}`
const explain = (r: ActionRun): string =>
  `exit ${r.code}\n${r.stdout
    .split('\n')
    .filter(l => !l.includes('::add-mask::'))
    .slice(-30)
    .join('\n')}\n${r.stderr.slice(-2000)}`

interface Target {
  ref: string
  digest: string
  kind: string
}
let targets: Target[]
let action: ActionRun
let logged: Awaited<ReturnType<typeof logSince>>

beforeAll(async () => {
  const id = unique()
  const pushed: Array<MultiArch | Pushed> = []
  const found: Target[] = []
  for (const registry of ['referrers', 'distribution'] as const) {
    const host = state.registries[registry].host
    const index = await pushMultiArch(`${host}/e2e/rekor-v2-${id}/gpu-operator`, 'v1.2.3')
    const chart = await pushChart(`${host}/e2e/rekor-v2-${id}/charts`, 'gpu-operator', '1.2.3', {
      archive: chartArchive(`${host}/e2e/rekor-v2-${id}/gpu-operator`)
    })
    pushed.push(index, chart)
    const repo = index.ref.replace(/:[^:/]+$/, '')
    found.push({ ref: `${repo}@${index.digest}`, digest: index.digest, kind: 'index' })
    for (const p of index.platforms)
      found.push({ ref: `${repo}@${p.digest}`, digest: p.digest, kind: 'image' })
    found.push({
      ref: `${chart.ref.replace(/:[^:/]+$/, '')}@${chart.digest}`,
      digest: chart.digest,
      kind: 'chart'
    })
  }
  targets = found
  const marks = await logMarks(state)
  action = await runAction(state, {
    subjects: pushed.map(p => p.ref).join('\n'),
    'signing-config': real.signingConfigPath,
    'trusted-root': s.trustedRootPath
  })
  logged = await logSince(state, marks)
}, 600_000)

describe('Rekor v2 with the real rekor-tiles and timestamp-authority, chosen by the signing config', () => {
  test('the run signs to Rekor v2 with a TSA timestamp per signature, bundles only, nothing to Rekor v1', async () => {
    expect({ code: action.code, log: action.code === 0 ? '' : explain(action) }).toEqual({ code: 0, log: '' })
    const services = JSON.parse(action.outputs['sigstore-services']!) as SigstoreServices
    expect(services.rekor.map(r => [r.url, r.majorApiVersion])).toEqual([[real.rekorV2Url, 2]])
    expect(services.tsa.map(t => t.url)).toEqual([real.tsaUrl])
    expect(action.summary).toContain(`Rekor <code>${real.rekorV2Url}</code> (API v2)`)
    // The Rekor v1 stand-in saw nothing; every entry went to rekor-tiles.
    expect((logged.rekor ?? []).filter(r => r.method === 'POST')).toEqual([])
    const attestations = JSON.parse(action.outputs.attestations!) as { rekorUrl: string; tag?: string }[]
    expect(attestations.length).toBeGreaterThan(0)
    expect(new Set(attestations.map(a => a.rekorUrl))).toEqual(new Set([real.rekorV2Url.replace(/\/+$/, '')]))
    expect(attestations.filter(a => a.tag)).toEqual([]) // no .sig/.att tags: they need a Rekor v1 SET
    const paths = JSON.parse(action.outputs['bundle-paths']!) as string[]
    expect(paths.length).toBe(attestations.length)
    for (const path of paths) {
      const bundle = JSON.parse(await readFile(path, 'utf8')) as {
        verificationMaterial: {
          tlogEntries: {
            kindVersion: object
            logId: { keyId: string }
            inclusionPromise?: object
            integratedTime?: string
          }[]
          timestampVerificationData: { rfc3161Timestamps: object[] }
        }
      }
      const [entry, ...more] = bundle.verificationMaterial.tlogEntries
      expect(more).toEqual([])
      expect(entry!.kindVersion).toEqual({ kind: 'hashedrekord', version: '0.0.2' })
      expect(entry!.logId.keyId).toBe(real.rekorV2LogId)
      expect(entry!.inclusionPromise).toBeUndefined()
      expect(bundle.verificationMaterial.timestampVerificationData.rfc3161Timestamps).toHaveLength(1)
    }
  })

  test('cosign v3.1.2 verify and verify-attestation (slsaprovenance1, slsaprovenance, cyclonedx) accept every subject in both registries', async () => {
    type Result = { what: string; r: Awaited<ReturnType<typeof cosignVerify>>; t: Target; type?: string }
    const calls = targets.flatMap((t): Array<() => Promise<Result>> => [
      async () => ({ what: `verify ${t.ref}`, r: await cosignVerify(state, t.ref, V3), t }),
      ...Object.entries(TYPES).map(([name, type]) => async () => ({
        what: `verify-attestation --type ${name} ${t.ref}`,
        r: await cosignVerifyAttestation(state, t.ref, name, V3),
        t,
        type
      }))
    ])
    const results = await pooled(calls, 4)
    const failed = results.filter(x => x.r.code !== 0).map(x => `${x.what}: ${x.r.stderr.slice(-400)}`)
    expect(failed).toEqual([])
    for (const x of results.filter(y => y.type))
      expect(
        statementsIn(x.r.stdout).map(st => [st.predicateType, st.subject.map(sub => sub.digest.sha256)])
      ).toEqual([[x.type, [x.t.digest.replace('sha256:', '')]]])
  })

  test('cosign v3 refuses another identity; cosign v2 needs --use-signed-timestamps for a Rekor v2 entry', async () => {
    const t = targets[0]!
    const other = await cosignVerify(state, t.ref, { ...V3, identity: { exact: OTHER } })
    expect(other.code).not.toBe(0)
    expect(other.stderr).toContain(`expected SAN value "${OTHER}"`)
    // cosign v2 reads the bundle referrers with --new-bundle-format; it counts only log timestamps by default.
    const { args, env } = cosignArgs(state, { ...V3, version: 'v2' })
    const v2 = (extra: string[]) =>
      run(cosignBinary(state, 'v2'), ['verify', ...args, '--new-bundle-format', ...extra, t.ref], {
        env,
        timeoutMs: 120_000
      })
    const plain = await v2([])
    expect(plain.code).not.toBe(0)
    expect(plain.stderr).toMatch(/threshold not met for verified log entry integrated timestamps: 0 < 1/)
    const signed = await v2(['--use-signed-timestamps'])
    expect({ code: signed.code, err: signed.code ? signed.stderr.slice(-600) : '' }).toEqual({
      code: 0,
      err: ''
    })
  })

  test('sigstore-python 4.5.1 accepts the bundle files of one index and its chart; gh accepts them from the registry', async () => {
    const attestations = JSON.parse(action.outputs.attestations!) as {
      digest: string
      subject: string
      kind: string
    }[]
    const paths = JSON.parse(action.outputs['bundle-paths']!) as string[]
    const index = targets.find(t => t.kind === 'index')!
    const chart = targets.find(t => t.kind === 'chart')!
    const mine = paths.filter(
      p => p.includes(index.digest.replace(':', '_')) || p.includes(chart.digest.replace(':', '_'))
    )
    expect(mine.length).toBeGreaterThanOrEqual(6)
    const py = await pooled(
      mine.map(p => async () => ({
        p,
        r: await pythonVerify(
          state,
          p,
          p.includes(index.digest.replace(':', '_')) ? index.digest : chart.digest,
          IDENTITY
        )
      })),
      3
    )
    expect(py.filter(x => x.r.code !== 0).map(x => `${x.p}: ${x.r.stderr.slice(-500)}`)).toEqual([])
    expect(attestations.length).toBeGreaterThan(0)

    const dir = join(state.dir, 'tmp', `gh-v2-${unique()}`)
    await mkdir(join(dir, 'config'), { recursive: true })
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: dir,
      GH_CONFIG_DIR: join(dir, 'config'),
      GH_TOKEN: 'not-a-real-token',
      GH_NO_UPDATE_NOTIFIER: '1',
      GH_PROMPT_DISABLED: '1',
      NO_COLOR: '1',
      HTTPS_PROXY: 'http://127.0.0.1:9',
      HTTP_PROXY: 'http://127.0.0.1:9',
      NO_PROXY: ''
    }
    const gh = await run(
      state.tools.gh,
      [
        'attestation',
        'verify',
        `oci://${index.ref}`,
        '--bundle-from-oci',
        '--owner',
        'nvidia',
        '--custom-trusted-root',
        s.trustedRootPath,
        '--predicate-type',
        TYPES.slsaprovenance1,
        '--format',
        'json'
      ],
      { env, timeoutMs: 120_000 }
    )
    expect({ code: gh.code, err: gh.code ? gh.stderr.slice(-800) + gh.stdout.slice(-400) : '' }).toEqual({
      code: 0,
      err: ''
    })
  })
})
