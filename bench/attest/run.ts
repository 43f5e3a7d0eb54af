// Benchmark (prints, does not assert): N subjects × (signature + SLSA v0.2 + SLSA v1 + CycloneDX SBOM), both
// formats, through our pipeline vs stock cosign v3 (`sign` + `attest` ×3 per subject) on the same bed stack.
//   node --import tsx bench/attest/run.ts [--subjects 10] [--registry distribution] [--verify] [--cosign-jobs 1]
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { readBedState, requireSigstore } from '../../test/bed/state.js'
import type { RegistryName } from '../../test/bed/state.js'
import { pushSampleImage } from '../../test/bed/tools/sample-image.js'
import { run } from '../../test/bed/tools/run.js'
import { provenanceV02, provenanceV1 } from '../../src/attest/provenance.js'
import { RegistryClient } from '../../src/oci/index.js'
import { attestSubjects } from '../../src/pipeline/attest-subjects.js'
import { openSigningSession } from '../../src/pipeline/session.js'
import { StaticIdentityProvider } from '../../src/sigstore/identity/provider.js'
import { decodeClaims } from '../../src/sigstore/identity/verify-token.js'
import type { GitHubClaims } from '../../src/sigstore/identity/claims.js'

const { values } = parseArgs({
  options: {
    subjects: { type: 'string', default: '10' },
    registry: { type: 'string', default: 'distribution' },
    verify: { type: 'boolean', default: false },
    'cosign-jobs': { type: 'string', default: '1' }
  }
})
const n = Number(values.subjects)
const registryName = values.registry as RegistryName
const state = readBedState()
const s = requireSigstore(state)
const host = state.registries[registryName].host
const work = join(state.dir, 'bench-attest', String(Date.now()))
await mkdir(work, { recursive: true })

type LogRecord = { method: string; path: string }
const log = async (admin: string): Promise<LogRecord[]> =>
  (await (await fetch(`${admin}/log`)).json()) as LogRecord[]
const posts = (records: LogRecord[], path: string) =>
  records.filter(r => r.method === 'POST' && r.path.startsWith(path)).length
// The bed keeps only its latest 5000 records, so each phase starts from an empty log and counts it all.
const resetLogs = async () => {
  for (const admin of [s.adminUrl.fulcio, s.adminUrl.rekor]) await fetch(`${admin}/log`, { method: 'DELETE' })
}
const counters = async () => ({
  fulcio: posts(await log(s.adminUrl.fulcio), '/api/v2/signingCert'),
  rekor: posts(await log(s.adminUrl.rekor), '/api/v1/log/entries')
})
const mint = async (): Promise<string> =>
  ((await (await fetch(`${s.oidcUrl}/__mint`, { method: 'POST', body: '{}' })).json()) as { token: string })
    .token

// Untimed set-up: fresh images for each side, and the same predicates for both.
const push = (prefix: string) =>
  Promise.all(
    Array.from(
      { length: n },
      async (_, i) =>
        `${host}/bench/${prefix}-${i}@${await pushSampleImage(state, registryName, `bench/${prefix}-${i}`, `b${Date.now()}`)}`
    )
  )
const oursSubjects = await push('ours')
const cosignSubjects = await push('cosign')
const token = await mint()
const claims = decodeClaims(token) as unknown as GitHubClaims
const sbom = {
  bomFormat: 'CycloneDX',
  specVersion: '1.6',
  version: 1,
  components: [{ type: 'library', name: 'left-pad', version: '1.3.0' }]
}
const files = {
  sbom: join(work, 'sbom.cdx.json'),
  v02: join(work, 'slsa-v02.json'),
  v1: join(work, 'slsa-v1.json')
}
await writeFile(files.sbom, JSON.stringify(sbom))
await writeFile(files.v02, JSON.stringify(provenanceV02(claims)))
await writeFile(files.v1, JSON.stringify(provenanceV1(claims)))

// Ours: token verification, one certificate, everything for every subject, concurrently.
await resetLogs()
const before = await counters()
const t0 = performance.now()
const session = await openSigningSession(
  {
    fulcioUrl: s.fulcioUrl,
    rekorUrl: s.rekorUrl,
    trustedRootPath: s.trustedRootPath,
    oidcDiscoveryUrl: s.oidcUrl
  },
  { identity: new StaticIdentityProvider(token) }
)
const report = await attestSubjects(
  {
    subjects: oursSubjects,
    sbom: { path: files.sbom },
    verify: values.verify,
    bundleDir: join(work, 'bundles')
  },
  { registry: new RegistryClient(), session }
)
const ours = performance.now() - t0
const done = await counters()
await resetLogs()
const mid = await counters()

// Stock cosign v3: sign + attest ×3 per subject, as a release script would run it.
const cosignEnv = { ...process.env, TUF_ROOT: join(work, 'tuf'), DOCKER_CONFIG: join(work, 'docker') }
const common = [
  '--yes',
  '--signing-config',
  join(s.trustedRootPath, '..', 'signing_config.json'),
  '--trusted-root',
  s.trustedRootPath,
  '--identity-token',
  token
]
const cosignOne = async (ref: string) => {
  const calls = [
    ['sign', ...common, ref],
    ['attest', ...common, '--type', 'slsaprovenance', '--predicate', files.v02, ref],
    ['attest', ...common, '--type', 'slsaprovenance1', '--predicate', files.v1, ref],
    ['attest', ...common, '--type', 'cyclonedx', '--predicate', files.sbom, ref]
  ]
  for (const args of calls) {
    const r = await run(state.tools.cosignV3, args, { env: cosignEnv, timeoutMs: 120_000 })
    if (r.code !== 0) throw new Error(`cosign ${args[0]} ${ref} failed: ${r.stderr.slice(-400)}`)
  }
}
const jobs = Number(values['cosign-jobs'])
const t1 = performance.now()
for (let i = 0; i < cosignSubjects.length; i += jobs)
  await Promise.all(cosignSubjects.slice(i, i + jobs).map(cosignOne))
const stock = performance.now() - t1
const after = await counters()

const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`
console.log(
  `registry ${registryName} (${host}), ${n} subjects, each: signature + SLSA v0.2 + SLSA v1 + CycloneDX SBOM`
)
console.log(
  `oci-attest   ${secs(ours)}  both formats, self-verify ${values.verify ? 'on' : 'off'}; Fulcio requests ${done.fulcio - before.fulcio}, Rekor entries ${done.rekor - before.rekor} (report: fulcio ${report.fulcioRequests}, rekor ${report.rekorEntries})`
)
console.log(
  `cosign v3    ${secs(stock)}  sign + attest ×3 per subject, ${jobs} at a time; Fulcio requests ${after.fulcio - mid.fulcio}, Rekor entries ${after.rekor - mid.rekor}`
)
console.log(
  `ratio        oci-attest / cosign = ${(ours / stock).toFixed(3)}  (cosign takes ${(stock / ours).toFixed(1)}× as long)`
)
