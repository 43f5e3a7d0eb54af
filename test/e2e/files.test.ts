// File subjects through node dist/index.js: three files and a checksums file, mixed with an image; stock cosign
// v2/v3 verify each file's sign-blob bundle and the shared provenance statements, and refuse a tampered file.
import { describe, expect, test } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { readBedState, requireSigstore } from '../bed/state.js'
import { pushSampleImage } from '../bed/tools/sample-image.js'
import { run } from '../bed/tools/run.js'
import { sigstorePythonVerifyCommand } from '../bed/tools/sigstore-python-verify.js'
import { cosignArgs, cosignBinary } from '../integration/interop/cosign.js'
import { sbomFile } from '../integration/interop/fixture.js'
import type { CosignCall } from '../integration/interop/cosign.js'
import { bedSigstoreInputs, REPO_ROOT, runAction } from './support/action-runner.js'
import type { ActionRun } from './support/action-runner.js'

const state = readBedState()
const ISSUER = requireSigstore(state).issuer
const IDENTITY = 'https://github.com/nvidia/gpu-operator/.github/workflows/release.yaml@refs/tags/v1.2.3'
const unique = (): string => `${Date.now().toString(36)}${Math.random().toString(16).slice(2, 6)}`
const sha = (b: string | Buffer): string => createHash('sha256').update(b).digest('hex')

interface Attestation {
  subject: string
  digest: string
  subjectKind?: string
  kind: string
  predicateType?: string
  bundlePath?: string
}

const explain = (r: ActionRun): string =>
  `exit ${r.code}\n${r.stdout.split('\n').slice(-30).join('\n')}\n${r.stderr.slice(-2000)}`

const call = (version: 'v2' | 'v3'): CosignCall => ({
  version,
  trust: 'trusted-root',
  identity: { exact: IDENTITY },
  issuer: ISSUER
})

function cosign(version: 'v2' | 'v3', sub: string[], file: string) {
  const { args, env } = cosignArgs(state, call(version))
  return run(cosignBinary(state, version), [...sub, ...args, file], { env, timeoutMs: 60_000 })
}

async function releaseDir(): Promise<{ dir: string; files: string[] }> {
  const dir = join(state.dir, 'tmp', `files-${unique()}`)
  await mkdir(join(dir, 'dist'), { recursive: true })
  const files = ['app-linux-amd64.tar.gz', 'app-linux-arm64.tar.gz', 'gpu-operator-images.txt']
  for (const [i, f] of files.entries())
    await writeFile(join(dir, 'dist', f), `release file ${i} ${unique()}\n`)
  return { dir, files: files.map(f => join(dir, 'dist', f)) }
}

/** `oci-attest verify FILE --bundle …` with this run's identity and the bed's trusted root. */
const ociVerify = (file: string, bundles: string[], identity = IDENTITY) =>
  run(
    process.execPath,
    [
      join(REPO_ROOT, 'dist/cli/index.js'),
      'verify',
      file,
      ...bundles.flatMap(b => ['--bundle', b]),
      '--certificate-identity',
      identity,
      '--certificate-oidc-issuer',
      ISSUER,
      '--trusted-root',
      requireSigstore(state).trustedRootPath,
      '--require',
      'signature,provenance'
    ],
    { env: { PATH: process.env.PATH, HOME: state.dir }, timeoutMs: 60_000 }
  )

describe('file subjects end to end', () => {
  test('three files, a checksums file and an image in one run: stock verifiers accept each part', async () => {
    const { dir, files } = await releaseDir()
    const host = state.registries.referrers.host
    const repo = `e2e/files-${unique()}`
    const image = `${host}/${repo}@${await pushSampleImage(state, 'referrers', repo, 'v1')}`
    const sums = join(dir, 'SHA256SUMS')
    const listed = `${sha('not on this runner')}  docs.tar.gz\n`
    await writeFile(sums, listed)

    const r = await runAction(state, {
      subjects: image,
      'subject-path': `${join(dir, 'dist')}/*.tar.gz, ${files[2]}`,
      'subject-checksums': sums,
      sbom: 'none',
      ...(await bedSigstoreInputs(state))
    })
    expect({ code: r.code, log: r.code === 0 ? '' : explain(r) }).toEqual({ code: 0, log: '' })

    const attestations = JSON.parse(r.outputs.attestations!) as Attestation[]
    const forFiles = attestations.filter(a => a.subjectKind === 'file')
    const names = [...files.map(f => basename(f)), 'docs.tar.gz'].sort()
    expect([...new Set(forFiles.map(a => a.subject))].sort()).toEqual(names)
    // The image is attested as before, next to the files.
    expect(attestations.some(a => a.digest === image.split('@')[1] && a.kind === 'provenance-v1')).toBe(true)
    const signatureOf = (f: string) =>
      forFiles.find(a => a.subject === basename(f) && a.kind === 'signature-blob')!.bundlePath!
    const statementBundle = (kind: string) => forFiles.find(a => a.kind === kind)!.bundlePath!
    // The checksums line is listed in the statements but has no signature of its own.
    expect(forFiles.filter(a => a.subject === 'docs.tar.gz').map(a => a.kind)).toEqual([
      'provenance-v1',
      'provenance-v0.2'
    ])

    // bundle-paths and created_attestation_paths.txt carry every file bundle, each once.
    const paths = JSON.parse(r.outputs['bundle-paths']!) as string[]
    const fileBundles = [
      ...files.map(signatureOf),
      statementBundle('provenance-v1'),
      statementBundle('provenance-v0.2')
    ]
    for (const p of fileBundles) expect(paths.filter(x => x === p)).toHaveLength(1)
    const recorded = (await readFile(join(r.runnerTemp, 'created_attestation_paths.txt'), 'utf8')).split('\n')
    for (const p of fileBundles) expect(recorded).toContain(p)
    expect(files.map(signatureOf)).toEqual(
      files.map(f => join(r.runnerTemp, 'oci-attest-files', `${basename(f)}.sigstore.json`))
    )

    // One statement lists every file by base name and sha256, as actions/attest writes it.
    const v1 = JSON.parse(await readFile(statementBundle('provenance-v1'), 'utf8')) as {
      dsseEnvelope: { payload: string }
    }
    const statement = JSON.parse(Buffer.from(v1.dsseEnvelope.payload, 'base64').toString()) as {
      subject: { name: string; digest: { sha256: string } }[]
    }
    const digests = await Promise.all(files.map(async f => sha(await readFile(f))))
    expect(statement.subject).toEqual(
      expect.arrayContaining([
        ...files.map((f, i) => ({ name: basename(f), digest: { sha256: digests[i] } })),
        { name: 'docs.tar.gz', digest: { sha256: sha('not on this runner') } }
      ])
    )
    expect(statement.subject).toHaveLength(4)

    for (const version of ['v2', 'v3'] as const) {
      for (const f of files) {
        const blob = await cosign(version, ['verify-blob', '--bundle', signatureOf(f)], f)
        expect({ version, f, code: blob.code, err: blob.code ? blob.stderr : '' }).toEqual({
          version,
          f,
          code: 0,
          err: ''
        })
        for (const [type, kind] of [
          ['slsaprovenance1', 'provenance-v1'],
          ['slsaprovenance', 'provenance-v0.2']
        ]) {
          const att = await cosign(
            version,
            ['verify-blob-attestation', '--bundle', statementBundle(kind!), '--type', type!],
            f
          )
          expect({ version, type, code: att.code, err: att.code ? att.stderr : '' }).toEqual({
            version,
            type,
            code: 0,
            err: ''
          })
        }
      }
    }

    // sigstore-python checks the file signature against the file itself.
    const [python, args] = sigstorePythonVerifyCommand(state, {
      bundle: signatureOf(files[0]!),
      artifact: files[0]!,
      identity: IDENTITY,
      issuer: ISSUER
    })
    const py = await run(python, args, { timeoutMs: 60_000 })
    expect({ code: py.code, err: py.code ? py.stderr : '' }).toEqual({ code: 0, err: '' })

    // oci-attest verify FILE --bundle: the signature and the statement, for this identity only.
    const both = [signatureOf(files[0]!), statementBundle('provenance-v1')]
    const ours = await ociVerify(files[0]!, both)
    expect({ code: ours.code, out: ours.stdout, err: ours.stderr }).toEqual({
      code: 0,
      out: expect.stringMatching(/✓ signature .*\n.*✓ https:\/\/slsa.dev\/provenance\/v1 .*\nVerified\./),
      err: ''
    })
    const other = await ociVerify(files[0]!, both, IDENTITY.replace('gpu-operator', 'other'))
    expect(other.code).toBe(1)
    // The other file's signature does not sign this file.
    expect(
      (await ociVerify(files[0]!, [signatureOf(files[1]!), statementBundle('provenance-v1')])).code
    ).toBe(1)

    // A tampered file fails: its bundle signs other bytes, and the statement does not list its digest.
    await writeFile(files[0]!, 'tampered\n')
    const tampered = await ociVerify(files[0]!, both)
    expect(tampered.code).toBe(1)
    expect(tampered.stdout).toMatch(/✗ .*provenance-v1\.sigstore\.json: .*does not list this file/)
    for (const version of ['v2', 'v3'] as const) {
      const blob = await cosign(version, ['verify-blob', '--bundle', signatureOf(files[0]!)], files[0]!)
      expect(blob.code).not.toBe(0)
      const att = await cosign(
        version,
        [
          'verify-blob-attestation',
          '--bundle',
          statementBundle('provenance-v1'),
          '--type',
          'slsaprovenance1'
        ],
        files[0]!
      )
      expect(att.code).not.toBe(0)
    }
  }, 300_000)

  test('files alone with a given SBOM: cosign --type cyclonedx and gh attestation verify --bundle accept them', async () => {
    const { dir, files } = await releaseDir()
    const r = await runAction(state, {
      'subject-path': `${dir}/dist/*`,
      sbom: await sbomFile(state),
      provenance: 'v1',
      ...(await bedSigstoreInputs(state))
    })
    expect({ code: r.code, log: r.code === 0 ? '' : explain(r) }).toEqual({ code: 0, log: '' })
    // Nothing of a registry ran: no write probe, and the attestations are the files' only.
    expect(r.stdout).not.toMatch(/write access/i)
    const attestations = JSON.parse(r.outputs.attestations!) as Attestation[]
    expect(attestations.every(a => a.subjectKind === 'file')).toBe(true)
    expect([...new Set(attestations.map(a => a.kind))].sort()).toEqual([
      'provenance-v1',
      'sbom-cyclonedx',
      'signature-blob'
    ])
    const sbomBundle = attestations.find(a => a.kind === 'sbom-cyclonedx')!.bundlePath!
    const provenance = attestations.find(a => a.kind === 'provenance-v1')!.bundlePath!
    for (const version of ['v2', 'v3'] as const) {
      const att = await cosign(
        version,
        ['verify-blob-attestation', '--bundle', sbomBundle, '--type', 'cyclonedx'],
        files[2]!
      )
      expect({ version, code: att.code, err: att.code ? att.stderr : '' }).toEqual({
        version,
        code: 0,
        err: ''
      })
    }

    // gh offline against the bed's trust: anything bound for GitHub's API would hit a closed port.
    const ghDir = join(dir, 'gh')
    await mkdir(join(ghDir, 'config'), { recursive: true })
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: ghDir,
      GH_CONFIG_DIR: join(ghDir, 'config'),
      GH_NO_UPDATE_NOTIFIER: '1',
      GH_PROMPT_DISABLED: '1',
      NO_COLOR: '1',
      HTTPS_PROXY: 'http://127.0.0.1:9',
      HTTP_PROXY: 'http://127.0.0.1:9',
      NO_PROXY: ''
    }
    const gh = (file: string, owner: string) =>
      run(
        state.tools.gh,
        ['attestation', 'verify', file, '--bundle', provenance, '--owner', owner].concat([
          '--custom-trusted-root',
          requireSigstore(state).trustedRootPath,
          '--format',
          'json'
        ]),
        { env, timeoutMs: 60_000 }
      )
    for (const f of files) {
      const ok = await gh(f, 'nvidia')
      expect({ f, code: ok.code, err: ok.code ? ok.stderr : '' }).toEqual({ f, code: 0, err: '' })
    }
    expect((await gh(files[0]!, 'nvidia-evil')).code).not.toBe(0)
  }, 300_000)

  test('a dry run plans, signs with a throwaway key and writes dry-run bundles, logging nothing', async () => {
    const { dir } = await releaseDir()
    const r = await runAction(state, { 'subject-path': `${dir}/dist/*`, sbom: 'none', 'dry-run': 'true' })
    expect({ code: r.code, log: r.code === 0 ? '' : explain(r) }).toEqual({ code: 0, log: '' })
    const paths = JSON.parse(r.outputs['bundle-paths']!) as string[]
    expect(paths.length).toBe(5)
    for (const p of paths) expect(p.startsWith(join(r.runnerTemp, 'oci-attest-dry-run-files'))).toBe(true)
  }, 120_000)

  test('bad file inputs fail before anything is signed, naming the input', async () => {
    const { dir } = await releaseDir()
    for (const [inputs, message] of [
      [{ 'subject-path': `${dir}/dist/*.zip` }, /the pattern matches no file/],
      [{ 'subject-path': `${dir}/dist` }, /is a directory; name its files/],
      [{ 'subject-checksums': `${sha('a')}  a\nnot a line` }, /line 2 is not/]
    ] as const) {
      const r = await runAction(state, { ...inputs, sbom: 'none', ...(await bedSigstoreInputs(state)) })
      expect(r.code).not.toBe(0)
      expect(r.stdout + r.stderr).toMatch(message)
      expect(r.stdout).not.toMatch(/Identity: OIDC token/)
      expect(r.outputs['bundle-paths']).toBeUndefined()
    }
  }, 120_000)
})
