// The one verifier of published material: what is published for a subject (discover.ts), each item checked
// against a policy (certificate chain, SCT and log per the trust material, identity, issuer, subject digest and
// name, predicate type), and a report. Self-verification, `oci-attest verify` and the dry run all use it.
import { isDeepStrictEqual } from 'node:util'
import type { ImageManifest } from '../oci/manifest.js'
import type { ImageReference } from '../oci/reference.js'
import type { PublishRegistry } from '../oci/publish-registry.js'
import { COSIGN_SIGN_PREDICATE } from '../publish/bundle-referrer.js'
import { SigstoreError } from '../sigstore/error.js'
import { errorText } from '../errors/index.js'
import type { BundleVerifier, ExpectedIdentity } from '../sigstore/verify/bundle-verifier.js'
import { discoverPublished } from './discover.js'
import type { Found, Material } from './discover.js'
import { checkSignedPayload, checkStatement } from './subject-claims.js'

export interface VerifyPolicy {
  identity: ExpectedIdentity
  /** Statements must name the subject's repository as well as its digest (material this project wrote). */
  subjectName?: boolean
  /** Statements must carry only in-toto's four top-level fields, as cosign v3.1 requires. */
  strictStatements?: boolean
}

export interface PublishedSubject {
  repo: ImageReference
  digest: string
}

/** One item a run published: where it went in each format. */
export interface PublishedItem {
  kind: string
  predicateType?: string
  /** Tag layout: the tag's layer we added (digest + its signature annotation for `.sig`). */
  legacy?: { tag: string; layerDigest: string; signature?: string }
  /** Referrer manifest digest. */
  referrer?: string
}

export interface Expected {
  items: PublishedItem[]
  /**
   * Set when every item verified before it was pushed: layer digest → the annotations that verified. Registries
   * address content by digest, so an item found byte-for-byte (a listed referrer digest, a layer with our digest
   * and annotations) is confirmed without being read or verified again.
   */
  verifiedBefore?: ReadonlyMap<string, Record<string, string>>
  /** Tags already re-read after the caller's last write of them (the tag writer's confirming read): not fetched again. */
  reread?: ReadonlyMap<string, ImageManifest>
}

export interface ItemFacts {
  /** `signature` or the statement's predicate type. */
  kind: string
  logIndex?: string
  san?: string
  predicate?: Record<string, unknown>
}

export interface ReportItem extends Partial<Omit<ItemFacts, 'kind'>> {
  /** `signature`, the statement's predicate type, or `?` when the item failed. */
  kind: string
  source: 'referrer' | 'tag'
  where: string
  ok: boolean
  /** Found byte-for-byte as it verified before the push; not read again. */
  confirmed?: boolean
  /** What failed, in the words of the check (the item is named by `source` and `where`). */
  problem?: string
}

export interface VerificationReport {
  /** `registry/repo@sha256:…` */
  subject: string
  /** Each item examined, in the order found (referrers first, then `.sig`, then `.att` layers). */
  items: ReportItem[]
  /** Expected items missing or failing, each naming the item and the check; empty when all verified. */
  problems: SigstoreError[]
}

export class PublishedVerifier {
  readonly #bundles: BundleVerifier
  readonly #policy: VerifyPolicy

  constructor(bundles: BundleVerifier, policy: VerifyPolicy) {
    this.#bundles = bundles
    this.#policy = policy
  }

  /** One bundle (and the `.sig` payload it signs): cryptography, then what it says about the subject. */
  verifyItem(what: string, material: Material, subject: PublishedSubject, predicateType?: string): ItemFacts {
    const { bundle, artifact } = material
    const { san } = this.#bundles.verify(what, bundle, this.#policy.identity, artifact)
    const logIndex = bundle.verificationMaterial.tlogEntries[0]?.logIndex
    const signer = { ...(logIndex ? { logIndex } : {}), ...(san ? { san } : {}) }
    const expect = {
      digest: subject.digest,
      ...(this.#policy.subjectName ? { name: subject.repo.repoString() } : {}),
      ...(predicateType ? { predicateType } : {}),
      ...(this.#policy.strictStatements ? { strictStatement: true } : {})
    }
    try {
      if (artifact) {
        checkSignedPayload(artifact, expect)
        return { kind: 'signature', ...signer }
      }
      const { kind, predicate } = checkStatement(bundle, expect)
      return { kind, ...signer, ...(predicate ? { predicate } : {}) }
    } catch (cause) {
      throw failure(what, cause)
    }
  }

  /**
   * Discovers and verifies what is published for `subject`. Without `expected`, every item found is examined
   * (`oci-attest verify`); with it, only those items, each of which must be found and pass.
   */
  async verifySubject(
    registry: PublishRegistry,
    subject: PublishedSubject,
    expected?: Expected
  ): Promise<VerificationReport> {
    const base = `${subject.repo.repoString()}@${subject.digest}`
    const where = expected
      ? {
          referrers: expected.items.some(i => i.referrer),
          tags: (['sig', 'att'] as const).filter(s =>
            expected.items.some(i => i.legacy?.tag.endsWith(`.${s}`))
          )
        }
      : undefined
    const found = await discoverPublished(registry, subject.repo, subject.digest, where, expected?.reread)
    const items: ReportItem[] = []
    const problems: SigstoreError[] = []
    if (!expected) {
      for (const f of found) void f.read().catch(() => undefined) // reads overlap; checks run in order
      for (const f of found)
        items.push((await this.#examine(`${base} ${f.source} ${f.where}`, f, subject)).item)
      return { subject: base, items, problems }
    }
    const wanted = expected.items.flatMap((item): Wanted[] => [
      ...(item.referrer
        ? [
            {
              what: `${base} ${item.kind} (referrer ${item.referrer})`,
              found:
                found.find(f => f.source === 'referrer' && f.digest === item.referrer) ??
                'not listed among the referrers of the subject',
              predicateType: item.predicateType
            }
          ]
        : []),
      ...(item.legacy ? [layerOf(base, item, found, expected.verifiedBefore)] : [])
    ])
    const preVerified = expected.verifiedBefore !== undefined
    if (!preVerified)
      for (const w of wanted) if (typeof w.found !== 'string') void w.found.read().catch(() => undefined)
    // Referrer bundles come first for each item: they carry the inclusion proof, so the byte-identical
    // tag-layout copy that follows is covered by that full verification (see verified-cache.ts).
    for (const { what, found: f, predicateType } of wanted) {
      if (typeof f === 'string') problems.push(new SigstoreError('VERIFICATION_FAILED', `${what}: ${f}`))
      else if (preVerified) {
        const kind = !predicateType || predicateType === COSIGN_SIGN_PREDICATE ? 'signature' : predicateType
        items.push({ source: f.source, where: f.where, ok: true, kind, confirmed: true })
      } else {
        const { item, error } = await this.#examine(what, f, subject, predicateType)
        items.push(item)
        if (error) problems.push(error)
      }
    }
    return { subject: base, items, problems }
  }

  async #examine(
    what: string,
    f: Found,
    subject: PublishedSubject,
    predicateType?: string
  ): Promise<{ item: ReportItem; error?: SigstoreError }> {
    const at = { source: f.source, where: f.where }
    try {
      return { item: { ...at, ok: true, ...this.verifyItem(what, await f.read(), subject, predicateType) } }
    } catch (err) {
      const error = err instanceof SigstoreError ? err : failure(what, err)
      // The check's own words: the report line already names the item.
      const problem = errorText(err instanceof SigstoreError && err.cause ? err.cause : err)
      return { item: { ...at, kind: '?', ok: false, problem }, error }
    }
  }
}

/** An expected item's place in what was found, or why it is not there. */
interface Wanted {
  what: string
  found: Found | string
  predicateType: string | undefined
}

/** The tag layer an expected item names: exactly as it verified before, or by digest and signature. */
function layerOf(
  base: string,
  item: PublishedItem,
  found: Found[],
  verifiedBefore: Expected['verifiedBefore']
): Wanted {
  const { tag, layerDigest, signature } = item.legacy!
  const what = `${base} ${item.kind} (tag ${tag})`
  const layers = found.filter(f => f.tag === tag && f.digest === layerDigest)
  const layer = verifiedBefore
    ? layers.find(f => isDeepStrictEqual(f.annotations, verifiedBefore.get(layerDigest)))
    : layers.find(
        f => signature === undefined || f.annotations?.['dev.cosignproject.cosign/signature'] === signature
      )
  const missing = verifiedBefore
    ? `layer ${layerDigest} with the verified annotations is missing from the tag`
    : `layer ${layerDigest} is missing from the tag`
  return { what, found: layer ?? missing, predicateType: item.predicateType }
}

function failure(what: string, cause: unknown): SigstoreError {
  return new SigstoreError('VERIFICATION_FAILED', `${what}: ${errorText(cause)}`, { cause })
}

/** Self-verification's verdict: the first problem, thrown. */
export function assertVerified(report: VerificationReport): void {
  if (report.problems.length) throw report.problems[0]!
}

/** Every expected item re-read from the registry and verified in full; throws the first problem. */
export async function verifyPublished(
  registry: PublishRegistry,
  bundles: BundleVerifier,
  identity: ExpectedIdentity,
  subject: PublishedSubject & { items: PublishedItem[] }
): Promise<void> {
  const verifier = new PublishedVerifier(bundles, { identity })
  assertVerified(await verifier.verifySubject(registry, subject, { items: subject.items }))
}
