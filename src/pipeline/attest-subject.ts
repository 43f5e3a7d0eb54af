// One subject end to end: statements → sign (Rekor) → publish (tags, referrers, GitHub, files) → verify,
// as two stages so the pipeline can publish one subject while it signs the next.
import { errorChain, errorText } from '../errors/index.js'
import type { ProvenanceVersion } from '../attest/provenance.js'
import type { SbomPredicate } from '../attest/sbom-predicate.js'
import type { CustomPredicate } from '../attest/custom-predicate.js'
import type { BoundOpenVex } from '../attest/openvex-bind.js'
import type { CosignLayer } from '../publish/cosign-layout.js'
import { attestationLayer, signatureLayer, simpleSigningPayload } from '../publish/cosign-payloads.js'
import type { GitHubAttestationStore } from '../publish/github-store.js'
import type { PublishRegistry } from '../oci/publish-registry.js'
import { computeDigest } from '../oci/digest.js'
import type { TagWriters } from '../oci/tag-writer.js'
import type { SignedPayload, SignedStatement } from '../sigstore/sign-artifacts.js'
import type { PublishedItem } from '../verify/index.js'
import { confirmPublished } from './confirm-published.js'
import type { RekorLedger } from './rekor-ledger.js'
import { publishSigned } from './publish-subject.js'
import { verifyBeforePush } from './verify-before-push.js'
import type { SigningSession } from './session.js'
import { PipelineError } from './errors.js'
import { allOrCancel } from './fail-fast.js'
import { planStatements } from './statements.js'
import type { PlannedStatement } from './statements.js'
import type { RegistrySubject } from '../subject/index.js'

export type PublishFormat = 'legacy' | 'referrers'

export interface SubjectOptions {
  provenance: ProvenanceVersion[]
  formats: PublishFormat[]
  sbom?: SbomPredicate
  sbomLimitBytes?: number
  /** The caller's own predicate, attested on every subject. */
  custom?: CustomPredicate
  /** OpenVEX documents bound to this subject: one attestation each. */
  vex?: BoundOpenVex[]
  /** Also push the SBOM itself (unsigned) as a plain artifact referrer, for registry-SBOM readers. */
  sbomReferrer?: boolean
  /** After pushing, re-read to confirm consumers find exactly the material that verified before the push. */
  verify: boolean
  /** Verify every signature locally before anything of the subject is pushed (off only for dry runs). */
  verifyBeforePush?: boolean
  bundleDir: string
}

export interface ProducedItem extends PublishedItem {
  rekorLogIndex: string
  /** On the SBOM item: the plain SBOM referrer pushed next to its attestation. */
  sbomReferrer?: string
  bundlePath?: string
  githubAttestationUrl?: string
}

export interface SubjectReport {
  subject: RegistrySubject
  items: ProducedItem[]
  warnings: string[]
}

export interface SubjectCollaborators {
  registry: PublishRegistry
  session: SigningSession
  locks: TagWriters
  log?: (line: string) => void
  githubStore?: GitHubAttestationStore
  /** Told of every Rekor entry as it is created, so a later failure can say what is public. */
  ledger?: RekorLedger
}

/** One statement with its signature, and its `.att` layer when the tag layout carries it. */
export interface SignedEntry {
  statement: PlannedStatement
  signed: SignedStatement
  attLayer?: CosignLayer
}

/** A subject whose statements are signed and logged, ready to publish. */
export interface SignedSubject {
  subject: RegistrySubject
  entries: SignedEntry[]
  /** The simple-signing payload of the `.sig` tag, and its signature when the tag layout is published. */
  payload: Buffer
  signedPayload?: SignedPayload
}

// Failures name the subject and the step, so the edge can say what to fix.
const failIn =
  (subject: RegistrySubject, step: 'sign' | 'publish' | 'verify') =>
  (cause: unknown): never => {
    throw new PipelineError('SUBJECT_FAILED', subject.ref, 'attest', errorText(cause), { cause, step })
  }

/** A registry or network failure somewhere in the cause chain (the bytes were never compared). */
function isReadFailure(err: unknown): boolean {
  return errorChain(err).some(e => {
    const code = (e as { code?: unknown }).code
    return typeof code === 'string' && /^(HTTP_|REGISTRY_ERROR$)/.test(code)
  })
}

/** Statements → signatures, each logged in Rekor. */
export async function signSubject(
  subject: RegistrySubject,
  opts: SubjectOptions,
  c: Pick<SubjectCollaborators, 'session' | 'ledger'>
): Promise<SignedSubject> {
  const statements = planStatements({
    subject,
    claims: c.session.claims,
    serverUrl: c.session.serverUrl,
    provenance: opts.provenance,
    ...(opts.sbom ? { sbom: opts.sbom } : {}),
    ...(opts.sbomLimitBytes ? { sbomLimitBytes: opts.sbomLimitBytes } : {}),
    ...(opts.custom ? { custom: opts.custom } : {}),
    ...(opts.vex ? { vex: opts.vex } : {}),
    bundleSignature: opts.formats.includes('referrers')
  })
  const payload = simpleSigningPayload(subject.repository.toString(), subject.digest)
  const logged = <T extends { tlogEntry: { logIndex: string } }>(what: string, task: Promise<T>) =>
    task.then(r => (c.ledger?.record(subject.ref, what, r.tlogEntry.logIndex), r))
  const payloadTask = opts.formats.includes('legacy')
    ? logged('signature (tag layout)', c.session.signer.signPayload(payload))
    : Promise.resolve(undefined)
  const statementTasks = statements.map(s => logged(s.kind, c.session.signer.signStatement(s.bytes)))
  // One failed signature fails the run: the others are cancelled, not left retrying into Rekor.
  await allOrCancel([payloadTask, ...statementTasks], cause => c.session.cancel(cause)).catch(
    failIn(subject, 'sign')
  )
  const signedPayload = await payloadTask
  const legacy = opts.formats.includes('legacy')
  const signed = await Promise.all(statementTasks)
  const entries = statements.map((statement, i): SignedEntry => {
    const entry = { statement, signed: signed[i]! }
    return legacy && statement.inAttTag
      ? { ...entry, attLayer: attestationLayer(entry.signed.envelope, statement.predicateType, entry.signed) }
      : entry
  })
  return { subject, entries, payload, ...(signedPayload ? { signedPayload } : {}) }
}

/** Verified before the push, published, then confirmed where consumers look. */
export async function publishSubject(
  s: SignedSubject,
  opts: SubjectOptions,
  c: SubjectCollaborators
): Promise<SubjectReport> {
  const { subject, payload, signedPayload } = s
  const sig = signedPayload && signatureLayer(payload, signedPayload.signature, signedPayload)
  if (opts.verifyBeforePush !== false) {
    try {
      verifyBeforePush(s, sig, c.session.published)
    } catch (cause) {
      failIn(subject, 'verify')(cause)
    }
  }
  const { items, warnings, reread } = await publishSigned(s, sig, opts, c).catch(failIn(subject, 'publish'))
  if (opts.verify) {
    const layerAnnotations = new Map<string, Record<string, string>>()
    for (const l of [...(sig ? [sig] : []), ...s.entries.flatMap(e => (e.attLayer ? [e.attLayer] : []))])
      layerAnnotations.set(computeDigest(l.bytes), l.annotations)
    const { repository: repo, digest } = subject
    await confirmPublished(c, { repo, digest, items, layerAnnotations, reread }).catch((cause: unknown) => {
      // A read that failed (not a check) leaves a complete publication: a re-run would only sign it twice.
      if (isReadFailure(cause))
        throw new PipelineError(
          'SUBJECT_FAILED',
          subject.ref,
          'attest',
          `everything was published (${items.length} items, Rekor entries ${items.map(i => i.rekorLogIndex).join(', ')}), ` +
            `but re-reading it to confirm failed: ${errorText(cause)}. Do not re-run the job to sign again; ` +
            `check it with \`oci-attest verify ${subject.ref}\` or cosign verify once the registry recovers`,
          { cause, step: 'verify' }
        )
      return failIn(subject, 'verify')(cause)
    })
  }
  return { subject, items, warnings }
}
