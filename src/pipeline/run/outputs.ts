// The action's outputs (stable names, see action.yml) and actions/attest's created_attestation_paths.txt.
import { appendFile, mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { FileReport } from '../attest-files.js'
import type { AttestReport } from '../attest-subjects.js'
import type { ProducedItem } from '../attest-subject.js'
import type { Ui } from './ui.js'
import type { SigstoreServices } from '../../sigstore/signing-config/index.js'

export interface AttestationOutput {
  subject: string
  digest: string
  /** index, image, chart, artifact or file; platform images carry their platform. */
  subjectKind?: string
  platform?: string
  kind: string
  predicateType?: string
  rekorLogIndex?: number
  rekorUrl?: string
  referrer?: string
  /** The plain SBOM referrer next to an SBOM attestation (input sbom-referrer). */
  sbomReferrer?: string
  tag?: string
  githubAttestationUrl?: string
  /** A file subject's bundle (file subjects are never pushed, so the file is where it is). */
  bundlePath?: string
}

const PUBLIC_REKOR = 'https://rekor.sigstore.dev'
const KIND_ORDER = ['signature-legacy', 'signature', 'provenance-v1', 'provenance-v0.2']

/** Items finish signing in any order; reports list them in one fixed order so runs compare line by line. */
export function ordered<T extends { kind: string }>(items: T[]): T[] {
  const rank = (k: string): number => (KIND_ORDER.includes(k) ? KIND_ORDER.indexOf(k) : KIND_ORDER.length)
  return [...items].sort((a, b) => rank(a.kind) - rank(b.kind) || a.kind.localeCompare(b.kind))
}

/** A Rekor v2 log is read as tiles and has no lookup by index: its link is the log, the proof is in the bundle. */
export function rekorEntryUrl(rekorUrl: string, logIndex: string, apiVersion = 1): string {
  const base = rekorUrl.replace(/\/+$/, '')
  if (apiVersion >= 2) return base
  if (base === PUBLIC_REKOR) return `https://search.sigstore.dev/?logIndex=${logIndex}`
  return `${base}/api/v1/log/entries?logIndex=${logIndex}`
}

/** How entries of this run are linked: by the log the services chose (v1 unless a signing config chose v2). */
export function entryLink(rekorUrl: string, services?: SigstoreServices): (logIndex: string) => string {
  const apiVersion = services?.rekor[0]?.majorApiVersion ?? 1
  return logIndex => rekorEntryUrl(rekorUrl, logIndex, apiVersion)
}

interface Listing {
  link: (logIndex: string) => string
  /** Dry-run entries were never logged: no index or link that could be mistaken for one. */
  dryRun: boolean
}

export function attestationsOf(report: AttestReport, { link, dryRun }: Listing): AttestationOutput[] {
  return report.subjects.flatMap(({ subject, items }) => {
    return ordered(items).map(i => ({
      subject: subject.repository.toString(),
      digest: subject.digest,
      subjectKind: subject.kind,
      ...(subject.platform ? { platform: subject.platform } : {}),
      kind: i.kind,
      ...(i.predicateType ? { predicateType: i.predicateType } : {}),
      ...(dryRun ? {} : { rekorLogIndex: Number(i.rekorLogIndex), rekorUrl: link(i.rekorLogIndex) }),
      ...(i.referrer ? { referrer: i.referrer } : {}),
      ...(i.sbomReferrer ? { sbomReferrer: i.sbomReferrer } : {}),
      ...(i.legacy ? { tag: i.legacy.tag } : {}),
      ...(i.githubAttestationUrl ? { githubAttestationUrl: i.githubAttestationUrl } : {})
    }))
  })
}

/** Each file with its own signature, then every statement that lists it (shared by all files of the run). */
export function fileAttestationsOf(files: FileReport, { link, dryRun }: Listing): AttestationOutput[] {
  const signatures = new Map(files.signatures.map(s => [s.subject.name, s.item]))
  return files.files.flatMap(f => {
    const own = signatures.get(f.name)
    return [...(own ? [own] : []), ...ordered(files.statements)].map((i: ProducedItem) => ({
      subject: f.name,
      digest: f.digest,
      subjectKind: 'file',
      kind: i.kind,
      ...(i.predicateType ? { predicateType: i.predicateType } : {}),
      ...(dryRun ? {} : { rekorLogIndex: Number(i.rekorLogIndex), rekorUrl: link(i.rekorLogIndex) }),
      ...(i.bundlePath ? { bundlePath: i.bundlePath } : {}),
      ...(i.githubAttestationUrl ? { githubAttestationUrl: i.githubAttestationUrl } : {})
    }))
  })
}

export function bundlePathsOf(report: AttestReport, files?: FileReport): string[] {
  const items = [
    ...report.subjects.flatMap(s => ordered(s.items)),
    ...(files ? [...files.signatures.map(s => s.item), ...ordered(files.statements)] : [])
  ]
  return items.flatMap(i => (i.bundlePath ? [i.bundlePath] : []))
}

export async function setOutputs(
  ui: Ui,
  o: {
    digests: Record<string, string>
    report: AttestReport
    files?: FileReport
    rekorUrl: string
    services?: SigstoreServices
    sbomPaths: Record<string, string>
    dryRun: boolean
    runnerTemp: string
    /** Only on a runner: later steps read the file there; a laptop's temp folder is nobody's contract. */
    recordPaths: boolean
  }
): Promise<void> {
  const bundles = bundlePathsOf(o.report, o.files)
  ui.setOutput('digests', JSON.stringify(o.digests))
  ui.setOutput('bundle-paths', JSON.stringify(bundles))
  ui.setOutput('bundle-path', bundles[0] ?? '')
  const listing = { link: entryLink(o.rekorUrl, o.services), dryRun: o.dryRun }
  const attestations = [
    ...attestationsOf(o.report, listing),
    ...(o.files ? fileAttestationsOf(o.files, listing) : [])
  ]
  ui.setOutput('attestations', JSON.stringify(attestations))
  ui.setOutput('sbom-paths', JSON.stringify(o.sbomPaths))
  ui.setOutput('dry-run', String(o.dryRun))
  // Empty in a dry run that would need TUF to know: nothing was chosen, nothing was used.
  ui.setOutput('sigstore-services', o.services ? JSON.stringify(o.services) : '')
  // Same file actions/attest appends to, so steps written for it find ours; dry-run bundles are not attestations.
  if (!o.dryRun && o.recordPaths && bundles.length > 0) {
    await mkdir(o.runnerTemp, { recursive: true })
    await appendFile(join(o.runnerTemp, 'created_attestation_paths.txt'), bundles.map(p => `${p}\n`).join(''))
  }
}
