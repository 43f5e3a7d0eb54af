// What a dry run would have pushed, where, with media types and sizes; and checks that stand in for verification.
import { errorText } from '../errors/index.js'
import { createPublicKey, verify as verifySignature, X509Certificate } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { bundleFromJSON } from '@sigstore/bundle'
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

const STATEMENT_KEYS = ['_type', 'subject', 'predicateType', 'predicate']

/** DSSE pre-authentication encoding, which the envelope signature covers. */
function pae(type: string, payload: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`DSSEv1 ${Buffer.byteLength(type)} ${type} ${payload.length} `), payload])
}

/**
 * Checks a dry run can make without a trusted log or CA: bundles parse as Sigstore bundles, each DSSE signature
 * verifies with its certificate's key, statements name their subject, manifests fit registry limits.
 * Returns problems; empty means every check passed.
 */
export async function checkDryRun(report: AttestReport, recorded: RecordingRegistry): Promise<string[]> {
  const problems: string[] = []
  for (const { subject, items } of report.subjects) {
    const name = subject.repository.toString()
    for (const item of items) {
      if (!item.bundlePath) continue
      const what = `${subject.ref} ${item.kind}`
      try {
        const bundle = bundleFromJSON(JSON.parse(await readFile(item.bundlePath, 'utf8')))
        if (bundle.content.$case !== 'dsseEnvelope') throw new Error('no DSSE envelope')
        const vm = bundle.verificationMaterial.content
        if (vm?.$case !== 'certificate') throw new Error('no certificate')
        const key = createPublicKey(
          new X509Certificate(vm.certificate.rawBytes).publicKey.export({ format: 'pem', type: 'spki' })
        )
        const env = bundle.content.dsseEnvelope
        if (
          !verifySignature(
            'sha256',
            pae(env.payloadType, env.payload),
            key,
            env.signatures[0]?.sig ?? Buffer.alloc(0)
          )
        )
          throw new Error('DSSE signature does not verify with the certificate key')
        const statement = JSON.parse(env.payload.toString('utf8')) as Record<string, unknown> & {
          subject: { name?: string; digest: { sha256?: string } }[]
        }
        // cosign v3.1 parses statements strictly: any other top-level field breaks verification.
        const extra = Object.keys(statement).filter(k => !STATEMENT_KEYS.includes(k))
        if (extra.length) throw new Error(`statement has fields stock verifiers reject: ${extra.join(', ')}`)
        if (!statement.subject.some(s => `sha256:${s.digest.sha256}` === subject.digest && s.name === name))
          throw new Error(`statement does not name ${subject.ref}`)
      } catch (err) {
        problems.push(`${what}: ${errorText(err)}`)
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
