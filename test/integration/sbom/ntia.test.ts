// NTIA minimum elements on the generator's output for an image of real packages (Debian, Python, npm, Go):
// the pinned ntia-conformance-checker on SPDX (it reads SPDX only), the same elements checked here on CycloneDX.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { Spec, Validation } from '@cyclonedx/cyclonedx-library'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { Package } from '../../../src/sbom/catalogers/types.js'
import { generateSbom } from '../../../src/sbom/index.js'
import { imageFromDiffs, writeOciLayout } from '../../fixtures/sbom/build-synthetic-image.js'
import { FIXTURES } from '../../fixtures/sbom/index.js'
import { NTIA_CHECKER } from '../../bed/tools/pins.js'
import { ensureNtiaChecker } from '../../bed/tools/python-tools.js'
import { run } from '../../bed/tools/run.js'

const tar = promisify(execFile)
const VENDOR = 'Example Corp'

interface NtiaReport {
  isNtiaConformant: boolean
  authorNameProvided: boolean
  timestampProvided: boolean
  dependencyRelationshipsProvided: boolean
  componentNames: string[]
  componentVersions: { allProvided: boolean; nonconformantComponents: string[] }
  componentIdentifiers: { allProvided: boolean; nonconformantComponents: string[] }
  componentSuppliers: { allProvided: boolean; nonconformantComponents: string[] }
  graphValidation: { floatingComponents: { floatingComponentCount: number } }
}

/** Packages whose metadata names no one: the only ones allowed to lack a supplier (never invented). */
const nobodyNamed = (p: Package): boolean => !p.publisher && !p.author && !p.authorEmail && !p.vendor

let work: string
let layout: string

beforeAll(async () => {
  await ensureNtiaChecker(line => process.stdout.write(`${line}\n`))
  work = await mkdtemp(join(tmpdir(), 'sbom-ntia-'))
  const diffs: Buffer[] = []
  for (const name of ['debian', 'python', 'npm', 'go']) {
    const root = await FIXTURES[name]!()
    const { stdout } = await tar('tar', ['--numeric-owner', '-C', root, '-cf', '-', '.'], {
      encoding: 'buffer',
      maxBuffer: 2 ** 31
    })
    diffs.push(stdout)
  }
  layout = join(work, 'layout')
  await writeOciLayout(layout, [
    imageFromDiffs(
      diffs.map(diff => ({ diff, compression: 'gzip' as const })),
      { os: 'linux', architecture: 'amd64' },
      { 'org.opencontainers.image.vendor': VENDOR }
    )
  ])
}, 900_000)

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true })
})

describe('NTIA minimum elements', () => {
  it('SPDX passes ntia-conformance-checker on every element the metadata allows', async () => {
    const sbom = await generateSbom({ source: `oci-layout:${layout}`, format: 'spdx-json' })
    const file = join(work, 'sbom.spdx.json')
    await writeFile(file, sbom.serialized)
    const reportFile = join(work, 'ntia.json')
    const r = await run(
      NTIA_CHECKER.sbomcheck,
      [file, '--output', 'json', '--output-file', reportFile, '-q'],
      {
        timeoutMs: 300_000
      }
    )
    // Exit code 1 means "not conformant"; anything else is the checker failing.
    expect([0, 1]).toContain(r.code)
    const report = JSON.parse(await readFile(reportFile, 'utf8')) as NtiaReport
    expect(report.authorNameProvided).toBe(true)
    expect(report.timestampProvided).toBe(true)
    expect(report.dependencyRelationshipsProvided).toBe(true)
    expect(report.componentVersions.allProvided).toBe(true)
    expect(report.componentIdentifiers.allProvided).toBe(true)
    expect(report.graphValidation.floatingComponents.floatingComponentCount).toBe(0)
    // Suppliers: the image (from its vendor label) and every package whose metadata names someone.
    const allowed = new Set([sbom.distro!.id, ...sbom.packages.filter(nobodyNamed).map(p => p.name)])
    const missing = report.componentSuppliers.nonconformantComponents
    expect(missing.filter(name => !allowed.has(name))).toEqual([])
    expect(missing).toContain(sbom.distro!.id) // os-release names no vendor
    const named = sbom.packages.filter(p => !nobodyNamed(p))
    expect(named.length).toBeGreaterThan(100)
    const deb = sbom.packages.filter(p => p.type === 'deb')
    expect(deb.every(p => !nobodyNamed(p))).toBe(true)
  }, 600_000)

  it('CycloneDX carries the same elements: author tool, timestamp, suppliers, unique ids, a graph from the image', async () => {
    const sbom = await generateSbom({ source: `oci-layout:${layout}`, format: 'cyclonedx-json' })
    expect(await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(sbom.serialized)).toBeNull()
    const doc = sbom.document as {
      metadata: {
        timestamp: string
        tools: { components: Array<{ name: string; version: string }> }
        supplier?: { name: string }
        component: { 'bom-ref': string; name: string; version: string; supplier?: { name: string } }
      }
      components: Array<{
        'bom-ref': string
        name: string
        version?: string
        type: string
        supplier?: unknown
      }>
      dependencies: Array<{ ref: string; dependsOn?: string[] }>
      compositions?: Array<{ aggregate: string; dependencies: string[] }>
    }
    expect(Date.parse(doc.metadata.timestamp)).not.toBeNaN()
    expect(doc.metadata.tools.components[0]!.name).toBe('oci-attest')
    expect(doc.metadata.supplier).toEqual({ name: VENDOR })
    expect(doc.metadata.component.supplier).toEqual({ name: VENDOR })
    const refs = doc.components.map(c => c['bom-ref'])
    expect(new Set(refs).size).toBe(refs.length)
    for (const c of doc.components) expect(c.version).toBeTruthy()
    // A supplier on every package whose metadata names someone, and on no other.
    const libraries = doc.components.filter(c => c.type === 'library' || c.type === 'application')
    const withSupplier = new Set(libraries.filter(c => c.supplier).map(c => c['bom-ref']))
    expect(withSupplier.size).toBe(sbom.packages.filter(p => !nobodyNamed(p)).length)
    // Every component is reached from the image through the dependency graph.
    const edges = new Map(doc.dependencies.map(d => [d.ref, d.dependsOn ?? []]))
    const seen = new Set<string>()
    const stack = [doc.metadata.component['bom-ref']]
    while (stack.length) {
      const ref = stack.pop()!
      if (seen.has(ref)) continue
      seen.add(ref)
      stack.push(...(edges.get(ref) ?? []))
    }
    expect(refs.filter(r => !seen.has(r))).toEqual([])
    // Completeness is declared only for package-database and Go build-info dependency lists.
    const complete = new Set(doc.compositions?.flatMap(c => c.dependencies) ?? [])
    expect(complete.size).toBeGreaterThan(0)
    for (const ref of complete) expect(ref).toMatch(/^pkg:(deb|golang)\//)
  }, 600_000)
})
