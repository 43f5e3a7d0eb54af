// What a dry run would have pushed, where, with media types and sizes; and the verification a real run would do.
import { errorText } from '../errors/index.js'
import { readFile } from 'node:fs/promises'
import { bundleFromJSON } from '@sigstore/bundle'
import { SigstoreError } from '../sigstore/error.js'
import type { PublishedVerifier } from '../verify/index.js'
import type { RecordingRegistry } from './dry-run-registry.js'
import type { AttestReport } from './attest-subjects.js'

/** Registries commonly refuse manifests over 4 MiB (distribution's default limit). */
export const MANIFEST_LIMIT = 4 * 1024 * 1024

export interface WouldPush {
  /** `registry/repo:tag` or `registry/repo@sha256:…`. */
  target: string
  what: string
  mediaType: string
  size: number
  /** One line per layer / entry: media type, size, predicate type. */
  contents: string[]
}

export function describeWrites(recorded: RecordingRegistry): WouldPush[] {
  const out: WouldPush[] = []
  for (const m of recorded.manifests) {
    const layers = (m.json.layers ?? []).map(
      l =>
        `${l.mediaType} ${l.size} B${l.annotations?.predicateType ? ` ${l.annotations.predicateType}` : ''}`
    )
    if (m.tag) {
      const kind = m.tag.endsWith('.sig')
        ? 'cosign signature tag'
        : m.tag.endsWith('.att')
          ? 'cosign attestation tag'
          : 'tag'
      out.push({
        target: `${m.repository}:${m.tag}`,
        what: `${kind}, ${layers.length} layer(s)`,
        mediaType: m.mediaType,
        size: m.size,
        contents: layers
      })
    } else {
      const predicate = m.json.annotations?.['dev.sigstore.bundle.predicateType'] ?? ''
      out.push({
        target: `${m.repository}@${m.digest}`,
        what: `referrer of ${m.json.subject?.digest ?? '?'}${predicate ? ` (${predicate})` : ''}`,
        mediaType: `${m.mediaType}${m.json.artifactType ? `, artifactType ${m.json.artifactType}` : ''}`,
        size: m.size,
        contents: layers
      })
    }
  }
  for (const u of recorded.fallbackUpdates) {
    out.push({
      target: `${u.repository}:${u.tag}`,
      what: 'referrers fallback index (registry has no referrers API): add one descriptor',
      mediaType: 'application/vnd.oci.image.index.v1+json',
      size: JSON.stringify(u.descriptor).length,
      contents: [`${u.descriptor.mediaType} ${u.descriptor.digest} ${u.descriptor.size} B`]
    })
  }
  return out
}

/**
 * What a real run's self-verification would check, against the dry run's own CA and log: what would be pushed,
 * read back as consumers read it, and each bundle file, verified by the one verifier (signature, chain, log
 * entry, identity, subject digest and name, statements as stock verifiers parse them); manifests fit registry
 * limits. Returns problems; empty means every check passed.
 */
export async function checkDryRun(
  report: AttestReport,
  recorded: RecordingRegistry,
  verifier: PublishedVerifier
): Promise<string[]> {
  const problems: string[] = []
  const registry = recorded.recordedOnly()
  for (const { subject, items } of report.subjects) {
    const pushed = items.filter(i => i.referrer || i.legacy)
    const target = { repo: subject.repository, digest: subject.digest }
    if (pushed.length)
      for (const p of (await verifier.verifySubject(registry, target, { items: pushed })).problems)
        problems.push(p.message)
    for (const item of items) {
      if (!item.bundlePath) continue
      const what = `${subject.ref} ${item.kind}`
      try {
        const bundle = bundleFromJSON(JSON.parse(await readFile(item.bundlePath, 'utf8')))
        verifier.verifyItem(what, { bundle }, target, item.predicateType)
      } catch (err) {
        problems.push(err instanceof SigstoreError ? err.message : `${what}: ${errorText(err)}`)
      }
    }
  }
  for (const m of recorded.manifests)
    if (m.size > MANIFEST_LIMIT)
      problems.push(
        `${m.repository}${m.tag ? `:${m.tag}` : `@${m.digest}`}: manifest of ${m.size} B exceeds ${MANIFEST_LIMIT} B`
      )
  return problems
}
