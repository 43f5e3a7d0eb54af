// `verify --output-predicate DIR`: each verified predicate as a bare file, so `grype sbom:DIR/sbom.cdx.json`
// needs no unwrapping of DSSE envelopes or bundles, whichever format the attestation came in.
import { createHash } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ReportItem } from '../verify/index.js'

/** One item `verify` found, as its report and `--json` show it. */
export type FoundItem = ReportItem

export interface WrittenPredicate {
  predicateType: string
  path: string
}

const KNOWN_NAMES: Record<string, string> = {
  'https://cyclonedx.org/bom': 'sbom.cdx',
  'https://spdx.dev/Document': 'sbom.spdx',
  'https://slsa.dev/provenance/v1': 'provenance-v1',
  'https://slsa.dev/provenance/v0.2': 'provenance-v0.2'
}

/** A file stem per predicate type: the names users expect for SBOMs and provenance, a slug for the rest. */
export function predicateFileStem(predicateType: string): string {
  const known = KNOWN_NAMES[predicateType]
  if (known) return known
  const slug = predicateType
    .replace(/^[a-z]+:\/\//i, '')
    .replace(/[^A-Za-z0-9.]+/g, '-')
    .replace(/^[-.]+|-+$/g, '')
  return `predicate-${slug || 'unknown'}`
}

/**
 * Writes the predicate of every verified attestation (the cosign signature statement has none worth keeping).
 * The same statement found as a referrer and in the `.att` tag is written once; differing predicates of one
 * type get `-2`, `-3`… so none is silently dropped.
 */
export async function writeVerifiedPredicates(dir: string, found: FoundItem[]): Promise<WrittenPredicate[]> {
  await mkdir(dir, { recursive: true })
  const seen = new Set<string>()
  const perType = new Map<string, number>()
  const written: WrittenPredicate[] = []
  for (const item of found) {
    if (!item.ok || item.kind === 'signature' || !item.predicate) continue
    const bytes = Buffer.from(`${JSON.stringify(item.predicate)}\n`)
    const key = `${item.kind}\0${createHash('sha256').update(bytes).digest('hex')}`
    if (seen.has(key)) continue
    seen.add(key)
    const n = (perType.get(item.kind) ?? 0) + 1
    perType.set(item.kind, n)
    const path = join(dir, `${predicateFileStem(item.kind)}${n > 1 ? `-${n}` : ''}.json`)
    await writeFile(path, bytes)
    written.push({ predicateType: item.kind, path })
  }
  return written
}
