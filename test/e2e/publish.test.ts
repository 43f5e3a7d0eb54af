// The action as a runner runs it (node dist/index.js) publishing to the bed; stock cosign v2/v3 check the result.
import { describe, expect, test } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { readBedState, requireSigstore } from '../bed/state.js'
import { pushSampleImage } from '../bed/tools/sample-image.js'
import { cosignVerify, cosignVerifyAttestation, statementsIn } from '../integration/interop/cosign.js'
import { bedSigstoreInputs, runAction } from './support/action-runner.js'
import type { ActionRun } from './support/action-runner.js'
import { pushChart, pushMultiArch } from './support/samples.js'

const state = readBedState()
const ISSUER = requireSigstore(state).issuer
const IDENTITY = 'https://github.com/nvidia/gpu-operator/.github/workflows/release.yaml@refs/tags/v1.2.3'
const unique = (): string => `${Date.now().toString(36)}${Math.random().toString(16).slice(2, 6)}`

interface Attestation {
  subject: string
  digest: string
  subjectKind?: string
  platform?: string
  kind: string
  predicateType?: string
  rekorLogIndex?: number
  referrer?: string
  tag?: string
}

function explain(run: ActionRun): string {
  return `exit ${run.code}\n${run.stdout
    .split('\n')
    .filter(l => !l.includes('::add-mask::'))
    .slice(-40)
    .join('\n')}\n${run.stderr.slice(-2000)}`
}

describe('action end to end', () => {
  test('single subject (subject-name + subject-digest): signature, provenance v1/v0.2, generated SBOM; cosign v2 and v3 verify', async () => {
    const host = state.registries.distribution.host
    const repo = `e2e/single-${unique()}`
    const digest = await pushSampleImage(state, 'distribution', repo, 'v1')
    const ref = `${host}/${repo}@${digest}`
    const run = await runAction(state, {
      'subject-name': `${host}/${repo}`,
      'subject-digest': digest,
      ...(await bedSigstoreInputs(state))
    })
    expect({ code: run.code, log: run.code === 0 ? '' : explain(run) }).toEqual({ code: 0, log: '' })
    expect(run.outputs['dry-run']).toBe('false')
    expect(JSON.parse(run.outputs.digests!)).toEqual({ [ref]: digest })
    const attestations = JSON.parse(run.outputs.attestations!) as Attestation[]
    expect(attestations.map(a => a.kind).sort()).toEqual(
      ['provenance-v0.2', 'provenance-v1', 'sbom-cyclonedx', 'signature', 'signature-legacy'].sort()
    )
    for (const a of attestations) {
      expect(a.digest).toBe(digest)
      expect(a.rekorLogIndex).toBeGreaterThanOrEqual(0)
    }
    const bundles = JSON.parse(run.outputs['bundle-paths']!) as string[]
    expect(bundles).toHaveLength(4)
    expect(run.outputs['bundle-path']).toBe(bundles[0])
    for (const b of bundles) expect(existsSync(b)).toBe(true)
    expect(
      readFileSync(join(run.runnerTemp, 'created_attestation_paths.txt'), 'utf8').trim().split('\n')
    ).toEqual(bundles)
    const sbomPaths = JSON.parse(run.outputs['sbom-paths']!) as Record<string, string>
    expect(Object.keys(sbomPaths)).toEqual([digest])
    expect(JSON.parse(readFileSync(sbomPaths[digest]!, 'utf8')).bomFormat).toBe('CycloneDX')
    // The identity is printed once, and the summary carries the table and copy-ready commands.
    expect(run.stdout.split('\n').filter(l => l.startsWith('Certificate identity'))).toHaveLength(1)
    expect(run.summary).toContain('| Produced | Predicate type | Rekor entry | Stored |')
    expect(run.summary).toContain(`cosign verify --certificate-identity '${IDENTITY}'`)
    expect(run.summary).toContain('gh attestation verify oci://')

    const call = { identity: { exact: IDENTITY }, issuer: ISSUER } as const
    // cosign v2.6 sees the bundle referrers too, and bundles need --trusted-root (env-var trust is for tags only).
    const v2 = await cosignVerify(state, ref, { ...call, version: 'v2', trust: 'trusted-root' })
    expect({ code: v2.code, err: v2.code === 0 ? '' : v2.stderr }).toEqual({ code: 0, err: '' })
    const v2prov = await cosignVerifyAttestation(state, ref, 'slsaprovenance', {
      ...call,
      version: 'v2',
      trust: 'trusted-root'
    })
    expect(v2prov.code).toBe(0)
    expect(statementsIn(v2prov.stdout)[0]?.predicateType).toBe('https://slsa.dev/provenance/v0.2')
    const v3 = await cosignVerify(state, ref, { ...call, version: 'v3', trust: 'trusted-root' })
    expect({ code: v3.code, err: v3.code === 0 ? '' : v3.stderr }).toEqual({ code: 0, err: '' })
    const v3sbom = await cosignVerifyAttestation(state, ref, 'cyclonedx', {
      ...call,
      version: 'v3',
      trust: 'trusted-root'
    })
    expect({ code: v3sbom.code, err: v3sbom.code === 0 ? '' : v3sbom.stderr }).toEqual({ code: 0, err: '' })
    expect(statementsIn(v3sbom.stdout)[0]?.predicateType).toBe('https://cyclonedx.org/bom')
  })

  test('multi-arch Docker manifest list (docker manifest create) plus a Helm chart, given as tags', async () => {
    const host = state.registries.referrers.host
    const id = unique()
    const index = await pushMultiArch(`${host}/e2e/operator-${id}`, 'v1.2.3', { docker: true })
    const chart = await pushChart(`${host}/e2e/charts-${id}`, 'gpu-operator', '1.2.3')
    const run = await runAction(state, {
      subjects: `${index.ref}\n${chart.ref}\n`,
      'sbom-format': 'spdx-json',
      ...(await bedSigstoreInputs(state))
    })
    expect({ code: run.code, log: run.code === 0 ? '' : explain(run) }).toEqual({ code: 0, log: '' })
    // Tags resolved once, up front, and reported.
    expect(JSON.parse(run.outputs.digests!)).toEqual({ [index.ref]: index.digest, [chart.ref]: chart.digest })
    const attestations = JSON.parse(run.outputs.attestations!) as Attestation[]
    const subjects = [...new Set(attestations.map(a => a.digest))].sort()
    expect(subjects).toEqual([index.digest, chart.digest, ...index.platforms.map(p => p.digest)].sort())
    const kinds = (digest: string) =>
      attestations
        .filter(a => a.digest === digest)
        .map(a => a.kind)
        .sort()
    // SBOMs for platform images from their layers, for the index composed from theirs (scanners that look
    // up the tag's digest find the index), and for the chart from the images it deploys.
    for (const p of index.platforms) expect(kinds(p.digest)).toContain('sbom-spdx')
    expect(kinds(index.digest)).toContain('sbom-spdx')
    expect(kinds(chart.digest)).toEqual([
      'provenance-v0.2',
      'provenance-v1',
      'sbom-spdx',
      'signature',
      'signature-legacy'
    ])
    const sbomPaths = JSON.parse(run.outputs['sbom-paths']!) as Record<string, string>
    expect(Object.keys(sbomPaths).sort()).toEqual(
      [index.digest, chart.digest, ...index.platforms.map(p => p.digest)].sort()
    )
    const indexSbom = JSON.parse(readFileSync(sbomPaths[index.digest]!, 'utf8')) as {
      documentDescribes: string[]
      relationships: { spdxElementId: string; relationshipType: string; relatedSpdxElement: string }[]
    }
    expect(indexSbom.documentDescribes).toEqual(['SPDXRef-DocumentRoot-Index'])
    expect(
      indexSbom.relationships.filter(
        r => r.spdxElementId === 'SPDXRef-DocumentRoot-Index' && r.relationshipType === 'CONTAINS'
      )
    ).toHaveLength(index.platforms.length)
    const described = new Set(
      attestations.map(a => `${a.digest} ${a.subjectKind} ${a.platform ?? ''}`.trim())
    )
    expect([...described].sort()).toEqual(
      [
        `${index.digest} index`,
        `${chart.digest} chart`,
        ...index.platforms.map(p => `${p.digest} image ${p.platform}`)
      ].sort()
    )
    expect(run.summary).toContain('generated SBOM: 1 packages')
    expect(run.summary).toContain('(chart)')
    expect(run.summary).toContain('linux/arm64')

    const call = { identity: { regexp: '^https://github.com/nvidia/gpu-operator/' }, issuer: ISSUER } as const
    const chartRef = `${host}/e2e/charts-${id}/gpu-operator@${chart.digest}`
    const v2 = await cosignVerifyAttestation(state, chartRef, 'slsaprovenance1', {
      ...call,
      version: 'v2',
      trust: 'trusted-root'
    })
    expect({ code: v2.code, err: v2.code === 0 ? '' : v2.stderr }).toEqual({ code: 0, err: '' })
    const arm = `${host}/e2e/operator-${id}@${index.platforms[1]!.digest}`
    const v3 = await cosignVerifyAttestation(state, arm, 'spdxjson', {
      ...call,
      version: 'v3',
      trust: 'trusted-root'
    })
    expect({ code: v3.code, err: v3.code === 0 ? '' : v3.stderr }).toEqual({ code: 0, err: '' })
  })

  test('OCI index, tag layout only, platforms: index / platforms; unknown/unknown skipped; cosign v2 env-var trust', async () => {
    const host = state.registries.distribution.host
    const repo = `${host}/e2e/idx-${unique()}`
    const index = await pushMultiArch(repo, 'v2')
    const run = await runAction(state, {
      subjects: index.ref,
      platforms: 'index',
      sbom: 'none',
      formats: 'legacy',
      ...(await bedSigstoreInputs(state))
    })
    expect({ code: run.code, log: run.code === 0 ? '' : explain(run) }).toEqual({ code: 0, log: '' })
    const digests = new Set((JSON.parse(run.outputs.attestations!) as Attestation[]).map(a => a.digest))
    expect([...digests]).toEqual([index.digest])
    const call = { identity: { exact: IDENTITY }, issuer: ISSUER, version: 'v2', trust: 'env' } as const
    const v2 = await cosignVerify(state, `${repo}@${index.digest}`, call)
    expect({ code: v2.code, err: v2.code === 0 ? '' : v2.stderr }).toEqual({ code: 0, err: '' })
    const v2prov = await cosignVerifyAttestation(state, `${repo}@${index.digest}`, 'slsaprovenance', call)
    expect(v2prov.code).toBe(0)
    expect(JSON.stringify(statementsIn(v2prov.stdout)[0]?.predicate)).toContain('nvidia/gpu-operator')

    const platformsOnly = await runAction(state, {
      subjects: index.ref,
      platforms: 'platforms',
      sbom: 'none',
      ...(await bedSigstoreInputs(state))
    })
    expect(platformsOnly.code).toBe(0)
    const only = new Set(
      (JSON.parse(platformsOnly.outputs.attestations!) as Attestation[]).map(a => a.digest)
    )
    expect([...only].sort()).toEqual(index.platforms.map(p => p.digest).sort())
    expect(platformsOnly.stdout).toContain('attestation manifest (unknown/unknown)')
  })

  test('credentials from registry-username/registry-password, masked in the log', async () => {
    const basic = state.registries.basic
    const repo = `e2e/creds-${unique()}`
    const digest = await pushSampleImage(state, 'basic', repo, 'v1')
    const run = await runAction(state, {
      subjects: `${basic.host}/${repo}@${digest}`,
      sbom: 'none',
      'registry-username': basic.username,
      'registry-password': basic.password,
      ...(await bedSigstoreInputs(state))
    })
    expect({ code: run.code, log: run.code === 0 ? '' : explain(run) }).toEqual({ code: 0, log: '' })
    expect(run.stdout).toContain(`::add-mask::${basic.password}`)
    const unmasked = run.stdout
      .split('\n')
      .filter(l => !l.startsWith('::add-mask::') && l.includes(basic.password))
    expect(unmasked).toEqual([])
  })

  test('credentials from the Docker config (docker/login-action) on a Bearer-token registry', async () => {
    const bearer = state.registries.bearer
    const repo = `e2e/dockercfg-${unique()}`
    const digest = await pushSampleImage(state, 'bearer', repo, 'v1')
    const auth = Buffer.from(`${bearer.username}:${bearer.password}`).toString('base64')
    const inputs = {
      subjects: `${bearer.host}/${repo}@${digest}`,
      sbom: 'generate',
      ...(await bedSigstoreInputs(state))
    }
    const run = await runAction(state, inputs, { dockerConfig: { auths: { [bearer.host]: { auth } } } })
    expect({ code: run.code, log: run.code === 0 ? '' : explain(run) }).toEqual({ code: 0, log: '' })
    expect((JSON.parse(run.outputs.attestations!) as Attestation[]).map(a => a.kind)).toContain(
      'sbom-cyclonedx'
    )
    // Without any credential the same run cannot push: the failure names the fix.
    const anonymous = await runAction(state, inputs)
    expect(anonymous.code).toBe(1)
    expect(anonymous.stdout).toMatch(/::error::.*dockercfg-.*\[(plan|sbom|attest)\]/)
  })
})
