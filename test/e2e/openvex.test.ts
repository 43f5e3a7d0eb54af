// OpenVEX through node dist/index.js: a document bound to each image of an index, attested as
// https://openvex.dev/ns; stock cosign v2 and v3 `--type openvex` return it from bundles and from the .att tag.
// A document about another image is refused before anything is signed; a dry run binds without pushing.
import { describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { readBedState, requireSigstore } from '../bed/state.js'
import type { RegistryName } from '../bed/state.js'
import { cosignVerifyAttestation, statementsIn } from '../integration/interop/cosign.js'
import type { CosignCall } from '../integration/interop/cosign.js'
import { bedSigstoreInputs, REPO_ROOT, runAction } from './support/action-runner.js'
import type { ActionRun } from './support/action-runner.js'
import { pushMultiArch } from './support/samples.js'

const state = readBedState()
const ISSUER = requireSigstore(state).issuer
const IDENTITY = 'https://github.com/nvidia/gpu-operator/.github/workflows/release.yaml@refs/tags/v1.2.3'
const OPENVEX = 'https://openvex.dev/ns'
const unique = (): string => `${Date.now().toString(36)}${Math.random().toString(16).slice(2, 6)}`
const explain = (run: ActionRun): string =>
  `exit ${run.code}\n${run.stdout.split('\n').slice(-30).join('\n')}\n${run.stderr.slice(-2000)}`

interface Attestation {
  digest: string
  kind: string
  predicateType?: string
  tag?: string
  referrer?: string
}

/** The purl vexctl, Trivy and our SBOM give an image: name, digest, repository_url, percent-encoded. */
const purlOf = (repository: string, digest: string): string =>
  `pkg:oci/${repository.split('/').pop()}@${digest.replace(':', '%3A')}?repository_url=${encodeURIComponent(repository)}`

/** A v0.2.0 document as vexctl writes one: the first statement names the image by tag, the second names nothing. */
function vexDocument(repository: string): object {
  return {
    '@context': 'https://openvex.dev/ns/v0.2.0',
    '@id': 'https://example.com/vex/gpu-operator-v1',
    author: 'NVIDIA PSIRT',
    timestamp: '2026-11-30T10:00:00Z',
    version: 1,
    statements: [
      {
        vulnerability: { name: 'CVE-2024-45338' },
        products: [
          {
            '@id': `pkg:oci/${repository.split('/').pop()}?repository_url=${encodeURIComponent(repository)}&tag=v1`,
            subcomponents: [{ '@id': 'pkg:golang/golang.org/x/net@v0.30.0' }]
          }
        ],
        status: 'not_affected',
        justification: 'vulnerable_code_not_in_execute_path'
      },
      {
        vulnerability: { name: 'CVE-2025-0001' },
        status: 'under_investigation'
      }
    ]
  }
}

async function writeVex(name: string, doc: object): Promise<string> {
  const dir = join(state.dir, 'tmp', `vex-${unique()}`)
  await mkdir(dir, { recursive: true })
  const path = join(dir, name)
  await writeFile(path, JSON.stringify(doc, null, 2))
  return path
}

const base = { identity: { exact: IDENTITY }, issuer: ISSUER } as const
/** Both formats are published on the referrers registry; only the tag layout on the other (where v2 reads it). */
const setups: Array<[RegistryName, string, Array<[string, CosignCall]>]> = [
  [
    'referrers',
    'legacy,referrers',
    [
      ['v2 (bundles)', { ...base, version: 'v2', trust: 'trusted-root' }],
      ['v3 (bundles)', { ...base, version: 'v3', trust: 'trusted-root' }],
      ['v3 (tags)', { ...base, version: 'v3', trust: 'trusted-root', newBundleFormat: false }]
    ]
  ],
  [
    'distribution',
    'legacy',
    [
      ['v2 (tags)', { ...base, version: 'v2', trust: 'env' }],
      ['v3 (tags)', { ...base, version: 'v3', trust: 'trusted-root', newBundleFormat: false }]
    ]
  ]
]

describe('OpenVEX end to end', () => {
  test.each(setups)(
    'on the "%s" registry (formats %s): bound to the index and each platform image; cosign --type openvex returns it',
    async (registry, formats, calls) => {
      const host = state.registries[registry].host
      const repository = `${host}/e2e/vex-${unique()}`
      const image = await pushMultiArch(repository, 'v1')
      const path = await writeVex('gpu-operator.openvex.json', vexDocument(repository))

      const run = await runAction(state, {
        subjects: image.ref,
        platforms: 'both',
        sbom: 'none',
        provenance: 'v1',
        formats,
        vex: path,
        ...(await bedSigstoreInputs(state))
      })
      expect({ code: run.code, log: run.code === 0 ? '' : explain(run) }).toEqual({ code: 0, log: '' })

      const subjects = [image.digest, ...image.platforms.map(p => p.digest)]
      const vex = (JSON.parse(run.outputs.attestations!) as Attestation[]).filter(a => a.kind === 'openvex')
      expect(vex.map(a => [a.digest, a.predicateType]).sort()).toEqual(subjects.map(d => [d, OPENVEX]).sort())
      for (const a of vex) expect(a.tag).toMatch(/\.att$/)
      if (formats.includes('referrers')) for (const a of vex) expect(a.referrer).toMatch(/^sha256:/)
      const bundles = JSON.parse(run.outputs['bundle-paths']!) as string[]
      expect(bundles.filter(b => b.endsWith('-openvex.sigstore.json'))).toHaveLength(subjects.length)
      expect(run.summary).toContain('cosign verify-attestation --type openvex')
      expect(run.stdout).toContain(
        `OpenVEX ${path} → ${repository}@${image.digest} (products bound to the image`
      )

      for (const digest of subjects) {
        const ref = `${repository}@${digest}`
        const purl = purlOf(repository, digest)
        for (const [name, call] of calls) {
          const ok = await cosignVerifyAttestation(state, ref, 'openvex', call)
          expect({ ref, name, code: ok.code, err: ok.code === 0 ? '' : ok.stderr }).toEqual({
            ref,
            name,
            code: 0,
            err: ''
          })
          const statements = statementsIn(ok.stdout)
          // cosign filters by type: every statement it returns is the VEX one, about this image.
          expect({ ref, name, found: statements.length > 0 }).toEqual({ ref, name, found: true })
          for (const s of statements) {
            expect(s.predicateType).toBe(OPENVEX)
            expect(s.subject[0]?.digest.sha256).toBe(digest.split(':')[1])
            const p = s.predicate as {
              '@context': string
              '@id': string
              version: number
              last_updated: string
              timestamp: string
              statements: Array<{ products: Array<{ '@id': string; subcomponents?: unknown[] }> }>
            }
            expect(p['@context']).toBe('https://openvex.dev/ns/v0.2.0')
            expect(p.version).toBe(2)
            expect(p.timestamp).toBe('2026-11-30T10:00:00Z')
            expect(p['@id']).toMatch(/^https:\/\/openvex\.dev\/docs\/public\/vex-[0-9a-f]{64}$/)
            expect(p.statements.map(st => st.products.map(pr => pr['@id']))).toEqual([[purl], [purl]])
            expect(p.statements[0]!.products[0]!.subcomponents).toEqual([
              { '@id': 'pkg:golang/golang.org/x/net@v0.30.0' }
            ])
          }
        }
      }
    }
  )

  test('oci-attest verify finds the OpenVEX attestation by its type and can require it', async () => {
    const host = state.registries.referrers.host
    const repository = `${host}/e2e/vex-verify-${unique()}`
    const image = await pushMultiArch(repository, 'v1')
    const path = await writeVex('gpu-operator.openvex.json', vexDocument(repository))
    const run = await runAction(state, {
      subjects: image.ref,
      platforms: 'index',
      sbom: 'none',
      provenance: 'v1',
      vex: path,
      ...(await bedSigstoreInputs(state))
    })
    expect({ code: run.code, log: run.code === 0 ? '' : explain(run) }).toEqual({ code: 0, log: '' })
    const verify = (require: string) =>
      spawnSync(
        process.execPath,
        [
          join(REPO_ROOT, 'dist/cli/index.js'),
          'verify',
          `${repository}@${image.digest}`,
          '--certificate-identity',
          IDENTITY,
          '--certificate-oidc-issuer',
          ISSUER,
          '--trusted-root',
          requireSigstore(state).trustedRootPath,
          '--require',
          require
        ],
        { encoding: 'utf8', env: { PATH: process.env.PATH, HOME: state.dir } }
      )
    const ok = verify(`signature,provenance,${OPENVEX}`)
    expect({ code: ok.status, err: ok.stderr }).toEqual({ code: 0, err: '' })
    expect(ok.stdout).toMatch(/✓ https:\/\/openvex\.dev\/ns \(referrer/)
    expect(ok.stdout).toMatch(/✓ https:\/\/openvex\.dev\/ns \(tag/)
  })

  test('a document about another image is refused before anything is signed, naming the file and JSON path', async () => {
    const host = state.registries.referrers.host
    const repository = `${host}/e2e/vex-other-${unique()}`
    const image = await pushMultiArch(repository, 'v1')
    const other = vexDocument(`${host}/e2e/dcgm-exporter`) as { statements: Array<{ products?: unknown[] }> }
    const path = await writeVex('dcgm-exporter.openvex.json', other)
    const run = await runAction(state, {
      subjects: image.ref,
      sbom: 'none',
      vex: path,
      ...(await bedSigstoreInputs(state))
    })
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      `input "vex": ${path}: $.statements[0].products[0]["@id"]: pkg:oci/dcgm-exporter?`
    )
    expect(run.stdout).toContain('names image "dcgm-exporter", not "vex-other-')
    // No identity was asked for, so nothing was signed or logged, and the registry holds nothing new.
    expect(run.stdout).not.toContain('Certificate identity')
    expect(run.stdout).not.toMatch(/Rekor entr/)
    for (const digest of [image.digest, ...image.platforms.map(p => p.digest)]) {
      const [name, repo] = [repository.slice(host.length + 1), digest.replace(':', '-')]
      const att = await fetch(`http://${host}/v2/${name}/manifests/${repo}.att`, { method: 'HEAD' })
      expect({ digest, status: att.status }).toEqual({ digest, status: 404 })
      const referrers = await fetch(`http://${host}/v2/${name}/referrers/${digest}`)
      const listed =
        referrers.status === 200 ? ((await referrers.json()) as { manifests: unknown[] }).manifests : []
      expect({ digest, listed }).toEqual({ digest, listed: [] })
    }
  })

  test('a dry run binds and signs the VEX statement with its throwaway key, pushing nothing', async () => {
    const host = state.registries.referrers.host
    const repository = `${host}/e2e/vex-dry-${unique()}`
    const image = await pushMultiArch(repository, 'v1')
    const path = await writeVex('gpu-operator.openvex.json', vexDocument(repository))
    const run = await runAction(state, {
      subjects: image.ref,
      platforms: 'platforms',
      sbom: 'none',
      'dry-run': 'true',
      vex: path,
      ...(await bedSigstoreInputs(state))
    })
    expect({ code: run.code, log: run.code === 0 ? '' : explain(run) }).toEqual({ code: 0, log: '' })
    expect(run.outputs['dry-run']).toBe('true')
    const vex = (JSON.parse(run.outputs.attestations!) as Attestation[]).filter(a => a.kind === 'openvex')
    expect(vex.map(a => a.digest).sort()).toEqual(image.platforms.map(p => p.digest).sort())
    for (const p of image.platforms)
      expect(run.stdout).toContain(`OpenVEX ${path} → ${repository}@${p.digest} (products bound to the image`)
    expect(run.stdout).toMatch(
      /DRY RUN would push: .* — referrer of sha256:[0-9a-f]{64} \(https:\/\/openvex\.dev\/ns\)/
    )
  })
})
