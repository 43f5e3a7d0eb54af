// A caller's own predicate (predicate-type + predicate-path) through node dist/index.js: stock cosign v2 and v3
// select it by its type URI and return it; another type finds nothing; oci-attest verify lists and requires it.
import { describe, expect, test } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { readBedState, requireSigstore } from '../bed/state.js'
import { pushSampleImage } from '../bed/tools/sample-image.js'
import { cosignVerifyAttestation, statementsIn } from '../integration/interop/cosign.js'
import type { CosignCall } from '../integration/interop/cosign.js'
import { bedSigstoreInputs, REPO_ROOT, runAction } from './support/action-runner.js'
import type { ActionRun } from './support/action-runner.js'

const state = readBedState()
const ISSUER = requireSigstore(state).issuer
const IDENTITY = 'https://github.com/nvidia/gpu-operator/.github/workflows/release.yaml@refs/tags/v1.2.3'
const TYPE = 'https://example.com/attestations/test-result/v1'
const PREDICATE = { result: 'passed', suite: 'gpu-operator e2e', passed: 212, failed: 0 }
const unique = (): string => `${Date.now().toString(36)}${Math.random().toString(16).slice(2, 6)}`

interface Attestation {
  digest: string
  kind: string
  predicateType?: string
  tag?: string
  referrer?: string
}

const explain = (run: ActionRun): string =>
  `exit ${run.code}\n${run.stdout.split('\n').slice(-30).join('\n')}\n${run.stderr.slice(-2000)}`

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise(done => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'dist/cli/index.js'), ...args], {
      env: {
        PATH: process.env.PATH,
        HOME: state.dir,
        DOCKER_CONFIG: join(state.dir, 'cosign', 'docker-empty')
      }
    })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (c: Buffer) => out.push(c))
    child.stderr.on('data', (c: Buffer) => err.push(c))
    child.on('close', code =>
      done({ code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() })
    )
  })
}

describe('custom predicate end to end', () => {
  test('attested on images in both registries; cosign v2/v3 --type <URI> return it, another type is refused', async () => {
    const id = unique()
    const refs: string[] = []
    for (const registry of ['referrers', 'distribution'] as const) {
      const host = state.registries[registry].host
      const repo = `e2e/custom-${id}`
      refs.push(`${host}/${repo}@${await pushSampleImage(state, registry, repo, 'v1')}`)
    }
    const dir = join(state.dir, 'tmp', `custom-${id}`)
    await mkdir(dir, { recursive: true })
    const path = join(dir, 'test-result.json')
    await writeFile(path, JSON.stringify(PREDICATE))

    const run = await runAction(state, {
      subjects: refs.join('\n'),
      sbom: 'none',
      provenance: 'v1',
      'predicate-type': TYPE,
      'predicate-path': path,
      ...(await bedSigstoreInputs(state))
    })
    expect({ code: run.code, log: run.code === 0 ? '' : explain(run) }).toEqual({ code: 0, log: '' })

    // One more attestation per subject, kind custom, in both formats, with its bundle file.
    const attestations = JSON.parse(run.outputs.attestations!) as Attestation[]
    const custom = attestations.filter(a => a.kind === 'custom')
    expect(custom.map(a => [a.digest, a.predicateType])).toEqual(refs.map(r => [r.split('@')[1], TYPE]))
    for (const a of custom) {
      expect(a.tag).toMatch(/\.att$/)
      expect(a.referrer).toMatch(/^sha256:/)
    }
    const bundles = JSON.parse(run.outputs['bundle-paths']!) as string[]
    expect(bundles.filter(b => b.endsWith('-custom.sigstore.json'))).toHaveLength(2)
    // The summary's copy-ready commands select it by its URI.
    expect(run.summary).toContain(`cosign verify-attestation --type '${TYPE}'`)

    const base = { identity: { exact: IDENTITY }, issuer: ISSUER, trust: 'trusted-root' } as const
    const calls: Array<[string, CosignCall]> = [
      ['v2 (bundles)', { ...base, version: 'v2' }],
      ['v3 (bundles)', { ...base, version: 'v3' }],
      ['v3 (tags)', { ...base, version: 'v3', newBundleFormat: false }]
    ]
    for (const ref of refs) {
      for (const [name, call] of calls) {
        const ok = await cosignVerifyAttestation(state, ref, TYPE, call)
        expect({ ref, name, code: ok.code, err: ok.code === 0 ? '' : ok.stderr }).toEqual({
          ref,
          name,
          code: 0,
          err: ''
        })
        const statements = statementsIn(ok.stdout)
        expect(statements.length).toBeGreaterThan(0)
        for (const s of statements) {
          expect(s.predicateType).toBe(TYPE)
          expect(s.predicate).toEqual(PREDICATE)
          expect(s.subject[0]?.digest.sha256).toBe(ref.split('@sha256:')[1])
        }
        // A type nothing was attested with: cosign fails, having seen ours (so the refusal is about the type).
        const wrong = await cosignVerifyAttestation(
          state,
          ref,
          'https://example.com/attestations/other/v1',
          call
        )
        expect({ ref, name, code: wrong.code === 0 ? 0 : 'refused' }).toEqual({ ref, name, code: 'refused' })
        expect(statementsIn(wrong.stdout)).toEqual([])
        expect({ name, err: wrong.stderr }).toEqual({
          name,
          // cosign lists what it found in no fixed order.
          err: expect.stringMatching(
            /none of the attestations matched the predicate type: https:\/\/example\.com\/attestations\/other\/v1, found: .*https:\/\/example\.com\/attestations\/test-result\/v1/
          )
        })
      }
    }

    // oci-attest verify lists it by type and can require it.
    const verify = await cli([
      'verify',
      refs[0]!,
      '--certificate-identity',
      IDENTITY,
      '--certificate-oidc-issuer',
      ISSUER,
      '--trusted-root',
      requireSigstore(state).trustedRootPath,
      '--require',
      `signature,provenance,${TYPE}`
    ])
    expect({ code: verify.code, err: verify.stderr }).toEqual({ code: 0, err: '' })
    expect(verify.stdout).toMatch(new RegExp(`✓ ${TYPE.replace(/[.]/g, '\\.')} \\(referrer`))
    expect(verify.stdout).toMatch(new RegExp(`✓ ${TYPE.replace(/[.]/g, '\\.')} \\(tag`))
    const missing = await cli([
      'verify',
      refs[0]!,
      '--certificate-identity',
      IDENTITY,
      '--certificate-oidc-issuer',
      ISSUER,
      '--trusted-root',
      requireSigstore(state).trustedRootPath,
      '--require',
      'https://example.com/attestations/other/v1'
    ])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('no valid https://example.com/attestations/other/v1')
  })

  test('a dry run builds, signs with its throwaway key and checks the custom statement without pushing it', async () => {
    const host = state.registries.referrers.host
    const repo = `e2e/custom-dry-${unique()}`
    const ref = `${host}/${repo}@${await pushSampleImage(state, 'referrers', repo, 'v1')}`
    const run = await runAction(state, {
      subjects: ref,
      sbom: 'none',
      'dry-run': 'true',
      'predicate-type': TYPE,
      predicate: JSON.stringify(PREDICATE),
      ...(await bedSigstoreInputs(state))
    })
    expect({ code: run.code, log: run.code === 0 ? '' : explain(run) }).toEqual({ code: 0, log: '' })
    expect(run.outputs['dry-run']).toBe('true')
    const custom = (JSON.parse(run.outputs.attestations!) as Attestation[]).filter(a => a.kind === 'custom')
    expect(custom.map(a => a.predicateType)).toEqual([TYPE])
    // Both forms would be pushed: a bundle referrer of that type and a DSSE layer in the .att tag.
    expect(run.stdout).toMatch(
      new RegExp(
        `DRY RUN would push: .* — referrer of sha256:[0-9a-f]{64} \\(${TYPE.replace(/[.]/g, '\\.')}\\)`
      )
    )
    expect(run.stdout).toMatch(
      new RegExp(`application/vnd\\.dsse\\.envelope\\.v1\\+json \\d+ B ${TYPE.replace(/[.]/g, '\\.')}`)
    )
  })

  test('a bad predicate input fails the step before anything is signed, naming the input', async () => {
    const run = await runAction(state, {
      subjects: `${state.registries.referrers.host}/e2e/never@sha256:${'0'.repeat(64)}`,
      'predicate-type': 'urn:example:test-result',
      predicate: '{}',
      ...(await bedSigstoreInputs(state))
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('input "predicate-type": "urn:example:test-result" is not an absolute URI')
    expect(run.stdout).not.toContain('Certificate identity')
  })
})
