// Finds everything published for one digest (bundle referrers, cosign `.sig`/`.att` tags) and verifies each
// piece as self-verification does: chain, SCT, log proof or SET, signature, identity, issuer, subject digest.
import { errorText } from '../errors/index.js'
import { bundleFromJSON } from '@sigstore/bundle'
import type { Bundle } from '@sigstore/bundle'
import { toSignedEntity } from '@sigstore/verify'
import type { Verifier } from '@sigstore/verify'
import type { ImageManifest, ImageReference, RegistryClient } from '../oci/index.js'
import { BUNDLE_MEDIA_TYPE, COSIGN_SIGN_PREDICATE } from '../publish/bundle-referrer.js'
import { cosignTag } from '../publish/cosign-layout.js'
import { bundleFromLayer } from '../sigstore/verify/layer-bundle.js'

export interface IdentityPolicy {
  subjectAlternativeName: string | RegExp
  extensions: { issuer: string }
}

export interface FoundItem {
  source: 'referrer' | 'tag'
  /** Referrer manifest digest, or `tag <name> layer <n>`. */
  where: string
  /** `signature` or the statement's predicate type. */
  kind: string
  ok: boolean
  problem?: string
  logIndex?: string
  san?: string
  predicate?: Record<string, unknown>
}

interface Statement {
  subject?: { digest?: Record<string, string> }[]
  predicateType?: string
  predicate?: Record<string, unknown>
}

function checkBundle(
  verifier: Verifier,
  policy: IdentityPolicy,
  bundle: Bundle,
  digest: string,
  artifact?: Buffer
): { kind: string; logIndex?: string; san?: string; predicate?: Record<string, unknown> } {
  const signer = verifier.verify(toSignedEntity(bundle, artifact), policy)
  const logIndex = bundle.verificationMaterial.tlogEntries[0]?.logIndex
  const san = signer.identity?.subjectAlternativeName
  const base = { ...(logIndex ? { logIndex } : {}), ...(san ? { san } : {}) }
  if (artifact) {
    const payload = JSON.parse(artifact.toString('utf8')) as { critical?: { image?: Record<string, string> } }
    if (payload.critical?.image?.['docker-manifest-digest'] !== digest)
      throw new Error('signed payload names another digest')
    return { kind: 'signature', ...base }
  }
  if (bundle.content.$case !== 'dsseEnvelope') throw new Error('bundle holds no DSSE envelope')
  const statement = JSON.parse(bundle.content.dsseEnvelope.payload.toString('utf8')) as Statement
  if (!statement.subject?.some(s => `sha256:${s.digest?.sha256}` === digest))
    throw new Error(`statement does not name ${digest}`)
  const kind =
    statement.predicateType === COSIGN_SIGN_PREDICATE ? 'signature' : (statement.predicateType ?? 'unknown')
  return { kind, ...base, ...(statement.predicate ? { predicate: statement.predicate } : {}) }
}

export async function discoverAndVerify(
  registry: RegistryClient,
  repo: ImageReference,
  digest: string,
  verifier: Verifier,
  policy: IdentityPolicy
): Promise<FoundItem[]> {
  const found: FoundItem[] = []
  const attempt = async (
    source: FoundItem['source'],
    where: string,
    work: () => Promise<ReturnType<typeof checkBundle>>
  ) => {
    try {
      found.push({ source, where, ok: true, ...(await work()) })
    } catch (err) {
      found.push({ source, where, kind: '?', ok: false, problem: errorText(err) })
    }
  }
  for (const ref of await registry.listReferrers(repo, digest, BUNDLE_MEDIA_TYPE)) {
    await attempt('referrer', ref.digest, async () => {
      const manifest = (await registry.getManifest(repo.withDigest(ref.digest))).json as ImageManifest
      if (manifest.subject?.digest !== digest) throw new Error('referrer names another subject')
      const layer = manifest.layers.find(l => l.mediaType === BUNDLE_MEDIA_TYPE)
      if (!layer) throw new Error('referrer has no bundle layer')
      const bundle = bundleFromJSON(
        JSON.parse((await registry.readBlob(repo, layer.digest)).toString('utf8'))
      )
      return checkBundle(verifier, policy, bundle, digest)
    })
  }
  for (const suffix of ['sig', 'att'] as const) {
    const tag = cosignTag(digest, suffix)
    if (!(await registry.headManifest(repo.withTag(tag)))) continue
    const manifest = (await registry.getManifest(repo.withTag(tag))).json as ImageManifest
    for (const [i, layer] of manifest.layers.entries()) {
      await attempt('tag', `${tag} layer ${i}`, async () => {
        const bytes = await registry.readBlob(repo, layer.digest)
        const bundle = bundleFromLayer(bytes, layer.annotations ?? {}, suffix)
        return checkBundle(verifier, policy, bundle, digest, suffix === 'sig' ? bytes : undefined)
      })
    }
  }
  return found
}
