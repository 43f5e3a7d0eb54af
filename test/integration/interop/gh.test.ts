// Stock `gh attestation verify` (GitHub CLI) accepts what the pipeline publishes, offline against the bed.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { BedState, RegistryName } from '../../bed/state.js'
import { pushSampleImage } from '../../bed/tools/sample-image.js'
import { run } from '../../bed/tools/run.js'
import type { RunResult } from '../../bed/tools/run.js'
import type { SigningSession } from '../../../src/pipeline/session.js'
import { openSession, publishSample, readBedState, requireSigstore, sbomFile, tempDir } from './fixture.js'
import type { Published } from './fixture.js'

// The bed's default token claims: repository nvidia/gpu-operator, workflow .github/workflows/release.yaml.
const OWNER = 'nvidia'
const REPO = 'nvidia/gpu-operator'
const WORKFLOW = `${REPO}/.github/workflows/release.yaml`
const SLSA_V1 = 'https://slsa.dev/provenance/v1'
const CYCLONEDX = 'https://cyclonedx.org/bom'

let state: BedState
let session: SigningSession
let trustedRoot: string
let ghEnv: NodeJS.ProcessEnv

beforeAll(async () => {
  state = readBedState()
  if (!state.tools.gh || !existsSync(state.tools.gh))
    throw new Error(`gh is missing (${state.tools.gh}): run \`npm run testbed:install\` and restart the bed`)
  session = await openSession(state)
  const dir = await tempDir(state, 'gh-')
  // The bed's file as is: the job summary prints gh commands with it, so they must work as pasted.
  trustedRoot = requireSigstore(state).trustedRootPath
  await mkdir(join(dir, 'config'))
  await mkdir(join(dir, 'docker'))
  ghEnv = {
    ...process.env,
    GH_CONFIG_DIR: join(dir, 'config'),
    DOCKER_CONFIG: join(dir, 'docker'),
    GH_NO_UPDATE_NOTIFIER: '1',
    GH_PROMPT_DISABLED: '1',
    NO_COLOR: '1',
    // Anything bound for GitHub's API or a TUF CDN goes to a closed port and fails at once; Go never proxies
    // loopback, so the bed's registries are reached directly. A pass therefore proves nothing remote was needed.
    HTTPS_PROXY: 'http://127.0.0.1:9',
    HTTP_PROXY: 'http://127.0.0.1:9',
    NO_PROXY: ''
  }
  delete ghEnv.GH_TOKEN
  delete ghEnv.GITHUB_TOKEN
  delete ghEnv.GH_HOST
  delete ghEnv.GH_ENTERPRISE_TOKEN
})

interface GhCall {
  bundle?: string
  fromOci?: boolean
  identity: string[]
  predicateType?: string
  /** Satisfies gh's login check; required unless --bundle is given. */
  dummyToken?: boolean
}

async function ghVerify(artifact: string, call: GhCall): Promise<RunResult> {
  const args = ['attestation', 'verify', artifact, '--custom-trusted-root', trustedRoot, ...call.identity]
  if (call.bundle) args.push('--bundle', call.bundle)
  if (call.fromOci) args.push('--bundle-from-oci')
  if (call.predicateType) args.push('--predicate-type', call.predicateType)
  args.push('--format', 'json')
  // --bundle-from-oci keeps gh's login check, though it makes no GitHub call (the proxy above would fail it).
  const env = call.fromOci || call.dummyToken ? { ...ghEnv, GH_TOKEN: 'not-a-real-token' } : ghEnv
  return run(state.tools.gh, args, { env, timeoutMs: 60_000 })
}

interface Verified {
  verificationResult: { statement: { predicateType: string; subject: { digest: { sha256: string } }[] } }
}

/** Asserts success and returns what gh says it verified (predicate types and subject digests). */
function accepted(r: RunResult): { predicateType: string; digests: string[] }[] {
  expect({ code: r.code, stderr: r.code === 0 ? '' : r.stderr + r.stdout }).toEqual({ code: 0, stderr: '' })
  const line = r.stdout.split('\n').find(l => l.startsWith('['))
  return (JSON.parse(line ?? '[]') as Verified[]).map(v => ({
    predicateType: v.verificationResult.statement.predicateType,
    digests: v.verificationResult.statement.subject.map(s => `sha256:${s.digest.sha256}`)
  }))
}

function rejected(r: RunResult, why: RegExp): void {
  expect({ code: r.code === 0 ? 0 : 'failed', output: r.stderr + r.stdout }).toEqual({
    code: 'failed',
    output: expect.stringMatching(why)
  })
}

describe.each<RegistryName>(['referrers', 'distribution'])(
  'gh attestation verify, "%s" registry',
  registry => {
    let published: Published
    let artifact: string
    const bundleOf = (kind: string) =>
      published.report.subjects[0]!.items.find(i => i.kind === kind)!.bundlePath!

    beforeAll(async () => {
      published = await publishSample(state, session, registry, 'interop/gh', {
        sbom: { path: await sbomFile(state) },
        bundleDir: await tempDir(state, 'gh-bundles-')
      })
      artifact = `oci://${published.repo}@${published.digest}`
    })

    it('accepts the provenance v1 bundle file with --owner', async () => {
      const r = await ghVerify(artifact, { bundle: bundleOf('provenance-v1'), identity: ['--owner', OWNER] })
      expect(accepted(r)).toEqual([{ predicateType: SLSA_V1, digests: [published.digest] }])
    })

    it('accepts it with --repo and --signer-workflow (with and without the host)', async () => {
      for (const workflow of [WORKFLOW, `github.com/${WORKFLOW}`]) {
        const r = await ghVerify(artifact, {
          bundle: bundleOf('provenance-v1'),
          identity: ['--repo', REPO, '--signer-workflow', workflow]
        })
        expect(accepted(r)).toEqual([{ predicateType: SLSA_V1, digests: [published.digest] }])
      }
    })

    it('accepts the SBOM bundle file with --predicate-type cyclonedx', async () => {
      const r = await ghVerify(artifact, {
        bundle: bundleOf('sbom-cyclonedx'),
        identity: ['--repo', REPO],
        predicateType: CYCLONEDX
      })
      expect(accepted(r)).toEqual([{ predicateType: CYCLONEDX, digests: [published.digest] }])
    })

    it('finds and accepts provenance and SBOM among the referrers with --bundle-from-oci', async () => {
      for (const predicateType of [SLSA_V1, CYCLONEDX]) {
        const r = await ghVerify(artifact, { fromOci: true, identity: ['--repo', REPO], predicateType })
        expect(accepted(r)).toEqual([{ predicateType, digests: [published.digest] }])
      }
    })

    it('rejects another owner, another repository, another signer workflow and another issuer', async () => {
      const bundle = bundleOf('provenance-v1')
      const realWorkflow = ['--signer-workflow', WORKFLOW]
      // gh drops sigstore-go's reason for a failed signature/identity check and names only the CA's organization ("sigstore.dev" selects its public-good checks: SCT, tlog, timestamp).
      const sigstoreFailure = /verifying with issuer "sigstore.dev"/
      const cases: [string[], RegExp][] = [
        // The SAN check (derived from --owner/--repo) rejects first ...
        [['--owner', 'nvidia-evil'], sigstoreFailure],
        [['--repo', 'nvidia/gpu-operator-fork'], sigstoreFailure],
        [['--repo', REPO, '--signer-workflow', `${REPO}/.github/workflows/other.yaml`], sigstoreFailure],
        // ... and with the genuine signer workflow, the certificate extensions reject on their own.
        [
          ['--owner', 'nvidia-evil', ...realWorkflow],
          /expected SourceRepositoryOwnerURI to be https:\/\/github\.com\/nvidia-evil,/
        ],
        [
          ['--repo', 'nvidia/gpu-operator-fork', ...realWorkflow],
          /expected SourceRepositoryURI to be https:\/\/github\.com\/nvidia\/gpu-operator-fork,/
        ],
        [
          ['--owner', OWNER, '--cert-oidc-issuer', 'https://accounts.google.com'],
          /expected Issuer to be https:\/\/accounts\.google\.com,/
        ]
      ]
      for (const [identity, why] of cases) rejected(await ghVerify(artifact, { bundle, identity }), why)
    })

    it('has no way to GitHub: the default lookup through the attestations API fails at the closed proxy', async () => {
      rejected(
        await ghVerify(artifact, { identity: ['--owner', OWNER], dummyToken: true }),
        /api\.github\.com\/orgs\/nvidia\/attestations\/.*proxyconnect tcp/
      )
    })

    it('rejects a bundle for another digest, and the SBOM bundle where provenance is asked for', async () => {
      const host = state.registries[registry].host
      const otherDigest = await pushSampleImage(state, registry, 'interop/gh', `other${Date.now()}`)
      expect(otherDigest).not.toBe(published.digest)
      // The same call against its own digest is accepted (first test); only the artifact differs here.
      rejected(
        await ghVerify(`oci://${host}/interop/gh@${otherDigest}`, {
          bundle: bundleOf('provenance-v1'),
          identity: ['--owner', OWNER]
        }),
        /verifying with issuer "sigstore.dev"/
      )
      rejected(
        await ghVerify(artifact, { bundle: bundleOf('sbom-cyclonedx'), identity: ['--owner', OWNER] }),
        /predicate type/i
      )
    })
  }
)
