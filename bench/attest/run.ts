// Benchmark (prints, does not assert): N subjects × (signature + SLSA v0.2 + SLSA v1 + CycloneDX SBOM), both
// formats, through our pipeline vs stock cosign v3 (`sign` + `attest` ×3 per subject) on the same bed stack.
//   node --import tsx bench/attest/run.ts [--subjects 10] [--registry distribution] [--verify] [--runs 3] [--rekor-v2]
//     [--latency MS]  (registry behind the bed's fault proxy, every request delayed MS: a registry across a network)
// Each run uses fresh images; the order of the two sides alternates between runs; medians are printed last.
import { sbomPredicateFromFile } from '../../src/attest/sbom-predicate.js'
import { planSubjects } from '../../src/pipeline/plan.js'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { readBedState, requireRealSigstore, requireSigstore } from '../../test/bed/state.js'
import type { RegistryName } from '../../test/bed/state.js'
import { pushSampleImage } from '../../test/bed/tools/sample-image.js'
import { run } from '../../test/bed/tools/run.js'
import { provenanceV02, provenanceV1 } from '../../src/attest/provenance.js'
import { RegistryClient } from '../../src/oci/index.js'
import { attestSubjects } from '../../src/pipeline/attest-subjects.js'
import { openSigningSession } from '../../src/pipeline/session.js'
import { probeWriteAccess } from '../../src/pipeline/write-probe.js'
import { StaticIdentityProvider } from '../../src/sigstore/identity/provider.js'
import { decodeClaims } from '../../src/sigstore/identity/verify-token.js'
import type { GitHubClaims } from '../../src/github/claims.js'

const { values } = parseArgs({
  options: {
    subjects: { type: 'string', default: '10' },
    registry: { type: 'string', default: 'distribution' },
    verify: { type: 'boolean', default: false },
    runs: { type: 'string', default: '3' },
    latency: { type: 'string' },
    'rekor-v2': { type: 'boolean', default: false }
  }
})
const n = Number(values.subjects)
const state = readBedState()
const s = requireSigstore(state)
// --rekor-v2: both sides sign to the bed's rekor-tiles with a timestamp from its timestamp-authority.
const real = values['rekor-v2'] ? requireRealSigstore(state) : undefined
const rekorLog = real
  ? { admin: real.adminUrl.rekorV2, path: '/api/v2/log/entries' }
  : { admin: s.adminUrl.rekor, path: '/api/v1/log/entries' }
// The flaky proxy fronts the distribution registry (no referrers API, like GHCR) and can delay requests.
const registryName = (values.latency ? 'flaky' : values.registry) as RegistryName
const host = state.registries[registryName].host
if (values.latency) {
  const res = await fetch(state.registries.flaky.adminUrl, {
    method: 'POST',
    body: JSON.stringify({ rules: [{ path: '.', action: 'delay', delayMs: Number(values.latency) }] })
  })
  if (res.status !== 200) throw new Error(`fault proxy answered ${res.status}: ${await res.text()}`)
}
const work = join(state.dir, 'bench-attest', String(Date.now()))
await mkdir(work, { recursive: true })

type LogRecord = { method: string; path: string }
const posts = async (admin: string, path: string): Promise<number> =>
  ((await (await fetch(`${admin}/log`)).json()) as LogRecord[]).filter(
    r => r.method === 'POST' && r.path.startsWith(path)
  ).length
// The bed keeps only its latest 5000 records, so each side starts from an empty log and counts it all.
async function counted(work: () => Promise<void>): Promise<{ ms: number; fulcio: number; rekor: number }> {
  for (const admin of [s.adminUrl.fulcio, rekorLog.admin]) await fetch(`${admin}/log`, { method: 'DELETE' })
  const t = performance.now()
  await work()
  const ms = performance.now() - t
  return {
    ms,
    fulcio: await posts(s.adminUrl.fulcio, '/api/v2/signingCert'),
    rekor: await posts(rekorLog.admin, rekorLog.path)
  }
}

const token = (
  (await (await fetch(`${s.oidcUrl}/__mint`, { method: 'POST', body: '{}' })).json()) as { token: string }
).token
const claims = decodeClaims(token) as unknown as GitHubClaims
const files = {
  sbom: join(work, 'sbom.cdx.json'),
  v02: join(work, 'slsa-v02.json'),
  v1: join(work, 'slsa-v1.json')
}
const sbom = {
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  components: [{ type: 'library', name: 'left-pad' }]
}
await writeFile(files.sbom, JSON.stringify(sbom))
await writeFile(files.v02, JSON.stringify(provenanceV02(claims)))
await writeFile(files.v1, JSON.stringify(provenanceV1(claims)))

const push = (prefix: string): Promise<string[]> =>
  Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const repo = `bench/${prefix}-${i}`
      return `${host}/${repo}@${await pushSampleImage(state, registryName, repo, `b${Date.now()}`)}`
    })
  )

// Ours: token verification, one certificate, everything for every subject, concurrently.
async function ours(subjects: string[]): Promise<void> {
  const session = await openSigningSession(
    {
      fulcioUrl: s.fulcioUrl,
      ...(real
        ? { rekorUrl: real.rekorV2Url, rekorApiVersion: 2 as const, tsaUrls: [real.tsaUrl] }
        : { rekorUrl: s.rekorUrl }),
      trustedRootPath: s.trustedRootPath,
      oidcDiscoveryUrl: s.oidcUrl
    },
    { identity: new StaticIdentityProvider(token) }
  )
  // The action proves write access before signing; it costs what the run pays, so it is measured here.
  // As the action does: the plan reads each subject once, then the probe, then signing and publishing.
  const registry = new RegistryClient()
  const plan = await planSubjects(registry, subjects, 'both')
  await probeWriteAccess(registry, plan.subjects)
  const sbom = await sbomPredicateFromFile(files.sbom)
  await attestSubjects(
    {
      subjects: plan.subjects,
      sbomFor: async () => sbom,
      verify: values.verify,
      // Rekor v2 gives no SET, which the tag layout needs: bundles only, as the action publishes them.
      formats: real ? ['referrers'] : ['legacy', 'referrers'],
      bundleDir: join(work, 'bundles')
    },
    { registry, session }
  )
}

// Stock cosign v3: sign + attest ×3 per subject, one after another, as a release script would run it.
const cosignEnv = { ...process.env, TUF_ROOT: join(work, 'tuf'), DOCKER_CONFIG: join(work, 'docker') }
const common = ['--yes', '--signing-config', real?.signingConfigPath ?? s.signingConfigPath]
common.push('--trusted-root', s.trustedRootPath, '--identity-token', token)
async function cosign(subjects: string[]): Promise<void> {
  for (const ref of subjects) {
    for (const args of [
      ['sign', ...common, ref],
      ['attest', ...common, '--type', 'slsaprovenance', '--predicate', files.v02, ref],
      ['attest', ...common, '--type', 'slsaprovenance1', '--predicate', files.v1, ref],
      ['attest', ...common, '--type', 'cyclonedx', '--predicate', files.sbom, ref]
    ]) {
      const r = await run(state.tools.cosignV3, args, { env: cosignEnv, timeoutMs: 120_000 })
      if (r.code !== 0) throw new Error(`cosign ${args[0]} ${ref} failed: ${r.stderr.slice(-400)}`)
    }
  }
}

const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN
console.log(
  `registry ${registryName}${values.latency ? ` (distribution, ${values.latency} ms added to every request)` : ''} (${host}), ${n} subjects, each: signature + SLSA v0.2 + SLSA v1 + CycloneDX SBOM`
)
console.log(
  `oci-attest: ${real ? 'bundles (Rekor v2 + TSA)' : 'both formats (Rekor v1)'}, self-verify ${values.verify ? 'on' : 'off'}; ` +
    `cosign v3: sign + attest ×3 per subject${real ? ', --signing-config choosing Rekor v2 + TSA' : ''}`
)
const results: { ours: number; cosign: number }[] = []
for (let r = 0; r < Number(values.runs); r++) {
  const [mine, theirs] = [await push(`ours${r}`), await push(`cosign${r}`)]
  const oursSide = () => counted(() => ours(mine))
  const cosignSide = () => counted(() => cosign(theirs))
  let a: Awaited<ReturnType<typeof counted>>
  let b: Awaited<ReturnType<typeof counted>>
  if (r % 2 === 0) {
    a = await oursSide()
    b = await cosignSide()
  } else {
    b = await cosignSide()
    a = await oursSide()
  }
  results.push({ ours: a.ms, cosign: b.ms })
  console.log(
    `run ${r + 1}: oci-attest ${secs(a.ms)} (Fulcio ${a.fulcio}, Rekor ${a.rekor})  ` +
      `cosign ${secs(b.ms)} (Fulcio ${b.fulcio}, Rekor ${b.rekor})  ratio ${(a.ms / b.ms).toFixed(3)}`
  )
}
const [mo, mc] = [median(results.map(x => x.ours)), median(results.map(x => x.cosign))]
// The ratio is taken per run (both sides under the same load), then its median.
const ratio = median(results.map(x => x.ours / x.cosign))
console.log(
  `median: oci-attest ${secs(mo)}, cosign v3 ${secs(mc)}, ratio ${ratio.toFixed(3)} (cosign takes ${(1 / ratio).toFixed(1)}× as long)`
)
if (values.latency) await fetch(state.registries.flaky.adminUrl, { method: 'DELETE' })
