// One subject end to end: statements → sign (Rekor) → publish (tags, referrers, GitHub, files) → verify.
import type { ProvenanceVersion } from '../attest/provenance.js'
import type { SbomPredicate } from '../attest/sbom-predicate.js'
import { pushBundleReferrer } from '../publish/bundle-referrer.js'
import { writeBundleFile } from '../publish/bundle-file.js'
import { appendToCosignTag, cosignTag } from '../publish/cosign-layout.js'
import { attestationLayer, signatureLayer, simpleSigningPayload } from '../publish/cosign-payloads.js'
import type { GitHubAttestationStore } from '../publish/github-store.js'
import type { PublishRegistry } from '../publish/registry.js'
import type { RepositoryLocks } from '../publish/repo-lock.js'
import type { SignedStatement } from '../sigstore/sign-artifacts.js'
import { verifyPublished } from '../sigstore/verify/published.js'
import type { PublishedItem } from '../sigstore/verify/published.js'
import type { SigningSession } from './session.js'
import { planStatements } from './statements.js'
import type { ResolvedSubject } from './subjects.js'

export type PublishFormat = 'legacy' | 'referrers'

export interface SubjectOptions {
  provenance: ProvenanceVersion[]
  formats: PublishFormat[]
  sbom?: SbomPredicate
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
    bundleSignature: referrers
  })
  const payload = simpleSigningPayload(repository, digest)
  const [signedPayload, signed] = await Promise.all([
    legacy ? c.session.signer.signPayload(payload) : undefined,
    Promise.all(statements.map(s => c.session.signer.signStatement(s.bytes)))
  ])

  const items: ProducedItem[] = []
  const warnings: string[] = []
  if (signedPayload) {
    const layer = signatureLayer(payload, signedPayload.signature, signedPayload)
    const result = await appendToCosignTag(c.registry, c.locks, repo, digest, 'sig', [layer])
    items.push({
      kind: 'signature-legacy',
      rekorLogIndex: signedPayload.tlogEntry.logIndex,
      legacy: {
        tag: result.tag,
        layerDigest: result.layerDigests[0]!,
        signature: signedPayload.signature.toString('base64')
      }
    })
  }
  const attIndexes = statements.flatMap((s, i) => (legacy && s.inAttTag ? [i] : []))
  const att = attIndexes.length
    ? await appendToCosignTag(
        c.registry,
        c.locks,
        repo,
        digest,
        'att',
        attIndexes.map(i => attestationLayer(signed[i]!.envelope, statements[i]!.predicateType, signed[i]!))
      )
    : undefined

  await Promise.all(
    statements.map(async (statement, i) => {
      const s = signed[i] as SignedStatement
      const item: ProducedItem = {
        kind: statement.kind,
        predicateType: statement.predicateType,
        rekorLogIndex: s.tlogEntry.logIndex
      }
      const at = attIndexes.indexOf(i)
      if (att && at >= 0) item.legacy = { tag: cosignTag(digest, 'att'), layerDigest: att.layerDigests[at]! }
      if (referrers) {
        item.referrer = (
          await pushBundleReferrer(
            c.registry,
            repo,
            subject.descriptor,
            s.bundleJson,
            statement.predicateType
          )
        ).manifestDigest
      }
      item.bundlePath = await writeBundleFile(
        opts.bundleDir,
        repository,
        digest,
        statement.kind,
        s.bundleJson
      )
      if (c.githubStore) {
        const stored = await c.githubStore.store(JSON.parse(s.bundleJson.toString('utf8')) as object)
        if (stored.stored) item.githubAttestationUrl = stored.url
        else if (!warnings.includes(stored.warning)) warnings.push(stored.warning)
      }
      items.push(item)
    })
  )
  if (opts.verify)
    await verifyPublished(c.registry, c.session.verifier, c.session.identity, { repo, digest, items })
  return { subject: subject.input, repository, digest, items, warnings }
}
