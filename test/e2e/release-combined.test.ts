// Everything a release ships, attested in ONE run of node dist/index.js (issue 14's "what must be shown"): an image
// index mirrored in both bed registries, a chart deploying it, three files and a checksums file, an OpenVEX
// document and a custom predicate. Then every stock verifier accepts its part, Trivy's `--vex oci` rule finds
// the VEX document, and the negatives (another identity, a tampered file, VEX for another product) are refused.
import { beforeAll, describe, expect, test } from '@jest/globals'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { readBedState, requireSigstore } from '../bed/state.js'
import { cosignVerify, cosignVerifyAttestation, statementsIn } from '../integration/interop/cosign.js'
import type { CosignCall } from '../integration/interop/cosign.js'
import { bedSigstoreInputs, runAction } from './support/action-runner.js'
import { pushMultiArch } from './support/samples.js'
import {
  CUSTOM_PREDICATE,
  CUSTOM_TYPE,
  publishRelease,
  targetsOf,
  unique,
  vexDocument,
  writeJson
} from './support/release-fixture.js'
import type { Release, Target } from './support/release-fixture.js'
import {
  acceptances,
  cosignBlob,
  ghVerify,
  ociVerify,
  pooled,
  pythonVerify,
  refusals,
  runChecks
} from './support/release-verifiers.js'
import type { Check } from './support/release-verifiers.js'
import {
  attTagVex,
  listReferrers,
  purlMatches,
  referrerVex,
  trivyDiscoverVex,
  trivyImagePurl
} from './support/trivy-vex.js'

const state = readBedState()
const ISSUER = requireSigstore(state).issuer
const IDENTITY = 'https://github.com/nvidia/gpu-operator/.github/workflows/release.yaml@refs/tags/v1.2.3'
const OTHER_IDENTITY = IDENTITY.replace('nvidia/gpu-operator', 'nvidia/other')
const OPENVEX = 'https://openvex.dev/ns'
/** cosign's --type names and the predicate types they select. */
const TYPES: Record<string, string> = {
  slsaprovenance1: 'https://slsa.dev/provenance/v1',
  slsaprovenance: 'https://slsa.dev/provenance/v0.2',
  cyclonedx: 'https://cyclonedx.org/bom',
  openvex: OPENVEX,
  [CUSTOM_TYPE]: CUSTOM_TYPE
}
const base = { identity: { exact: IDENTITY }, issuer: ISSUER, trust: 'trusted-root' } as const
const CALLS: Array<[string, CosignCall]> = [
  ['v2', { ...base, version: 'v2' }],
  ['v3 (bundles)', { ...base, version: 'v3' }],
  ['v3 (tags)', { ...base, version: 'v3', newBundleFormat: false }]
]

interface Attestation {
  subject: string
  digest: string
  subjectKind: string
  kind: string
  predicateType?: string
  bundlePath?: string
}

/** The purl the binder writes and Trivy computes for an image (Trivy adds `arch` for a platform image). */
const purlOf = (repository: string, digest: string): string =>
  `pkg:oci/${repository.split('/').pop()}@${digest.replace(':', '%3A')}?repository_url=${encodeURIComponent(repository)}`

let release: Release
let attestations: Attestation[]
let targets: Target[]
const bundleOf = (digestOrFile: string, kind: string): string =>
  attestations.find(a => (a.digest === digestOrFile || a.subject === digestOrFile) && a.kind === kind)!
    .bundlePath!
const fileBundle = (file: string, kind: string): string => bundleOf(basename(file), kind)
const blob = (v: 'v2' | 'v3', bundle: string, file: string, identity = IDENTITY) =>
  cosignBlob(state, v, ['verify-blob', '--bundle', bundle], file, identity)
const blobAtt = (v: 'v2' | 'v3', bundle: string, type: string, file: string) =>
  cosignBlob(state, v, ['verify-blob-attestation', '--bundle', bundle, '--type', type], file, IDENTITY)

beforeAll(async () => {
  const started = Date.now()
  release = await publishRelease(state)
  const r = release.run
  if (r.code !== 0)
    throw new Error(`the action failed: exit ${r.code}\n${r.stdout.slice(-4000)}\n${r.stderr.slice(-2000)}`)
  attestations = JSON.parse(r.outputs.attestations!) as Attestation[]
  targets = targetsOf(release)
  console.log(`release published in ${Date.now() - started} ms (images, chart, files, one action run)`)
}, 300_000)

describe('a whole release in one run', () => {
  test('one run attests every part: images, platforms, chart, files, VEX on images only, the custom predicate', async () => {
    const kindsOf = (digest: string) =>
      attestations
        .filter(a => a.digest === digest)
        .map(a => a.kind)
        .sort()
    const all = [
      'custom',
      'provenance-v0.2',
      'provenance-v1',
      'sbom-cyclonedx',
      'signature',
      'signature-legacy'
    ]
    for (const t of targets)
      expect({ ref: t.ref, kinds: kindsOf(t.digest) }).toEqual({
        ref: t.ref,
        kinds: t.kind === 'chart' ? all : [...all.slice(0, 1), 'openvex', ...all.slice(1)]
      })
    expect(release.run.stdout).toContain(
      `OpenVEX: not attested on ${release.chart.repository}@${release.chart.digest} (a chart; VEX documents are about images)`
    )
    const files = attestations.filter(a => a.subjectKind === 'file')
    const names = [...release.files.map(f => basename(f)), 'docs.tar.gz'].sort()
    expect([...new Set(files.map(a => a.subject))].sort()).toEqual(names)
    for (const f of release.files)
      expect(
        files
          .filter(a => a.subject === basename(f))
          .map(a => a.kind)
          .sort()
      ).toEqual(['custom', 'provenance-v0.2', 'provenance-v1', 'signature-blob'])
    // The checksums line is in the statements, with no signature of its own (its bytes were never read).
    expect(
      files
        .filter(a => a.subject === 'docs.tar.gz')
        .map(a => a.kind)
        .sort()
    ).toEqual(['custom', 'provenance-v0.2', 'provenance-v1'])
    const paths = JSON.parse(release.run.outputs['bundle-paths']!) as string[]
    for (const a of attestations.filter(a => a.bundlePath)) expect(paths).toContain(a.bundlePath)
  })

  test('cosign v2 and v3 verify and verify-attestation accept every image and the chart, every type, both registries', async () => {
    const jobs = targets.flatMap(t =>
      CALLS.flatMap(([mode, call]) => [
        async () => ({ t, mode, type: 'signature', r: await cosignVerify(state, t.ref, call) }),
        ...Object.keys(TYPES)
          .filter(type => t.kind !== 'chart' || type !== 'openvex')
          .map(type => async () => ({
            t,
            mode,
            type,
            r: await cosignVerifyAttestation(state, t.ref, type, call)
          }))
      ])
    )
    const started = Date.now()
    const results = await pooled(jobs)
    console.log(`${results.length} cosign calls in ${Date.now() - started} ms`)
    const refused = results
      .filter(x => x.r.code !== 0)
      .map(x => `${x.mode} ${x.type} ${x.t.ref}: ${x.r.stderr.slice(-400)}`)
    expect(refused).toEqual([])
    // Each attestation cosign returns is of the type asked for and about the subject it was asked about.
    const wrong: string[] = []
    for (const { t, mode, type, r } of results.filter(x => x.type !== 'signature')) {
      const statements = statementsIn(r.stdout)
      if (statements.length === 0) wrong.push(`${mode} ${type} ${t.ref}: nothing returned`)
      for (const s of statements)
        if (s.predicateType !== TYPES[type] || s.subject[0]?.digest.sha256 !== t.digest.slice(7))
          wrong.push(`${mode} ${type} ${t.ref}: ${s.predicateType} about ${s.subject[0]?.digest.sha256}`)
      if (type === CUSTOM_TYPE) for (const s of statements) expect(s.predicate).toEqual(CUSTOM_PREDICATE)
      if (type === 'openvex')
        for (const s of statements) {
          const products = (s.predicate.statements as Array<{ products: Array<{ '@id': string }> }>).map(st =>
            st.products.map(p => p['@id'])
          )
          expect({ ref: t.ref, products }).toEqual({
            ref: t.ref,
            products: [[purlOf(t.repository, t.digest)], [purlOf(t.repository, t.digest)]]
          })
        }
    }
    expect(wrong).toEqual([])
  }, 600_000)

  test("cosign verify-attestation --type cyclonedx on the chart returns its SBOM: the image it deploys, by the index's digest", async () => {
    const chart = targets.find(t => t.kind === 'chart')!
    const r = await cosignVerifyAttestation(state, chart.ref, 'cyclonedx', CALLS[1]![1])
    expect({ code: r.code, err: r.code ? r.stderr : '' }).toEqual({ code: 0, err: '' })
    const [sbom] = statementsIn(r.stdout)
    const bom = sbom!.predicate as {
      metadata: { component: { name: string; version: string } }
      components: Array<{ type: string; name: string; properties?: Array<{ name: string; value: string }> }>
    }
    expect(bom.metadata.component).toMatchObject({ name: 'gpu-operator', version: '1.2.3' })
    const images = bom.components.filter(c => c.type === 'container')
    expect(
      images.map(c => [c.name, c.properties?.find(p => p.name === 'oci-attest:image:manifestDigest')?.value])
    ).toEqual([[release.images[0]!.repository, release.images[0]!.digest]])
  })

  test('files: cosign verify-blob and verify-blob-attestation (v2, v3), sigstore-python and gh attestation verify accept each', async () => {
    const [v1, v02] = [
      fileBundle(release.files[0]!, 'provenance-v1'),
      fileBundle(release.files[0]!, 'provenance-v0.2')
    ]
    const checks: Check[] = []
    for (const f of release.files) {
      const name = basename(f)
      for (const v of ['v2', 'v3'] as const)
        checks.push(
          { what: `${v} verify-blob ${name}`, run: () => blob(v, fileBundle(f, 'signature-blob'), f) },
          { what: `${v} slsaprovenance1 ${name}`, run: () => blobAtt(v, v1, 'slsaprovenance1', f) },
          { what: `${v} slsaprovenance ${name}`, run: () => blobAtt(v, v02, 'slsaprovenance', f) }
        )
      checks.push(
        {
          what: `sigstore-python ${name}`,
          run: () => pythonVerify(state, fileBundle(f, 'signature-blob'), f, IDENTITY)
        },
        { what: `gh ${name}`, run: () => ghVerify(state, release.dir, f, v1, 'nvidia') }
      )
    }
    // The checksums line is checked by the bytes it names, which the run itself never read.
    for (const v of ['v2', 'v3'] as const)
      checks.push({
        what: `${v} slsaprovenance1 docs.tar.gz`,
        run: () => blobAtt(v, v1, 'slsaprovenance1', release.listed)
      })
    checks.push(
      { what: 'gh docs.tar.gz', run: () => ghVerify(state, release.dir, release.listed, v1, 'nvidia') },
      { what: 'sigstore-python statement', run: () => pythonVerify(state, v1, release.files[0]!, IDENTITY) }
    )
    const results = await runChecks(checks)
    expect(refusals(results)).toEqual([])
    expect(results).toHaveLength(3 * 8 + 4)
  }, 300_000)

  test("every subject has its bundle files; sigstore-python verifies an index's and the chart's SBOM by digest", async () => {
    const paths = JSON.parse(release.run.outputs['bundle-paths']!) as string[]
    const jobs = targets.flatMap(t => {
      const own = paths.filter(p => basename(p).includes(`@${t.digest.replace(':', '_')}-`))
      const kinds = own.map(p => /-([a-z0-9.-]+)\.sigstore\.json$/.exec(basename(p))?.[1]).sort()
      const expected = [
        'custom',
        'openvex',
        'provenance-v0.2',
        'provenance-v1',
        'sbom-cyclonedx',
        'signature'
      ]
      expect({ ref: t.ref, kinds }).toEqual({
        ref: t.ref,
        kinds: t.kind === 'chart' ? expected.filter(k => k !== 'openvex') : expected
      })
      // sigstore-python starts slowly: an index's bundles and the chart's SBOM stand for the rest (cosign did all).
      const checked =
        t === targets[0]
          ? own
          : t.kind === 'chart'
            ? own.filter(p => p.endsWith('-sbom-cyclonedx.sigstore.json'))
            : []
      return checked.map(p => async () => ({ p, r: await pythonVerify(state, p, t.digest, IDENTITY) }))
    })
    const results = await pooled(jobs)
    expect(results).toHaveLength(7)
    expect(results.filter(x => x.r.code !== 0).map(x => `${x.p}: ${x.r.stderr.slice(-400)}`)).toEqual([])
  }, 300_000)

  test('oci-attest verify accepts the images and chart with every type required, and each file with its bundles', async () => {
    const types = `signature,provenance,sbom,${CUSTOM_TYPE}`
    const results = await runChecks([
      ...targets.map(t => ({
        what: t.ref,
        run: () =>
          ociVerify(state, t.ref, {
            identity: IDENTITY,
            require: t.kind === 'chart' ? types : `${types},${OPENVEX}`
          })
      })),
      ...release.files.map(f => ({
        what: f,
        run: () =>
          ociVerify(state, f, {
            identity: IDENTITY,
            require: `signature,provenance,${CUSTOM_TYPE}`,
            bundles: ['signature-blob', 'provenance-v1', 'custom'].map(k => fileBundle(f, k))
          })
      }))
    ])
    expect(refusals(results)).toEqual([])
    for (const x of results) expect(x.r.stdout).toMatch(/\nVerified\.\n?$/)
  }, 300_000)

  test("Trivy's --vex oci rule finds and decodes the document on both registries: referrers API, fallback index, .att tag", async () => {
    const images = targets.filter(t => t.kind !== 'chart')
    for (const t of images) {
      const expectedVia = t.host === state.registries.referrers.host ? 'api' : 'fallback-tag'
      const listed = await listReferrers(t.host, t.path, t.digest)
      expect({ ref: t.ref, via: listed.via }).toEqual({ ref: t.ref, via: expectedVia })
      // Announced by the annotation: one OpenVEX referrer among the others, which Trivy never downloads.
      const announced = listed.manifests.filter(d => d.annotations?.['in-toto.io/predicate-type'] === OPENVEX)
      expect({ ref: t.ref, announced: announced.map(d => d.artifactType) }).toEqual({
        ref: t.ref,
        announced: ['application/vnd.dev.sigstore.bundle.v0.3+json']
      })
      expect(listed.manifests.length).toBeGreaterThan(announced.length)
      for (const [found, path] of [
        [await trivyDiscoverVex(t.host, t.path, t.digest), 'referrers'],
        [await referrerVex(t.host, t.path, t.digest), 'referrers'],
        [await attTagVex(t.host, t.path, t.digest), 'att-tag']
      ] as const) {
        expect({ ref: t.ref, path: found?.path }).toEqual({ ref: t.ref, path })
        const doc = found!.predicate as {
          '@context': string
          statements: Array<{ vulnerability: { name: string }; products: Array<{ '@id': string }> }>
        }
        expect(doc['@context']).toBe('https://openvex.dev/ns/v0.2.0')
        expect(doc.statements.map(s => s.vulnerability.name)).toEqual(['CVE-2024-45338', 'CVE-2025-0001'])
        // Trivy applies a statement when its product matches the image's purl (go-vex PurlMatches).
        const image = trivyImagePurl(t.repository, t.digest, t.arch)
        expect({
          image,
          matches: doc.statements.map(s => purlMatches(s.products[0]!['@id'], image))
        }).toEqual({
          image,
          matches: [true, true]
        })
      }
    }
    // Trivy refuses to scan a chart; and nothing VEX is attached to it.
    const chart = targets.find(t => t.kind === 'chart')!
    expect(await trivyDiscoverVex(chart.host, chart.path, chart.digest)).toBeUndefined()
  }, 120_000)
})

describe('refused', () => {
  test('another identity: cosign (images, chart, files), gh (another owner) and oci-attest verify refuse it', async () => {
    const other = { ...base, identity: { exact: OTHER_IDENTITY } }
    const file = release.files[0]!
    const checks: Check[] = targets
      .filter(t => t.kind !== 'image')
      .flatMap(t => [
        { what: `v2 verify ${t.ref}`, run: () => cosignVerify(state, t.ref, { ...other, version: 'v2' }) },
        {
          what: `v3 verify-attestation ${t.ref}`,
          run: () => cosignVerifyAttestation(state, t.ref, 'slsaprovenance1', { ...other, version: 'v3' })
        },
        {
          what: `oci-attest ${t.ref}`,
          run: () => ociVerify(state, t.ref, { identity: OTHER_IDENTITY, require: 'signature' })
        }
      ])
    for (const v of ['v2', 'v3'] as const)
      checks.push({
        what: `${v} verify-blob`,
        run: () => blob(v, fileBundle(file, 'signature-blob'), file, OTHER_IDENTITY)
      })
    checks.push({
      what: 'gh another owner',
      run: () => ghVerify(state, release.dir, file, fileBundle(file, 'provenance-v1'), 'nvidia-evil')
    })
    const results = await runChecks(checks)
    expect(acceptances(results)).toEqual([])
    // Refused for the identity, not for anything else: cosign names the SAN it wanted, ours the policy.
    for (const x of results.filter(x => /^v[23] /.test(x.what)))
      expect({ what: x.what, err: x.r.stderr }).toEqual({
        what: x.what,
        err: expect.stringContaining(`expected SAN value "${OTHER_IDENTITY}"`)
      })
    for (const x of results.filter(x => x.what.startsWith('oci-attest')))
      expect({ code: x.r.code, err: x.r.stderr }).toEqual({
        code: 1,
        err: expect.stringContaining('NOT VERIFIED: no valid signature for this identity and issuer')
      })
  }, 300_000)

  test('a tampered file: cosign verify-blob(-attestation) v2/v3 and oci-attest verify refuse it', async () => {
    const original = release.files[0]!
    const dir = join(release.dir, 'tampered')
    await mkdir(dir, { recursive: true })
    const tampered = join(dir, basename(original))
    await writeFile(tampered, Buffer.concat([await readFile(original), Buffer.from('one more line\n')]))
    const [sig, prov] = [fileBundle(original, 'signature-blob'), fileBundle(original, 'provenance-v1')]
    const results = await runChecks(
      (['v2', 'v3'] as const).flatMap(v => [
        { what: `${v} verify-blob`, run: () => blob(v, sig, tampered) },
        { what: `${v} verify-blob-attestation`, run: () => blobAtt(v, prov, 'slsaprovenance1', tampered) }
      ])
    )
    expect(acceptances(results)).toEqual([])
    const ours = (file: string) =>
      ociVerify(state, file, { identity: IDENTITY, require: 'signature,provenance', bundles: [sig, prov] })
    const refused = await ours(tampered)
    expect(refused.code).toBe(1)
    expect(refused.stdout).toMatch(/✗ .*provenance-v1\.sigstore\.json: .*does not list this file/)
    // The untouched original still verifies with the same bundles: the refusal is about the bytes.
    expect((await ours(original)).code).toBe(0)
  }, 120_000)

  test('a VEX document about another product: the action refuses it naming the file and JSON path, and pushes nothing', async () => {
    const host = state.registries.referrers.host
    const path = `e2e/release-other-${unique()}/gpu-operator`
    const image = await pushMultiArch(`${host}/${path}`, 'v1.2.3')
    const dir = join(state.dir, 'tmp', `release-other-${unique()}`)
    await mkdir(dir, { recursive: true })
    const vex = await writeJson(dir, 'dcgm-exporter.openvex.json', vexDocument('dcgm-exporter'))
    const r = await runAction(state, {
      subjects: image.ref,
      sbom: 'none',
      vex,
      ...(await bedSigstoreInputs(state))
    })
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(
      `input "vex": ${vex}: $.statements[0].products[0]["@id"]: pkg:oci/dcgm-exporter?tag=v1.2.3 names image "dcgm-exporter", not "gpu-operator"`
    )
    expect(r.stdout).not.toContain('Certificate identity')
    for (const digest of [image.digest, ...image.platforms.map(p => p.digest)]) {
      const att = await fetch(`http://${host}/v2/${path}/manifests/${digest.replace(':', '-')}.att`, {
        method: 'HEAD'
      })
      const referrers = await listReferrers(host, path, digest)
      expect({ digest, att: att.status, referrers: referrers.manifests }).toEqual({
        digest,
        att: 404,
        referrers: []
      })
    }
  }, 120_000)
})
