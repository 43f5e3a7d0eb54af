// One subject end to end: statements → sign (Rekor) → publish (tags, referrers, GitHub, files) → verify.
import type { ProvenanceVersion } from '../attest/provenance.js'
import type { SbomPredicate } from '../attest/sbom-predicate.js'
import { pushBundleReferrer, uploadEmptyConfig } from '../publish/bundle-referrer.js'
import { writeBundleFile } from '../publish/bundle-file.js'
import { appendToCosignTag } from '../publish/cosign-layout.js'
import { attestationLayer, signatureLayer, simpleSigningPayload } from '../publish/cosign-payloads.js'
import type { GitHubAttestationStore } from '../publish/github-store.js'
import type { PublishRegistry } from '../publish/registry.js'
import type { RepositoryLocks } from '../publish/repo-lock.js'
import type { SignedStatement } from '../sigstore/sign-artifacts.js'
import { verifyPublished } from '../sigstore/verify/published.js'
import type { PublishedItem } from '../sigstore/verify/published.js'
import type { SigningSession } from './session.js'
import { describe } from '../sigstore/error.js'
import { PipelineError } from './errors.js'
import { allOrCancel } from './fail-fast.js'
import { planStatements } from './statements.js'
import type { ResolvedSubject } from './subjects.js'

export type PublishFormat = 'legacy' | 'referrers'

export interface SubjectOptions {
  provenance: ProvenanceVersion[]
  formats: PublishFormat[]
  sbom?: SbomPredicate
  sbomLimitBytes?: number
  verify: boolean
  bundleDir: string
}

export interface ProducedItem extends PublishedItem {
  rekorLogIndex: string
  bundlePath?: string
  githubAttestationUrl?: string
}

export interface SubjectReport {
  subject: string
  repository: string
  digest: string
  items: ProducedItem[]
  warnings: string[]
}

export interface SubjectCollaborators {
  registry: PublishRegistry
  session: SigningSession
  locks: RepositoryLocks
  githubStore?: GitHubAttestationStore
}

export async function attestSubject(
  subject: ResolvedSubject,
  opts: SubjectOptions,
  c: SubjectCollaborators
): Promise<SubjectReport> {
  const { repo, digest } = subject
  const repository = repo.repoString()
  const legacy = opts.formats.includes('legacy')
  const referrers = opts.formats.includes('referrers')
  const statements = planStatements({
    repository,
    digest,
    claims: c.session.claims,
    serverUrl: c.session.serverUrl,
    provenance: opts.provenance,
    ...(opts.sbom ? { sbom: opts.sbom } : {}),
    ...(opts.sbomLimitBytes ? { sbomLimitBytes: opts.sbomLimitBytes } : {}),
    bundleSignature: referrers
  })
  // Failures name the subject and the step, so the edge can say what to fix.
  const failIn =
    (step: 'sign' | 'publish' | 'verify') =>
    (cause: unknown): never => {
      throw new PipelineError('SUBJECT_FAILED', subject.input, 'attest', describe(cause), { cause, step })
    }
  const payload = simpleSigningPayload(repository, digest)
  const payloadTask = legacy ? c.session.signer.signPayload(payload) : Promise.resolve(undefined)
  const statementTasks = statements.map(s => c.session.signer.signStatement(s.bytes))
  // One failed signature fails the run: the others are cancelled, not left retrying into Rekor.
  await allOrCancel([payloadTask, ...statementTasks], cause => c.session.cancel(cause)).catch(failIn('sign'))
  const signedPayload = await payloadTask
  const signed = await Promise.all(statementTasks)

  const warnings: string[] = []
  const publish = async (): Promise<ProducedItem[]> => {
    const attIndexes = statements.flatMap((s, i) => (legacy && s.inAttTag ? [i] : []))
    // The two tags and the referrers are independent writes, so they go out together.
    const [sigItem, att] = await Promise.all([
      signedPayload
        ? appendToCosignTag(c.registry, c.locks, repo, digest, 'sig', [
            signatureLayer(payload, signedPayload.signature, signedPayload)
          ]).then((result): ProducedItem => ({
            kind: 'signature-legacy',
            rekorLogIndex: signedPayload.tlogEntry.logIndex,
            legacy: {
              tag: result.tag,
              layerDigest: result.layerDigests[0]!,
              signature: signedPayload.signature.toString('base64')
            }
          }))
        : undefined,
      attIndexes.length
        ? appendToCosignTag(
            c.registry,
            c.locks,
            repo,
            digest,
            'att',
            attIndexes.map(i =>
              attestationLayer(signed[i]!.envelope, statements[i]!.predicateType, signed[i]!)
            )
          )
        : undefined,
      referrers ? uploadEmptyConfig(c.registry, repo) : undefined
    ])
    const statementItems = await Promise.all(
      statements.map(async (statement, i): Promise<ProducedItem> => {
        const s = signed[i] as SignedStatement
        const item: ProducedItem = {
          kind: statement.kind,
          predicateType: statement.predicateType,
          rekorLogIndex: s.tlogEntry.logIndex
        }
        const at = attIndexes.indexOf(i)
        if (att && at >= 0) item.legacy = { tag: att.tag, layerDigest: att.layerDigests[at]! }
        const [referrer, bundlePath, stored] = await Promise.all([
          referrers
            ? pushBundleReferrer(
                c.registry,
                repo,
                subject.descriptor,
                s.bundleJson,
                statement.predicateType,
                {
                  emptyConfigPresent: true
                }
              )
            : undefined,
          writeBundleFile(opts.bundleDir, repository, digest, statement.kind, s.bundleJson),
          c.githubStore?.store(JSON.parse(s.bundleJson.toString('utf8')) as object)
        ])
        if (referrer) item.referrer = referrer.manifestDigest
        item.bundlePath = bundlePath
        if (stored?.stored) item.githubAttestationUrl = stored.url
        else if (stored && !warnings.includes(stored.warning)) warnings.push(stored.warning)
        return item
      })
    )
    return [...(sigItem ? [sigItem] : []), ...statementItems]
  }
  const items = await publish().catch(failIn('publish'))
  if (opts.verify) {
    await verifyPublished(c.registry, c.session.verifier, c.session.identity, { repo, digest, items }).catch(
      failIn('verify')
    )
  }
  return { subject: subject.input, repository, digest, items, warnings }
}
