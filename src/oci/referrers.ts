import { repositoryScope } from './auth/authenticator.js'
import { RegistryError } from './errors.js'
import type { Descriptor, ImageIndex } from './manifest.js'
import { getManifest, putManifest } from './manifests.js'
import { EMPTY_JSON_DESCRIPTOR, OCI_INDEX } from './media-types.js'
import { digestTag } from './name.js'
import type { ImageReference } from './reference.js'
import type { TagSpec, TagState } from './tag-writer.js'
import { registryFailure, type RegistryTransport } from './transport.js'

const MAX_PAGES = 100

function isIndexContentType(value: string | null): boolean {
  // Exactly the index media type; parameters such as charset are tolerated, other types are not.
  return value?.split(';')[0]?.trim() === OCI_INDEX
}

/** `<...>; rel="next"` from a Link header, resolved against the request URL. */
export function nextLink(link: string | null, base: string): URL | undefined {
  if (!link) return undefined
  for (const part of link.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>(.*)$/.exec(part)
    if (match && /;\s*rel="?next"?/i.test(match[2]!)) return new URL(match[1]!, base)
  }
  return undefined
}

/**
 * Whether the repository serves the referrers API: 200 with the index content type. A 404, or a 200 with
 * another type (registries that only echo OCI-Subject), means no. `definitive` is false when the answer was
 * "no such repository", which some referrers-capable registries give before the first push.
 */
export async function probeReferrersApi(
  t: RegistryTransport,
  ref: ImageReference
): Promise<{ supported: boolean; definitive: boolean }> {
  const digest = ref.digest ?? EMPTY_JSON_DESCRIPTOR.digest
  const res = await t.request(ref.registry, `/v2/${ref.repository}/referrers/${digest}`, {
    headers: { accept: OCI_INDEX },
    scopes: [repositoryScope(ref.repository, 'pull')]
  })
  if (res.status >= 500 || res.status === 401 || res.status === 429)
    return registryFailure(res, `probing the referrers API of ${ref.repoString()}`, { operation: 'probe' })
  const supported = res.status === 200 && isIndexContentType(res.headers.get('content-type'))
  let definitive = true
  if (res.status === 404 && /json/.test(res.headers.get('content-type') ?? '')) {
    const body = await res.text().catch(() => '')
    definitive = !body.includes('NAME_UNKNOWN')
  } else {
    res.discard()
  }
  return { supported, definitive }
}

function matching(descriptors: Descriptor[], artifactType?: string): Descriptor[] {
  return artifactType ? descriptors.filter(d => d.artifactType === artifactType) : descriptors
}

export async function listReferrersViaApi(
  t: RegistryTransport,
  ref: ImageReference,
  subject: string,
  artifactType?: string
) {
  const found: Descriptor[] = []
  let url: URL | undefined = new URL(`/v2/${ref.repository}/referrers/${subject}`, t.baseUrl(ref.registry))
  if (artifactType) url.searchParams.set('artifactType', artifactType)
  for (let page = 0; url && page < MAX_PAGES; page++) {
    const res = await t.request(ref.registry, url, {
      headers: { accept: OCI_INDEX },
      scopes: [repositoryScope(ref.repository, 'pull')]
    })
    if (res.status !== 200)
      return registryFailure(res, `listing referrers of ${ref.repoString()}@${subject}`, {
        operation: 'list'
      })
    const index = await res.json<ImageIndex>()
    found.push(...(index.manifests ?? []))
    url = nextLink(res.headers.get('link'), url.toString())
  }
  return matching(found, artifactType) // registries may ignore the filter (no OCI-Filters-Applied)
}

async function readFallbackIndex(t: RegistryTransport, ref: ImageReference, subject: string) {
  const tagRef = ref.withTag(digestTag(subject))
  try {
    const fetched = await getManifest(t, tagRef, [OCI_INDEX])
    if (!Array.isArray((fetched.json as ImageIndex).manifests))
      throw new RegistryError(
        'MANIFEST_INVALID',
        `${tagRef} should hold the referrers fallback index but holds ${fetched.mediaType}; delete that tag`
      )
    return {
      index: fetched.json as ImageIndex,
      digest: fetched.digest,
      ...(fetched.etag ? { etag: fetched.etag } : {})
    }
  } catch (err) {
    if (err instanceof RegistryError && err.code === 'REGISTRY_NOT_FOUND') return undefined
    throw err
  }
}

export async function listReferrersViaTag(
  t: RegistryTransport,
  ref: ImageReference,
  subject: string,
  artifactType?: string
) {
  const found = await readFallbackIndex(t, ref, subject)
  return matching(found?.index.manifests ?? [], artifactType)
}

/**
 * The `sha256-<hex>` fallback index as a tag of descriptors (one per referrer manifest) for convergeTag:
 * created on first write, updated with If-Match where the registry gave an ETag.
 */
export function fallbackIndexSpec(
  t: RegistryTransport,
  ref: ImageReference,
  subject: string
): TagSpec<Descriptor, TagState<Descriptor> & { index: ImageIndex }> {
  const tagRef = ref.withTag(digestTag(subject))
  return {
    tag: tagRef.toString(),
    key: d => d.digest,
    read: async () => {
      const found = await readFallbackIndex(t, ref, subject)
      return found && { ...found, entries: found.index.manifests }
    },
    write: async (current, entries) => {
      const index: ImageIndex = {
        ...(current?.index ?? { schemaVersion: 2, mediaType: OCI_INDEX }),
        manifests: entries
      }
      const bytes = Buffer.from(JSON.stringify(index))
      const etag = current?.etag
      // Not retried here: convergeTag re-reads and re-merges, so a late write cannot drop a newer entry.
      const opts = { retry: false, ...(etag ? { ifMatch: etag } : {}) }
      return (await putManifest(t, tagRef, bytes, OCI_INDEX, opts)).digest
    }
  }
}
