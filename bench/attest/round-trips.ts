// Counts our registry round trips per subject (signature + SLSA v0.2 + v1 + SBOM, both formats), by kind.
//   OCI_ATTEST_BED_STATE=… node --import tsx bench/attest/round-trips.ts [--subjects 10] [--registry distribution]
import { sbomPredicateFromFile } from '../../src/attest/sbom-predicate.js'
import { planSubjects } from '../../src/pipeline/plan.js'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { readBedState, requireSigstore } from '../../test/bed/state.js'
import type { RegistryName } from '../../test/bed/state.js'
import { pushSampleImage } from '../../test/bed/tools/sample-image.js'
import { createHttpClient } from '../../src/http/index.js'
import type { HttpClient } from '../../src/http/index.js'
import { RegistryClient } from '../../src/oci/index.js'
import { attestSubjects } from '../../src/pipeline/attest-subjects.js'
import { openSigningSession } from '../../src/pipeline/session.js'
import { StaticIdentityProvider } from '../../src/sigstore/identity/provider.js'

const { values } = parseArgs({
  options: {
    subjects: { type: 'string', default: '10' },
    registry: { type: 'string', default: 'distribution' },
    timeline: { type: 'boolean', default: false }
  }
})
const n = Number(values.subjects)
const registryName = values.registry as RegistryName
const state = readBedState()
const s = requireSigstore(state)
const host = state.registries[registryName].host
const work = join(state.dir, 'bench-attest', `rt-${Date.now()}`)
await mkdir(work, { recursive: true })

// `PUT manifests/<tag>` etc.: digests and repository names folded so kinds add up across subjects.
function kind(method: string, url: URL): string {
  const path = url.pathname
    .replace(/^\/v2\/.+?\/(manifests|blobs|referrers)\//, '$1/')
    .replace(/sha256[:-][0-9a-f]{64}\.(sig|att)$/, '<sha>.$1')
    .replace(/sha256-[0-9a-f]{64}$/, '<fallback-tag>')
    .replace(/sha256:[0-9a-f]{64}$/, '<digest>')
    .replace(/uploads\/.+$/, 'uploads/<session>')
  return `${method} ${path}`
}
let t = performance.now()
const counts = new Map<string, number>()
const timeline: string[] = [] // subject 0's requests: start–end ms and kind, with --timeline
let publishStart = 0 // first registry write after the subjects were checked: signing is over for one subject
const base = createHttpClient()
const http: HttpClient = {
  request(url, init) {
    const u = new URL(url)
    if (u.host === host) {
      const k = kind(init?.method ?? 'GET', u)
      counts.set(k, (counts.get(k) ?? 0) + 1)
      if (!publishStart && k !== 'HEAD manifests/<digest>') publishStart = performance.now()
    }
    if (!values.timeline || !u.pathname.includes('-0/')) return base.request(url, init)
    const start = performance.now()
    const line = (end: number) =>
      `${(start - t).toFixed(0).padStart(5)}–${(end - t).toFixed(0).padEnd(5)} ${kind(init?.method ?? 'GET', u)}`
    return base.request(url, init).then(res => (timeline.push(line(performance.now())), res))
  }
}

const token = (
  (await (await fetch(`${s.oidcUrl}/__mint`, { method: 'POST', body: '{}' })).json()) as { token: string }
).token
const sbomPath = join(work, 'sbom.cdx.json')
await writeFile(sbomPath, JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6', version: 1 }))
const subjects = await Promise.all(
  Array.from({ length: n }, async (_, i) => {
    const repo = `bench/rt${Date.now()}-${i}`
    return `${host}/${repo}@${await pushSampleImage(state, registryName, repo, `rt${Date.now()}`)}`
  })
)
const session = await openSigningSession(
  {
    fulcioUrl: s.fulcioUrl,
    rekorUrl: s.rekorUrl,
    trustedRootPath: s.trustedRootPath,
    oidcDiscoveryUrl: s.oidcUrl
  },
  { identity: new StaticIdentityProvider(token) }
)
t = performance.now()
const cpuBefore = process.cpuUsage()
// The plan's read of each subject is part of what a run sends, so it is counted.
const registry = new RegistryClient({ http })
const sbom = await sbomPredicateFromFile(sbomPath)
await attestSubjects(
  {
    subjects: (await planSubjects(registry, subjects, 'both')).subjects,
    sbomFor: async () => sbom,
    verify: false,
    bundleDir: join(work, 'bundles')
  },
  { registry, session }
)
const ms = performance.now() - t
const cpu = process.cpuUsage(cpuBefore)
const total = [...counts.values()].reduce((a, b) => a + b, 0)
console.log(
  `registry ${registryName}: ${n} subjects in ${(ms / 1000).toFixed(2)} s, ${total} registry requests, our CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s`
)
console.log(
  `per subject: ${(total / n).toFixed(1)}; first publishing request after ${(publishStart - t).toFixed(0)} ms`
)
for (const line of timeline) console.log(line)
for (const [k, v] of [...counts].sort((a, b) => b[1] - a[1]))
  console.log(`  ${(v / n).toFixed(1).padStart(5)}  ${k}`)
