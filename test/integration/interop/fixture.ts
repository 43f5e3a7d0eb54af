// Signs and publishes sample images on the bed with the real pipeline; suites then ask stock tools about them.
import { planned, sbomFromFile } from '../support/subjects.js'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { readBedState, requireSigstore } from '../../bed/state.js'
import type { BedState, RegistryName } from '../../bed/state.js'
import { pushSampleImage } from '../../bed/tools/sample-image.js'
import { RegistryClient } from '../../../src/oci/index.js'
import { attestSubjects } from '../../../src/pipeline/attest-subjects.js'
import type { AttestOptions, AttestReport } from '../../../src/pipeline/attest-subjects.js'
import { openSigningSession } from '../../../src/pipeline/session.js'
import type { SigningSession } from '../../../src/pipeline/session.js'
import { StaticIdentityProvider } from '../../../src/sigstore/identity/provider.js'

export const ISSUER = 'https://token.actions.githubusercontent.com'

export async function mintToken(state: BedState, claims: Record<string, unknown> = {}): Promise<string> {
  const res = await fetch(`${requireSigstore(state).oidcUrl}/__mint`, {
    method: 'POST',
    body: JSON.stringify(claims)
  })
  if (!res.ok) throw new Error(`bed OIDC mint answered ${res.status}`)
  return ((await res.json()) as { token: string }).token
}

export async function openSession(
  state: BedState,
  claims: Record<string, unknown> = {},
  opts: { tsa?: boolean } = {}
): Promise<SigningSession> {
  const s = requireSigstore(state)
  return openSigningSession(
    {
      fulcioUrl: s.fulcioUrl,
      rekorUrl: s.rekorUrl,
      trustedRootPath: s.trustedRootPath,
      oidcDiscoveryUrl: s.oidcUrl,
      ...(opts.tsa ? { tsaUrls: [s.tsaUrl] } : {})
    },
    { identity: new StaticIdentityProvider(await mintToken(state, claims)) }
  )
}

export const CYCLONEDX_SBOM = {
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  metadata: { component: { type: 'container', name: 'sample' } },
  components: [{ type: 'library', name: 'left-pad', version: '1.3.0', purl: 'pkg:npm/left-pad@1.3.0' }]
}

/** A fresh directory under the bed's own (removed with the bed). */
export async function tempDir(state: BedState, prefix: string): Promise<string> {
  await mkdir(join(state.dir, 'tmp'), { recursive: true })
  return mkdtemp(join(state.dir, 'tmp', prefix))
}

export async function sbomFile(state: BedState): Promise<string> {
  const dir = await tempDir(state, 'sbom-')
  const path = join(dir, 'sbom.cdx.json')
  await writeFile(path, JSON.stringify(CYCLONEDX_SBOM))
  return path
}

export interface Published {
  registry: RegistryName
  repo: string
  digest: string
  report: AttestReport
}

/** Pushes a fresh sample image to `registry` and runs the pipeline on it. */
export async function publishSample(
  state: BedState,
  session: SigningSession,
  registry: RegistryName,
  repoName: string,
  { sbom, ...options }: Omit<AttestOptions, 'subjects' | 'sbomFor'> & { sbom?: { path: string } }
): Promise<Published> {
  const host = state.registries[registry].host
  const digest = await pushSampleImage(
    state,
    registry,
    repoName,
    `t${Date.now()}${Math.random().toString(16).slice(2, 6)}`
  )
  const repo = `${host}/${repoName}`
  // Self-verification is off by default here: these suites ask the stock tools, and test/integration/attest
  // covers our own verifier, so one cannot mask the other.
  const client = new RegistryClient()
  const report = await attestSubjects(
    {
      verify: false,
      ...options,
      ...(sbom ? await sbomFromFile(sbom.path) : {}),
      subjects: await planned(client, [`${repo}@${digest}`])
    },
    { registry: client, session }
  )
  return { registry, repo, digest, report }
}

export { readBedState, requireSigstore }

/** A fresh sample image attested in both formats (signature, provenance, SBOM) on each bed registry. */
export async function publishOnEveryRegistry(
  state: BedState,
  session: SigningSession,
  prefix: string
): Promise<Map<RegistryName, Published>> {
  const sbom = await sbomFile(state)
  const out = new Map<RegistryName, Published>()
  for (const registry of ['referrers', 'distribution'] as const)
    out.set(
      registry,
      await publishSample(state, session, registry, `${prefix}-${registry}`, { sbom: { path: sbom } })
    )
  return out
}

/**
 * Environment for a stock Go verifier that must work offline: a home and docker config of its own, and
 * anything bound for the internet (the public TUF CDN, GitHub) sent to a closed port. Go never proxies
 * loopback, so the bed is reached directly, and a pass proves nothing remote was needed.
 */
export async function offlineToolEnv(
  dir: string,
  extra: Record<string, string> = {}
): Promise<NodeJS.ProcessEnv> {
  await mkdir(join(dir, 'docker'), { recursive: true })
  return {
    PATH: process.env.PATH,
    HOME: dir,
    DOCKER_CONFIG: join(dir, 'docker'),
    HTTPS_PROXY: 'http://127.0.0.1:9',
    HTTP_PROXY: 'http://127.0.0.1:9',
    NO_PROXY: '',
    ...extra
  }
}
