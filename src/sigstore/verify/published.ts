// Re-reads what was pushed for one subject and verifies each piece as cosign/sigstore clients would.
import { errorText } from '../../errors/index.js'
import { bundleFromJSON } from '@sigstore/bundle'
import type { Bundle } from '@sigstore/bundle'
import type { ImageManifest } from '../../oci/manifest.js'
import type { ImageReference } from '../../oci/reference.js'
import type { PublishRegistry } from '../../oci/publish-registry.js'
import { SigstoreError } from '../error.js'
import type { BundleVerifier, ExpectedIdentity } from './bundle-verifier.js'
import { bundleFromLayer } from './layer-bundle.js'

const BUNDLE_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json'

export interface PublishedItem {
  kind: string
  predicateType?: string
  /** Tag layout: the tag's layer we added (digest + its signature annotation for `.sig`). */
  legacy?: { tag: string; layerDigest: string; signature?: string }
  /** Referrer manifest digest. */
  referrer?: string
}

export interface PublishedSubject {
  repo: ImageReference
  digest: string
  items: PublishedItem[]
}

function fail(what: string, check: string, cause?: unknown): never {
  throw new SigstoreError('VERIFICATION_FAILED', `${what}: ${check}${cause ? `: ${errorText(cause)}` : ''}`, {
    cause
  })
}

function statementOf(
  bundle: Bundle,
  what: string
): { subject: { digest: Record<string, string> }[]; predicateType: string } {
  if (bundle.content.$case !== 'dsseEnvelope') fail(what, 'bundle holds no DSSE envelope')
  try {
    return JSON.parse(bundle.content.dsseEnvelope.payload.toString('utf8'))
  } catch (cause) {
    fail(what, 'DSSE payload is not a JSON statement', cause)
  }
}

/** The signed statement names the subject and the expected predicate type. */
export function checkStatement(
  bundle: Bundle,
  digest: string,
  predicateType: string | undefined,
  what: string
): void {
  const statement = statementOf(bundle, what)
  const hex = digest.replace(/^sha256:/, '')
  if (!statement.subject.some(s => s.digest.sha256 === hex))
    fail(what, `statement subject does not name ${digest}`)
  if (predicateType && statement.predicateType !== predicateType) {
    fail(what, `predicateType is ${statement.predicateType}, expected ${predicateType}`)
  }
}

export async function verifyPublished(
  registry: PublishRegistry,
  verifier: BundleVerifier,
  identity: ExpectedIdentity,
  subject: PublishedSubject
): Promise<void> {
  const { repo, digest } = subject
  const base = `${repo.repoString()}@${digest}`
  const manifests = new Map<string, ImageManifest>()
  const tagManifest = async (tag: string): Promise<ImageManifest> => {
    if (!manifests.has(tag))
      manifests.set(tag, (await registry.getManifest(repo.withTag(tag))).json as ImageManifest)
    return manifests.get(tag)!
  }
  const referrers = subject.items.some(i => i.referrer)
    ? new Set((await registry.listReferrers(repo, digest, BUNDLE_MEDIA_TYPE)).map(d => d.digest))
    : new Set<string>()

  // Referrer bundles first: they carry the inclusion proof, so the byte-identical tag-layout copy that
  // follows is covered by that full verification (see verified-cache.ts).
  for (const item of subject.items) {
    if (item.referrer) {
      const what = `${base} ${item.kind} (referrer ${item.referrer})`
      if (!referrers.has(item.referrer)) fail(what, 'not listed among the referrers of the subject')
      const manifest = (await registry.getManifest(repo.withDigest(item.referrer))).json as ImageManifest
      if (manifest.subject?.digest !== digest) fail(what, 'referrer manifest names another subject')
      const layer = manifest.layers[0]
      if (!layer || layer.mediaType !== BUNDLE_MEDIA_TYPE) fail(what, 'referrer has no bundle layer')
      let bundle: Bundle
      try {
        bundle = bundleFromJSON(
          JSON.parse((await registry.readBlob(repo, layer.digest, layer.size)).toString('utf8'))
        )
      } catch (cause) {
        fail(what, 'bundle layer is not a Sigstore bundle', cause)
      }
      verifier.verify(what, bundle, identity)
      checkStatement(bundle, digest, item.predicateType, what)
    }
    if (item.legacy) {
      const what = `${base} ${item.kind} (tag ${item.legacy.tag})`
      const { layerDigest, signature } = item.legacy
      const layer = (await tagManifest(item.legacy.tag)).layers.find(
        l =>
          l.digest === layerDigest &&
          (signature === undefined || l.annotations?.['dev.cosignproject.cosign/signature'] === signature)
      )
      if (!layer) fail(what, `layer ${layerDigest} is missing from the tag`)
      const bytes = await registry.readBlob(repo, layer.digest, layer.size)
      const kind = item.legacy.tag.endsWith('.att') ? 'att' : 'sig'
      let bundle: Bundle
      try {
        bundle = bundleFromLayer(bytes, layer.annotations ?? {}, kind)
      } catch (cause) {
        fail(what, 'layer annotations do not form a verifiable signature', cause)
      }
      verifier.verify(what, bundle, identity, kind === 'sig' ? bytes : undefined)
      if (kind === 'sig') {
        const payload = JSON.parse(bytes.toString('utf8')) as {
          critical?: { image?: Record<string, string> }
        }
        if (payload.critical?.image?.['docker-manifest-digest'] !== digest)
          fail(what, 'signed payload names another digest')
      } else {
        checkStatement(bundle, digest, item.predicateType, what)
      }
    }
  }
}
