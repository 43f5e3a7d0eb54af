// Metadata field counts, ours against Syft's, on the fixture root filesystems made into one-layer images:
//   node --import tsx bench/sbom/metadata.ts [fixture...]       (Syft from .tools/bin/syft; prints a table)
// Counts package components only (not the image, the OS or Syft's file components) in CycloneDX and SPDX.
import { execFile } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { generateSbom } from '../../src/sbom/index.js'
import { imageFromDiffs, writeOciLayout } from '../../test/fixtures/sbom/build-synthetic-image.js'
import { FIXTURES } from '../../test/fixtures/sbom/index.js'
import { BENCH_DIR, SYFT } from './paths.js'
import { SYFT_ENV } from './syft.js'

const run = promisify(execFile)
const DEFAULT = [
  'debian',
  'distroless',
  'alpine',
  'rpm-sqlite',
  'go',
  'rust',
  'python',
  'npm',
  'java',
  'elf-notes'
]

type Doc = Record<string, unknown>
type Counts = Record<string, number>

const FIELDS = [
  'packages',
  'supplier',
  'author',
  'publisher',
  'cpe',
  'description',
  'homepage',
  'hashes',
  'licenses'
]

function cdxCounts(doc: Doc): Counts {
  const comps = ((doc['components'] ?? []) as Doc[]).filter(
    c => c['type'] === 'library' || c['type'] === 'application'
  )
  const refs = (c: Doc) => (c['externalReferences'] ?? []) as Doc[]
  const has = (f: (c: Doc) => unknown) => comps.filter(c => !!f(c)).length
  return {
    packages: comps.length,
    supplier: has(c => c['supplier']),
    author: has(c => c['author'] || (c['authors'] as unknown[] | undefined)?.length),
    publisher: has(c => c['publisher']),
    cpe: has(c => c['cpe']),
    description: has(c => c['description']),
    homepage: has(c => refs(c).some(r => r['type'] === 'website')),
    hashes: has(c => (c['hashes'] as unknown[] | undefined)?.length || refs(c).some(r => r['hashes'])),
    licenses: has(c => (c['licenses'] as unknown[] | undefined)?.length)
  }
}

function spdxCounts(doc: Doc): Counts {
  const pkgs = ((doc['packages'] ?? []) as Doc[]).filter(
    p => !['CONTAINER', 'OPERATING_SYSTEM', 'FILE'].includes(String(p['primaryPackagePurpose'] ?? ''))
  )
  const set = (v: unknown) => typeof v === 'string' && v !== '' && v !== 'NOASSERTION' && v !== 'NONE'
  const has = (f: (p: Doc) => unknown) => pkgs.filter(p => !!f(p)).length
  return {
    packages: pkgs.length,
    supplier: has(p => set(p['supplier'])),
    author: has(p => set(p['originator'])),
    publisher: 0,
    cpe: has(p => ((p['externalRefs'] ?? []) as Doc[]).some(r => r['referenceType'] === 'cpe23Type')),
    description: has(p => set(p['description'])),
    homepage: has(p => set(p['homepage'])),
    hashes: has(p => (p['checksums'] as unknown[] | undefined)?.length),
    licenses: has(p => set(p['licenseDeclared']))
  }
}

/** Same primary CPE (CycloneDX `cpe`) for the same purl, over the packages both have. */
function cpeAgreement(ours: Doc, theirs: Doc): { both: number; samePrimary: number; sameSet: number } {
  const index = (doc: Doc) => {
    const m = new Map<string, { primary: string; all: Set<string> }>()
    for (const c of (doc['components'] ?? []) as Doc[]) {
      if (!c['purl'] || !c['cpe']) continue
      const extra = ((c['properties'] ?? []) as Doc[])
        .filter(p => p['name'] === 'syft:cpe23')
        .map(p => String(p['value']))
      m.set(String(c['purl']), { primary: String(c['cpe']), all: new Set([String(c['cpe']), ...extra]) })
    }
    return m
  }
  const a = index(ours)
  const b = index(theirs)
  let both = 0
  let samePrimary = 0
  let sameSet = 0
  for (const [purl, x] of a) {
    const y = b.get(purl)
    if (!y) continue
    both++
    if (x.primary === y.primary) samePrimary++
    if (x.all.size === y.all.size && [...x.all].every(v => y.all.has(v))) sameSet++
  }
  return { both, samePrimary, sameSet }
}

async function layoutFor(name: string): Promise<string> {
  const root = await FIXTURES[name]!()
  const { stdout } = await run('tar', ['--numeric-owner', '-C', root, '-cf', '-', '.'], {
    encoding: 'buffer',
    maxBuffer: 2 ** 31
  })
  const dir = join(BENCH_DIR, 'metadata', name)
  await mkdir(dir, { recursive: true })
  await writeOciLayout(dir, [imageFromDiffs([{ diff: stdout, compression: 'gzip' }])])
  return dir
}

const names = process.argv.slice(2).length ? process.argv.slice(2) : DEFAULT
const rows: string[] = []
const total = {
  cdx: { ours: {} as Counts, syft: {} as Counts },
  spdx: { ours: {} as Counts, syft: {} as Counts }
}
const add = (into: Counts, c: Counts) => FIELDS.forEach(f => (into[f] = (into[f] ?? 0) + (c[f] ?? 0)))
for (const name of names) {
  const dir = await layoutFor(name)
  const ours = {
    cdx: (await generateSbom({ source: `oci-layout:${dir}`, format: 'cyclonedx-json' })).document,
    spdx: (await generateSbom({ source: `oci-layout:${dir}`, format: 'spdx-json' })).document
  }
  const cdxFile = join(dir, '..', `${name}.syft.cdx.json`)
  const spdxFile = join(dir, '..', `${name}.syft.spdx.json`)
  await run(
    SYFT,
    ['scan', `oci-dir:${dir}`, '-q', '-o', `cyclonedx-json=${cdxFile}`, '-o', `spdx-json=${spdxFile}`],
    {
      env: { ...process.env, ...SYFT_ENV },
      maxBuffer: 64 << 20
    }
  )
  const syft = {
    cdx: JSON.parse(await readFile(cdxFile, 'utf8')) as Doc,
    spdx: JSON.parse(await readFile(spdxFile, 'utf8')) as Doc
  }
  await writeFile(join(dir, '..', `${name}.ours.cdx.json`), JSON.stringify(ours.cdx, null, 2))
  await writeFile(join(dir, '..', `${name}.ours.spdx.json`), JSON.stringify(ours.spdx, null, 2))
  const c = { ours: cdxCounts(ours.cdx), syft: cdxCounts(syft.cdx) }
  const s = { ours: spdxCounts(ours.spdx), syft: spdxCounts(syft.spdx) }
  add(total.cdx.ours, c.ours)
  add(total.cdx.syft, c.syft)
  add(total.spdx.ours, s.ours)
  add(total.spdx.syft, s.syft)
  const cpe = cpeAgreement(ours.cdx, syft.cdx)
  rows.push(
    `| ${name} | ${FIELDS.map(f => `${c.ours[f]} / ${c.syft[f]}`).join(' | ')} | ${cpe.samePrimary}/${cpe.both}, ${cpe.sameSet}/${cpe.both} |`
  )
}
const header = `| image | ${FIELDS.join(' | ')} | CPE equal (primary, whole set) |`
console.log('CycloneDX, ours / Syft (package components carrying the field):')
console.log(header)
console.log(`|${' --- |'.repeat(FIELDS.length + 2)}`)
for (const r of rows) console.log(r)
console.log(`| total | ${FIELDS.map(f => `${total.cdx.ours[f]} / ${total.cdx.syft[f]}`).join(' | ')} | |`)
console.log('\nSPDX, ours / Syft (author = originator):')
console.log(`| total | ${FIELDS.map(f => `${total.spdx.ours[f]} / ${total.spdx.syft[f]}`).join(' | ')} |`)
