// Dry runs through node dist/index.js: everything is built and checked, and the bed's servers log no write.
import { describe, expect, test } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readBedState } from '../bed/state.js'
import { RegistryClient } from '../../src/oci/index.js'
import { bedSigstoreInputs, runAction } from './support/action-runner.js'
import { logMarks, logSince } from './support/bed-logs.js'
import { pushChart, pushMultiArch } from './support/samples.js'

const state = readBedState()
const unique = (): string => `${Date.now().toString(36)}${Math.random().toString(16).slice(2, 6)}`
const WRITES = new Set(['PUT', 'POST', 'PATCH', 'DELETE'])

describe('dry run', () => {
  test('a pull_request event runs dry: no token, Fulcio, Rekor or registry write; the summary lists what would be pushed', async () => {
    // The flaky proxy logs every registry request; distribution behind it has no referrers API (fallback tags).
    const host = state.registries.flaky.host
    const id = unique()
    const index = await pushMultiArch(`${host}/e2e/dry-${id}`, 'pr-1')
    const chart = await pushChart(`${host}/e2e/dry-charts-${id}`, 'gpu-operator', '0.0.1-pr')
    const client = new RegistryClient()
    const before = await client.headManifest(`${host}/e2e/dry-${id}:sha256-${index.digest.slice(7)}.sig`)
    const sigstoreInputs = await bedSigstoreInputs(state)
    const marks = await logMarks(state)

    const run = await runAction(
      state,
      { subjects: `${index.ref}\n${chart.ref}`, ...sigstoreInputs },
      { event: 'pull_request' }
    )
    const logged = await logSince(state, marks)
    expect({ code: run.code, err: run.code === 0 ? '' : run.stdout.slice(-3000) }).toEqual({
      code: 0,
      err: ''
    })
    expect(run.outputs['dry-run']).toBe('true')

    // Nothing reached the Sigstore stack, not even the OIDC token endpoint; the registry saw reads only.
    expect(logged.oidc).toEqual([])
    expect(logged.fulcio).toEqual([])
    expect(logged.rekor).toEqual([])
    expect(logged.tsa).toEqual([])
    expect(logged.flaky!.length).toBeGreaterThan(0)
    expect(logged.flaky!.filter(r => WRITES.has(r.method))).toEqual([])
    expect(before).toBeUndefined()
    expect(
      await client.headManifest(`${host}/e2e/dry-${id}:sha256-${index.digest.slice(7)}.sig`)
    ).toBeUndefined()
    expect(await client.headManifest(`${host}/e2e/dry-${id}:sha256-${index.digest.slice(7)}`)).toBeUndefined()

    // Everything else ran: tags resolved, SBOMs generated, every statement signed with the marked key.
    expect(JSON.parse(run.outputs.digests!)).toEqual({ [index.ref]: index.digest, [chart.ref]: chart.digest })
    // Platform images' SBOMs from their layers, the index's composed from them, the chart's from its images.
    expect(Object.keys(JSON.parse(run.outputs['sbom-paths']!)).sort()).toEqual(
      [index.digest, chart.digest, ...index.platforms.map(p => p.digest)].sort()
    )
    const attestations = JSON.parse(run.outputs.attestations!) as { kind: string; rekorLogIndex?: number }[]
    // index, platform images and the chart: 2 signatures, 2 provenances, an SBOM each.
    expect(attestations.length).toBe(5 + 5 + 5 + 5)
    expect(attestations.every(a => a.rekorLogIndex === undefined)).toBe(true)
    const bundles = JSON.parse(run.outputs['bundle-paths']!) as string[]
    expect(bundles.every(b => b.includes('oci-attest-dry-run'))).toBe(true)
    const cert = JSON.parse(readFileSync(bundles[0]!, 'utf8')).verificationMaterial.certificate
      .rawBytes as string
    expect(Buffer.from(cert, 'base64').toString('latin1')).toContain(
      'oci-attest DRY RUN - self-signed, not trusted'
    )
    expect(existsSync(join(run.runnerTemp, 'created_attestation_paths.txt'))).toBe(false)

    // Log and summary say DRY RUN and list each write: tags, referrer manifests, fallback index, media types, sizes.
    expect(run.stdout).toContain('DRY RUN (dry-run: auto, and the event is pull_request)')
    expect(run.stdout).toContain('DRY RUN checks passed')
    expect(run.summary).toContain('## oci-attest: DRY RUN')
    expect(run.summary).toMatch(/DRY RUN: would push<\/summary>|DRY RUN: would push \(/)
    const tag = `${host}/e2e/dry-${id}:sha256-${index.digest.slice(7)}.sig`
    expect(run.summary).toContain(tag)
    expect(run.summary).toContain(`${host}/e2e/dry-${id}:sha256-${index.digest.slice(7)}.att`)
    expect(run.summary).toContain('referrers fallback index')
    expect(run.summary).toContain('application/vnd.dev.sigstore.bundle.v0.3+json')
    expect(run.summary).toMatch(
      /application\/vnd\.dsse\.envelope\.v1\+json \d+ B https:\/\/cyclonedx\.org\/bom/
    )
  })

  test('dry-run: true outside a PR needs no OIDC variables and still fails for what would fail for real', async () => {
    const host = state.registries.distribution.host
    const run = await runAction(
      state,
      {
        subjects: `${host}/e2e/absent-${unique()}:v9`,
        'dry-run': 'true',
        ...(await bedSigstoreInputs(state))
      },
      { oidc: false }
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/::error::.*absent-.*\[plan\].*tag v9 is not in .*push the artifact first/)
  })
})
