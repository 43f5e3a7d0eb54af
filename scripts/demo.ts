// `npm run demo`: the action end to end on a laptop. Installs only what it runs (a registry from Debian; the
// Sigstore stack is Node), starts them, pushes a multi-arch image (a `docker manifest create` list) and a Helm
// chart, runs `node dist/index.js` as a runner would, verifies everything with `oci-attest verify` (and stock
// cosign / sigstore-python when installed: `--with-cosign`, `--with-sigstore-python`), prints a one-screen
// summary and writes demo-result.json. `--keep-running` leaves the bed up for your own checks. `--rekor-v2` signs
// to a real rekor-tiles with timestamps from a real timestamp-authority, chosen by a signing config alone.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { readBedState, requireRealSigstore, requireSigstore } from '../test/bed/state.js'
import type { BedState } from '../test/bed/state.js'
import { cosignVerify, cosignVerifyAttestation } from '../test/integration/interop/cosign.js'
import { bedSigstoreInputs, runAction } from '../test/e2e/support/action-runner.js'
import { pushChart, pushMultiArch } from '../test/e2e/support/samples.js'
import { sigstorePythonVerifyCommand } from '../test/bed/tools/sigstore-python-verify.js'
import { demoSummary, plainLog } from './demo/report.js'
import { setUpDemo } from './demo/setup.js'

const ROOT = resolve(import.meta.dirname, '..')
const BED_DIR = join(ROOT, '.testbed', 'demo')
const DEMO_FLAGS = ['--keep-running', '--with-cosign', '--with-sigstore-python', '--rekor-v2']
const rekorV2 = process.argv.includes('--rekor-v2')
const keepRunning = process.argv.includes('--keep-running')
const say = (line: string): void => void process.stdout.write(`demo: ${line}\n`)

function node(args: string[], what: string): void {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit' })
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}); see the output above`)
}

async function startBed(): Promise<{ state: BedState; stop: () => void }> {
  await rm(join(BED_DIR, 'state.json'), { force: true })
  // stdin is a pipe: when this process ends, for any reason, the bed sees EOF and stops.
  const child = spawn(
    process.execPath,
    [
      ...[
        '--import',
        'tsx',
        'test/bed/start.ts',
        '--dir',
        BED_DIR,
        '--profile',
        'demo',
        '--exit-on-stdin-eof'
      ],
      ...(rekorV2 ? ['--real-sigstore'] : [])
    ],
    {
      cwd: ROOT,
      stdio: ['pipe', 'ignore', 'inherit']
    }
  )
  const statePath = join(BED_DIR, 'state.json')
  for (let waited = 0; ; waited += 200) {
    if (existsSync(statePath)) break
    if (child.exitCode !== null || waited > 120_000)
      throw new Error(`the test bed did not start; see ${join(BED_DIR, 'bed.log')}`)
    await new Promise(r => setTimeout(r, 200))
  }
  process.env.OCI_ATTEST_BED_STATE = statePath
  return { state: readBedState(statePath, 'demo'), stop: () => child.stdin?.end() }
}

interface DemoSubject {
  ref: string
  digest: string
  kind: 'index' | 'image' | 'chart'
  bundles: string[]
}

async function main(): Promise<number> {
  const unknown = process.argv.slice(2).filter(a => !DEMO_FLAGS.includes(a))
  if (unknown.length) {
    process.stderr.write(`demo: unknown option ${unknown.join(' ')} (known: ${DEMO_FLAGS.join(' ')})\n`)
    return 2
  }
  const peers = await setUpDemo(
    {
      withCosign: process.argv.includes('--with-cosign'),
      withSigstorePython: process.argv.includes('--with-sigstore-python'),
      rekorV2
    },
    say
  )
  if (!existsSync(join(ROOT, 'dist/index.js')) || !existsSync(join(ROOT, 'dist/cli/index.js')))
    node(['scripts/bundle.mjs'], 'npm run bundle')
  const { state, stop } = await startBed()
  try {
    const s = requireSigstore(state)
    const registry = state.registries.distribution.host
    const real = rekorV2 ? requireRealSigstore(state) : undefined
    say(
      `bed up: registry ${registry} (no referrers API, like ghcr.io), Sigstore at ${s.fulcioUrl} / ` +
        (real ? `Rekor v2 ${real.rekorV2Url} (rekor-tiles) + TSA ${real.tsaUrl}` : s.rekorUrl)
    )

    const image = await pushMultiArch(`${registry}/nvidia/gpu-operator`, 'v1.2.3', { docker: true })
    const chart = await pushChart(`${registry}/nvidia/charts`, 'gpu-operator', '1.2.3')
    say(
      `pushed ${image.ref} (manifest list: ${image.platforms.map(p => p.platform).join(', ')}) and ${chart.ref}`
    )

    // Rekor v2: the signing config alone chooses the log and the TSA, as public good's opt-in would.
    const sigstoreInputs = real
      ? { 'signing-config': real.signingConfigPath, 'trusted-root': s.trustedRootPath }
      : await bedSigstoreInputs(state)
    say('running node dist/index.js as a runner would (INPUT_*, GITHUB_*, ACTIONS_ID_TOKEN_REQUEST_*)')
    const run = await runAction(state, { subjects: `${image.ref}\n${chart.ref}`, ...sigstoreInputs })
    process.stdout.write(plainLog(run.stdout))
    if (run.code !== 0) throw new Error(`the action failed (exit ${run.code}):\n${run.stderr}`)

    const attestations = JSON.parse(run.outputs.attestations ?? '[]') as {
      subject: string
      digest: string
      kind: string
    }[]
    const bundlePaths = JSON.parse(run.outputs['bundle-paths'] ?? '[]') as string[]
    const kindOf = (digest: string): DemoSubject['kind'] =>
      digest === image.digest ? 'index' : digest === chart.digest ? 'chart' : 'image'
    const subjects: DemoSubject[] = []
    for (const a of attestations) {
      if (subjects.some(x => x.digest === a.digest)) continue
      subjects.push({
        ref: a.subject,
        digest: a.digest,
        kind: kindOf(a.digest),
        // Bundle files are named `<registry_repo>@sha256_<hex>-<kind>.sigstore.json`.
        bundles: bundlePaths.filter(p => p.includes(`@${a.digest.replace(':', '_')}-`))
      })
    }
    const identity = run.stdout.match(/^Certificate identity: (\S+)/m)?.[1] ?? ''
    const result = {
      registry,
      identity,
      issuer: s.issuer,
      trustedRoot: sigstoreInputs['trusted-root'],
      pem: {
        fulcioRoots: s.fulcioRootsPemPath,
        rekorPublicKey: s.rekorPublicKeyPath,
        ctlogPublicKey: s.ctlogPublicKeyPath
      },
      subjects
    }
    await writeFile(join(ROOT, 'demo-result.json'), JSON.stringify(result, null, 2) + '\n')

    const passed: string[] = []
    const failed: string[] = []
    const check = (label: string, ok: boolean, detail = ''): void => {
      ;(ok ? passed : failed).push(label)
      say(`${ok ? 'ok  ' : 'FAIL'} ${label}${ok || !detail ? '' : `\n${detail}`}`)
    }
    for (const subject of subjects) {
      const ref = `${subject.ref}@${subject.digest}`
      // A chart's SBOM lists the images it deploys (what an air-gapped mirror must pull).
      const require = 'signature,provenance,sbom'
      const v = spawnSync(
        process.execPath,
        [
          join(ROOT, 'dist/cli/index.js'),
          'verify',
          ref,
          '--certificate-identity',
          identity,
          '--certificate-oidc-issuer',
          s.issuer,
          '--trusted-root',
          result.trustedRoot!,
          '--require',
          require
        ],
        { encoding: 'utf8' }
      )
      check(`oci-attest verify ${subject.kind} ${ref} (${require})`, v.status === 0, v.stdout + v.stderr)
      if (peers.sigstorePython) {
        for (const bundle of subject.bundles) {
          const kind = /-([a-z0-9.-]+?)\.sigstore\.json$/.exec(bundle.split('@').pop() ?? '')?.[1] ?? bundle
          const [python, args] = sigstorePythonVerifyCommand(state, {
            bundle,
            artifact: subject.digest,
            identity,
            issuer: s.issuer
          })
          const py = spawnSync(python, args, { encoding: 'utf8' })
          check(`sigstore-python verify ${kind} bundle of ${subject.kind}`, py.status === 0, py.stderr)
        }
      }
      const cosign = {
        identity: { regexp: '^https://github.com/nvidia/gpu-operator/' },
        issuer: s.issuer
      } as const
      // cosign v2 counts only log timestamps unless told to read signed ones; Rekor v2 entries have none.
      for (const version of rekorV2 ? (['v3'] as const) : (['v2', 'v3'] as const)) {
        if (!peers.cosign) continue
        const call = { ...cosign, version, trust: 'trusted-root' } as const
        const sig = await cosignVerify(state, ref, call)
        check(`cosign ${version} verify ${subject.kind}`, sig.code === 0, sig.stderr)
        const types = ['slsaprovenance', 'slsaprovenance1', 'cyclonedx']
        for (const type of types) {
          const att = await cosignVerifyAttestation(state, ref, type, call)
          check(
            `cosign ${version} verify-attestation --type ${type} ${subject.kind}`,
            att.code === 0,
            att.stderr
          )
        }
      }
    }
    const markdownSummary = join(BED_DIR, 'summary.md')
    await writeFile(markdownSummary, run.summary)
    process.stdout.write(
      demoSummary({
        ...result,
        trustedRoot: result.trustedRoot!,
        passed,
        failed,
        verifiers: [
          'oci-attest verify',
          ...(peers.cosign ? (rekorV2 ? ['cosign v3'] : ['cosign v2', 'cosign v3']) : []),
          ...(peers.sigstorePython ? ['sigstore-python'] : [])
        ],
        markdownSummary,
        resultFile: join(ROOT, 'demo-result.json'),
        keepRunning
      })
    )
    if (keepRunning) {
      say(
        `the bed keeps serving (registry ${registry}); export OCI_ATTEST_BED_STATE=${process.env.OCI_ATTEST_BED_STATE}; Ctrl-C stops it`
      )
      await new Promise<void>(done => {
        process.once('SIGINT', () => done())
        process.once('SIGTERM', () => done())
      })
    }
    return failed.length === 0 ? 0 : 1
  } finally {
    stop()
  }
}

main().then(
  code => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`demo: ${err instanceof Error ? err.message : String(err)}\n`)
    process.exit(1)
  }
)
