// One subject end to end: statements → sign (Rekor) → publish (tags, referrers, GitHub, files) → verify,
// as two stages so the pipeline can publish one subject while it signs the next.
import { errorText } from '../errors/index.js'
import type { ProvenanceVersion } from '../attest/provenance.js'
import type { SbomPredicate } from '../attest/sbom-predicate.js'
import type { CustomPredicate } from '../attest/custom-predicate.js'
import { pushBundleReferrer, uploadEmptyConfig } from '../publish/bundle-referrer.js'
import { writeBundleFile } from '../publish/bundle-file.js'
import { pushSbomReferrer } from '../publish/sbom-referrer.js'
import { appendToCosignTag, type AppendResult } from '../publish/cosign-layout.js'
import { attestationLayer, signatureLayer, simpleSigningPayload } from '../publish/cosign-payloads.js'
import type { GitHubAttestationStore } from '../publish/github-store.js'
import type { ImageManifest } from '../oci/manifest.js'
import type { PublishRegistry } from '../oci/publish-registry.js'
import { computeDigest } from '../oci/digest.js'
import type { TagWriters } from '../oci/tag-writer.js'
import type { SignedPayload, SignedStatement } from '../sigstore/sign-artifacts.js'
import type { PublishedItem } from '../verify/index.js'
import { confirmPublished } from './confirm-published.js'
import type { RekorLedger } from './rekor-ledger.js'
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

/** A subject whose statements are signed and logged, ready to publish. */
export interface SignedSubject {
  subject: RegistrySubject
  statements: PlannedStatement[]
  payload: Buffer
  signedPayload?: SignedPayload
  signed: SignedStatement[]
}

// Failures name the subject and the step, so the edge can say what to fix.
const failIn =
  (subject: RegistrySubject, step: 'sign' | 'publish' | 'verify') =>
  (cause: unknown): never => {
    throw new PipelineError('SUBJECT_FAILED', subject.ref, 'attest', errorText(cause), { cause, step })
  }

/** A registry or network failure somewhere in the cause chain (the bytes were never compared). */
function isReadFailure(err: unknown): boolean {
  for (
    let e = err as { code?: unknown; cause?: unknown } | undefined, n = 0;
    e && n < 10;
    e = e.cause as typeof e, n++
  )
    if (typeof e.code === 'string' && /^(HTTP_|REGISTRY_ERROR$)/.test(e.code)) return true
  return false
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
  return {
    subject,
    statements,
    payload,
    ...(signedPayload ? { signedPayload } : {}),
    signed: await Promise.all(statementTasks)
  }
}

/** Tags, referrers, GitHub store and bundle files for a signed subject, then self-verification. */
export async function publishSubject(
  s: SignedSubject,
  opts: SubjectOptions,
  c: SubjectCollaborators
): Promise<SubjectReport> {
  const { subject, statements, payload, signedPayload, signed } = s
  const { repository: repo, digest } = subject
  const legacy = opts.formats.includes('legacy')
  const referrers = opts.formats.includes('referrers')
  const warnings: string[] = []
  const attIndexes = statements.flatMap((st, i) => (legacy && st.inAttTag ? [i] : []))
  const sigLayer = signedPayload && signatureLayer(payload, signedPayload.signature, signedPayload)
  const attLayers = attIndexes.map(i =>
    attestationLayer(signed[i]!.envelope, statements[i]!.predicateType, signed[i]!)
  )
  if (opts.verifyBeforePush !== false) {
    try {
      verifyBeforePush(
        s,
        { ...(sigLayer ? { sig: sigLayer } : {}), att: attLayers, attIndexes },
        c.session.published
      )
    } catch (cause) {
      failIn(subject, 'verify')(cause)
    }
  }
  // What the tag writer's confirming reads found, so self-verification need not fetch those tags again.
  const reread = new Map<string, ImageManifest>()
  const remember = (result: AppendResult): AppendResult => {
    reread.set(result.tag, result.manifest)
    return result
  }
  const publish = async (): Promise<ProducedItem[]> => {
    const converge = c.log ? { log: c.log } : {}
    // The two tags and the referrers are independent writes, so they all go out together.
    const sigTask =
      signedPayload && sigLayer
        ? appendToCosignTag(c.registry, c.locks, repo, digest, 'sig', [sigLayer], converge)
            .then(remember)
            .then((result): ProducedItem => ({
              kind: 'signature-legacy',
              rekorLogIndex: signedPayload.tlogEntry.logIndex,
              legacy: {
                tag: result.tag,
                layerDigest: result.layerDigests[0]!,
                signature: signedPayload.signature.toString('base64')
              }
            }))
        : Promise.resolve(undefined)
    const attTask = attIndexes.length
      ? appendToCosignTag(c.registry, c.locks, repo, digest, 'att', attLayers, converge).then(remember)
      : Promise.resolve(undefined)
    const plainSbom = opts.sbomReferrer && opts.sbom ? opts.sbom : undefined
    // Every referrer joins the same fallback-index write, so they are all pushed in one go; their layers go
    // up while the shared empty config does.
    const emptyConfig = referrers || plainSbom ? uploadEmptyConfig(c.registry, repo) : undefined
    const referrerTasks = emptyConfig
      ? Promise.all([
          Promise.all(
            (referrers ? statements : []).map((statement, i) =>
              pushBundleReferrer(
                c.registry,
                repo,
                subject.descriptor,
                signed[i]!.bundleJson,
                statement.predicateType,
                // A plain file name per kind, so `oras pull` of any referrer writes e.g. sbom-cyclonedx.sigstore.json.
                { emptyConfig, title: `${statement.kind}.sigstore.json` }
              )
            )
          ),
          plainSbom && pushSbomReferrer(c.registry, repo, subject.descriptor, plainSbom, { emptyConfig })
        ])
      : Promise.resolve(undefined)
    const sideTasks = Promise.all(
      statements.map((statement, i) =>
        Promise.all([
          writeBundleFile(opts.bundleDir, repo.toString(), digest, statement.kind, signed[i]!.bundleJson),
          c.githubStore?.store(signed[i]!.bundleJson)
        ])
      )
    )
    const [sigItem, att, pushedReferrers, sides] = await Promise.all([
      sigTask,
      attTask,
      referrerTasks,
      sideTasks
    ])
    const [referrerResults, sbomReferrer] = pushedReferrers ?? []
    const statementItems = statements.map((statement, i): ProducedItem => {
      const item: ProducedItem = {
        kind: statement.kind,
        predicateType: statement.predicateType,
        rekorLogIndex: signed[i]!.tlogEntry.logIndex
      }
      const at = attIndexes.indexOf(i)
      if (att && at >= 0) item.legacy = { tag: att.tag, layerDigest: att.layerDigests[at]! }
      const referrer = referrerResults?.[i]
      if (referrer) item.referrer = referrer.manifestDigest
      if (sbomReferrer && statement.kind === `sbom-${plainSbom!.kind}`)
        item.sbomReferrer = sbomReferrer.manifestDigest
      const [bundlePath, stored] = sides[i]!
      item.bundlePath = bundlePath
      if (stored?.stored) item.githubAttestationUrl = stored.url
      else if (stored && !warnings.includes(stored.warning)) warnings.push(stored.warning)
      return item
    })
    return [...(sigItem ? [sigItem] : []), ...statementItems]
  }
  const items = await publish().catch(failIn(subject, 'publish'))
  if (opts.verify) {
    const layerAnnotations = new Map<string, Record<string, string>>()
    for (const l of [...(sigLayer ? [sigLayer] : []), ...attLayers])
      layerAnnotations.set(computeDigest(l.bytes), l.annotations)
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
