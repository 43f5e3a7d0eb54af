// A signed subject's material written where consumers look: cosign's tags, bundle referrers (and the plain SBOM
// referrer), bundle files and GitHub's attestation store, all at once; one produced item per signature.
import type { ImageManifest } from '../oci/manifest.js'
import { pushBundleReferrer, uploadEmptyConfig } from '../publish/bundle-referrer.js'
import { writeBundleFile } from '../publish/bundle-file.js'
import { appendToCosignTag, type AppendResult, type CosignLayer } from '../publish/cosign-layout.js'
import { pushSbomReferrer } from '../publish/sbom-referrer.js'
import type {
  ProducedItem,
  SignedEntry,
  SignedSubject,
  SubjectCollaborators,
  SubjectOptions
} from './attest-subject.js'

export interface Published {
  items: ProducedItem[]
  warnings: string[]
  /** Tags as the tag writer's confirming read found them after our last write (self-verification reuses them). */
  reread: Map<string, ImageManifest>
}

/** Where one entry ended up, filled in by each format as its writes finish. */
type Placed = Map<SignedEntry, Partial<ProducedItem>>

export async function publishSigned(
  s: SignedSubject,
  sig: CosignLayer | undefined,
  opts: SubjectOptions,
  c: SubjectCollaborators
): Promise<Published> {
  const placed: Placed = new Map(s.entries.map(e => [e, {}]))
  const reread = new Map<string, ImageManifest>()
  const warnings: string[] = []
  // The two tags, the referrers and the side files are independent writes, so they all go out together.
  const [sigItem] = await Promise.all([
    tagLayout(s, sig, c, placed, reread),
    referrers(s, opts, c, placed),
    sideFiles(s, opts, c, placed, warnings)
  ])
  const items = s.entries.map((e): ProducedItem => ({
    kind: e.statement.kind,
    predicateType: e.statement.predicateType,
    rekorLogIndex: e.signed.tlogEntry.logIndex,
    ...placed.get(e)
  }))
  return { items: [...(sigItem ? [sigItem] : []), ...items], warnings, reread }
}

/** `.sig` (the simple-signing signature) and `.att` (the entries that carry an attestation layer). */
async function tagLayout(
  s: SignedSubject,
  sig: CosignLayer | undefined,
  c: SubjectCollaborators,
  placed: Placed,
  reread: Map<string, ImageManifest>
): Promise<ProducedItem | undefined> {
  const { repository: repo, digest } = s.subject
  const converge = c.log ? { log: c.log } : {}
  const remember = (result: AppendResult): AppendResult => (reread.set(result.tag, result.manifest), result)
  const inAtt = s.entries.filter(e => e.attLayer)
  const [sigResult, attResult] = await Promise.all([
    sig && s.signedPayload
      ? appendToCosignTag(c.registry, c.locks, repo, digest, 'sig', [sig], converge).then(remember)
      : undefined,
    inAtt.length
      ? appendToCosignTag(
          c.registry,
          c.locks,
          repo,
          digest,
          'att',
          inAtt.map(e => e.attLayer!),
          converge
        ).then(remember)
      : undefined
  ])
  inAtt.forEach((e, i) => {
    placed.get(e)!.legacy = { tag: attResult!.tag, layerDigest: attResult!.layerDigests[i]! }
  })
  if (!sigResult || !s.signedPayload) return undefined
  return {
    kind: 'signature-legacy',
    rekorLogIndex: s.signedPayload.tlogEntry.logIndex,
    legacy: {
      tag: sigResult.tag,
      layerDigest: sigResult.layerDigests[0]!,
      signature: s.signedPayload.signature.toString('base64')
    }
  }
}

/** Every bundle as a referrer, and the plain SBOM next to its attestation when asked for. */
async function referrers(s: SignedSubject, opts: SubjectOptions, c: SubjectCollaborators, placed: Placed) {
  const { repository: repo, descriptor } = s.subject
  const bundles = opts.formats.includes('referrers')
  const plainSbom = opts.sbomReferrer && opts.sbom ? opts.sbom : undefined
  if (!bundles && !plainSbom) return
  // Every referrer joins the same fallback-index write, so they are all pushed in one go; their layers go
  // up while the shared empty config does.
  const emptyConfig = uploadEmptyConfig(c.registry, repo)
  await Promise.all([
    ...(bundles ? s.entries : []).map(async e => {
      const pushed = await pushBundleReferrer(
        c.registry,
        repo,
        descriptor,
        e.signed.bundleJson,
        e.statement.predicateType,
        // A plain file name per kind, so `oras pull` of any referrer writes e.g. sbom-cyclonedx.sigstore.json.
        { emptyConfig, title: `${e.statement.kind}.sigstore.json` }
      )
      placed.get(e)!.referrer = pushed.manifestDigest
    }),
    plainSbom &&
      pushSbomReferrer(c.registry, repo, descriptor, plainSbom, { emptyConfig }).then(pushed => {
        const entry = s.entries.find(e => e.statement.kind === `sbom-${plainSbom.kind}`)
        if (entry) placed.get(entry)!.sbomReferrer = pushed.manifestDigest
      })
  ])
}

/** Bundle files (bundle-paths) and GitHub's attestation store; a refused store is a warning, not a failure. */
async function sideFiles(
  s: SignedSubject,
  opts: SubjectOptions,
  c: SubjectCollaborators,
  placed: Placed,
  warnings: string[]
) {
  const { repository: repo, digest } = s.subject
  await Promise.all(
    s.entries.map(async e => {
      const [bundlePath, stored] = await Promise.all([
        writeBundleFile(opts.bundleDir, repo.toString(), digest, e.statement.kind, e.signed.bundleJson),
        c.githubStore?.store(e.signed.bundleJson)
      ])
      const item = placed.get(e)!
      item.bundlePath = bundlePath
      if (stored?.stored) item.githubAttestationUrl = stored.url
      else if (stored && !warnings.includes(stored.warning)) warnings.push(stored.warning)
    })
  )
}
