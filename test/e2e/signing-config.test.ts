// Service selection through node dist/index.js: a signing config alone (no URL inputs) chooses the bed's Fulcio
// and Rekor; a Rekor v2 choice the run cannot honour (no TSA, legacy tags) is an input error before any request.
import { describe, expect, test } from '@jest/globals'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readBedState, requireSigstore } from '../bed/state.js'
import { pushSampleImage } from '../bed/tools/sample-image.js'
import type { SigstoreServices } from '../../src/sigstore/signing-config/index.js'
import { runAction } from './support/action-runner.js'
import type { ActionRun } from './support/action-runner.js'
import { logMarks, logSince } from './support/bed-logs.js'

const state = readBedState()
const s = requireSigstore(state)
const unique = (): string => `${Date.now().toString(36)}${Math.random().toString(16).slice(2, 6)}`
const explain = (run: ActionRun): string =>
  `exit ${run.code}\n${run.stdout
    .split('\n')
    .filter(l => !l.includes('::add-mask::'))
    .slice(-30)
    .join('\n')}\n${run.stderr.slice(-2000)}`

describe('signing config', () => {
  test("the bed's signing config alone chooses its Fulcio and Rekor v1; the outputs and summary name them", async () => {
    const host = state.registries.distribution.host
    const repo = `e2e/signing-config-${unique()}`
    const digest = await pushSampleImage(state, 'distribution', repo, 'v1')
    const marks = await logMarks(state)
    const run = await runAction(state, {
      subjects: `${host}/${repo}@${digest}`,
      'signing-config': s.signingConfigPath,
      'trusted-root': s.trustedRootPath,
      sbom: 'none',
      provenance: 'v1',
      formats: 'referrers'
    })
    const logged = await logSince(state, marks)
    expect({ code: run.code, log: run.code === 0 ? '' : explain(run) }).toEqual({ code: 0, log: '' })

    const services = JSON.parse(run.outputs['sigstore-services']!) as SigstoreServices
    const chosen = { majorApiVersion: 1, operator: 'oci-attest test bed', from: 'signing-config' }
    expect(services).toEqual({
      signingConfig: s.signingConfigPath,
      fulcio: { url: s.fulcioUrl, ...chosen },
      rekor: [{ url: s.rekorUrl, ...chosen }],
      // The config lists the bed's TSA, but with Rekor v1 only a tsa-url input adds timestamps.
      tsa: []
    })
    expect(logged.fulcio!.filter(r => r.method === 'POST').length).toBe(1)
    expect(logged.rekor!.filter(r => r.method === 'POST' && r.path === '/api/v1/log/entries').length).toBe(2)
    expect(logged.tsa).toEqual([])
    const attestations = JSON.parse(run.outputs.attestations!) as { rekorUrl: string }[]
    expect(
      attestations.map(a => a.rekorUrl.startsWith(`${s.rekorUrl}/api/v1/log/entries?logIndex=`))
    ).toEqual([true, true])
    expect(run.summary).toContain(
      `Sigstore services: Fulcio <code>${s.fulcioUrl}</code> (API v1) · Rekor <code>${s.rekorUrl}</code> (API v1) · ` +
        `no TSA, chosen by signing config <code>${s.signingConfigPath}</code>`
    )
  })

  test('a dry run reads a signing config file and names what a real run would use', async () => {
    const host = state.registries.distribution.host
    const repo = `e2e/signing-config-dry-${unique()}`
    const digest = await pushSampleImage(state, 'distribution', repo, 'v1')
    const run = await runAction(
      state,
      { subjects: `${host}/${repo}@${digest}`, 'signing-config': s.signingConfigPath, sbom: 'none' },
      { event: 'pull_request' }
    )
    expect({ code: run.code, log: run.code === 0 ? '' : explain(run) }).toEqual({ code: 0, log: '' })
    expect(run.outputs['dry-run']).toBe('true')
    const services = JSON.parse(run.outputs['sigstore-services']!) as SigstoreServices
    expect([services.fulcio.url, services.rekor.map(r => r.url)]).toEqual([s.fulcioUrl, [s.rekorUrl]])
    expect(run.summary).toContain(
      `Sigstore services (what a real run would use): Fulcio <code>${s.fulcioUrl}</code>`
    )
  })

  // The bed's own config with a newer Rekor v2 log added, as public good's opt-in document adds one.
  function rekorV2Config(opts: { tsa: boolean }): string {
    const config = JSON.parse(readFileSync(s.signingConfigPath, 'utf8')) as {
      rekorTlogUrls: object[]
      tsaUrls: object[]
    }
    config.rekorTlogUrls.unshift({
      url: 'http://127.0.0.1:9/rekor-v2',
      majorApiVersion: 2,
      validFor: { start: new Date(Date.now() - 60_000).toISOString() },
      operator: 'oci-attest test bed'
    })
    if (!opts.tsa) config.tsaUrls = []
    mkdirSync(join(state.dir, 'tmp'), { recursive: true })
    const path = join(mkdtempSync(join(state.dir, 'tmp', 'sc-')), 'signing_config_rekor_v2.json')
    writeFileSync(path, JSON.stringify(config))
    return path
  }

  test.each([
    [
      'names no TSA (Rekor v2 entries need a timestamp)',
      { tsa: false },
      {},
      (path: string) =>
        `::error::[Sigstore services]: input "signing-config": signing config ${path}: $.tsaUrls lists no service; ` +
        'add one, or set tsa-url (INVALID_INPUT)'
    ],
    [
      'is combined with formats: legacy (the tags need a Rekor v1 SET)',
      { tsa: true },
      { formats: 'legacy,referrers' },
      () =>
        '::error::[Sigstore services]: input "formats": legacy (cosign\'s .sig/.att tags) needs a Rekor v1 entry\'s signed timestamp (SET), ' +
        'and Rekor http://127.0.0.1:9/rekor-v2 is a v2 log, which gives none: set formats: referrers (Sigstore ' +
        'bundles, read by cosign v3, sigstore-python and gh), or sign to a Rekor v1 log (signing-config: ' +
        'public-good, or a rekor-url of a v1 log) (INVALID_INPUT)'
    ]
  ])('a config choosing Rekor v2 that %s fails before any request', async (_, config, extra, message) => {
    const path = rekorV2Config(config)
    const marks = await logMarks(state)
    const run = await runAction(state, {
      // Through the flaky proxy, which logs every registry request: none may be made.
      subjects: `${state.registries.flaky.host}/e2e/never-read@sha256:${'b'.repeat(64)}`,
      'signing-config': path,
      'trusted-root': s.trustedRootPath,
      ...extra
    })
    const logged = await logSince(state, marks)
    expect(run.code).toBe(1)
    expect(run.stdout.split('\n').find(l => l.startsWith('::error::'))).toBe(message(path))
    expect(logged).toEqual({ oidc: [], fulcio: [], rekor: [], tsa: [], flaky: [] })
  })
})
