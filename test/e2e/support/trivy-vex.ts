// Trivy's `--vex oci` discovery (v0.74), rewritten as a test-side lookup: Trivy itself needs a vulnerability DB
// this machine cannot download, so the suite follows its rule against the bed's registries instead. Read from
// aquasecurity/trivy v0.74.0: pkg/vex/oci/oci.go (Discover, vexCandidates, retrieveLegacyVEX,
// decodeOpenVEXAttestation, isOpenVEXPredicateType), pkg/oci/referrers.go and pkg/oci/artifact.go (artifact types,
// the annotation, single-layer Blob), pkg/attestation/attestation.go (DSSE unwrapping), and go-containerregistry
// v0.21.9 pkg/v1/remote/referrers.go (the referrers API with its `sha256-<hex>` tag fallback).

import { gunzipSync } from 'node:zlib'

const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
const BUNDLE = 'application/vnd.dev.sigstore.bundle.v0.3+json'
const DSSE = 'application/vnd.dsse.envelope.v1+json'
const IN_TOTO = 'application/vnd.in-toto+json'
/** The artifact types Trivy lists referrers by: cosign v3 bundles, bare DSSE envelopes, Docker Scout's in-toto. */
export const TRIVY_VEX_ARTIFACT_TYPES = [BUNDLE, DSSE, IN_TOTO]
const PREDICATE_TYPE_ANNOTATION = 'in-toto.io/predicate-type'
const OPENVEX = 'https://openvex.dev/ns'
/** Trivy stops after this many candidates or `.att` layers (cosign's own cap). */
const MAX_ATTESTATIONS = 100

interface Descriptor {
  mediaType: string
  digest: string
  size: number
  artifactType?: string
  annotations?: Record<string, string>
}

export interface TrivyVexFound {
  /** Which of Trivy's two paths returned it. */
  path: 'referrers' | 'att-tag'
  /** For the referrers path: the registry's API answered, or the `sha256-<hex>` fallback index was read. */
  via?: 'api' | 'fallback-tag'
  /** The referrer manifest or `.att` layer it came from. */
  from: string
  predicate: Record<string, unknown>
}

/** The exact type URI, or a versioned namespace under it (`…/ns/v0.2.0`); not look-alikes such as `…/nsx`. */
export const isOpenVexType = (t: string | undefined): boolean =>
  t === OPENVEX || (t !== undefined && t.startsWith(`${OPENVEX}/`))

const base = (host: string, repo: string) => `http://${host}/v2/${repo}`

async function manifest(host: string, repo: string, ref: string, accept: string): Promise<Response> {
  return fetch(`${base(host, repo)}/manifests/${ref}`, { headers: { Accept: accept } })
}

/** go-containerregistry's Referrers: the API when it answers 200 with an OCI index, else the fallback tag. */
export async function listReferrers(
  host: string,
  repo: string,
  digest: string
): Promise<{ via: 'api' | 'fallback-tag'; manifests: Descriptor[] }> {
  const api = await fetch(`${base(host, repo)}/referrers/${digest}`, { headers: { Accept: OCI_INDEX } })
  if (![200, 400, 404, 406].includes(api.status)) throw new Error(`referrers API answered ${api.status}`)
  if (api.status === 200 && api.headers.get('content-type') === OCI_INDEX)
    return { via: 'api', manifests: ((await api.json()) as { manifests?: Descriptor[] }).manifests ?? [] }
  const fallback = await manifest(host, repo, digest.replace(':', '-'), OCI_INDEX)
  if (fallback.status === 404) return { via: 'fallback-tag', manifests: [] }
  if (!fallback.ok) throw new Error(`fallback tag answered ${fallback.status}`)
  return {
    via: 'fallback-tag',
    manifests: ((await fallback.json()) as { manifests?: Descriptor[] }).manifests ?? []
  }
}

/** Trivy's vexCandidates: referrers announced as OpenVEX, else the unannotated ones; other types never. */
export function vexCandidates(descs: Descriptor[]): Descriptor[] {
  const announced = descs.filter(d => isOpenVexType(d.annotations?.[PREDICATE_TYPE_ANNOTATION]))
  if (announced.length > 0) return announced
  return descs.filter(d => d.annotations?.[PREDICATE_TYPE_ANNOTATION] === undefined)
}

/** The in-toto statement of a DSSE envelope whose payload type is in-toto's (attestation.Statement). */
function unwrapDsse(envelope: { payloadType?: string; payload?: string }): {
  predicateType?: string
  predicate?: Record<string, unknown>
} {
  if (envelope.payloadType !== IN_TOTO) throw new Error(`payload type ${envelope.payloadType}`)
  return JSON.parse(Buffer.from(envelope.payload ?? '', 'base64').toString('utf8')) as {
    predicateType?: string
    predicate?: Record<string, unknown>
  }
}

/** decodeOpenVEXAttestation: a bundle by artifact type; otherwise a DSSE envelope or a bare statement by content. */
export function decodeOpenVex(bytes: Buffer, artifactType: string): Record<string, unknown> | undefined {
  const json = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>
  let statement: { predicateType?: string; predicate?: Record<string, unknown> }
  if (artifactType === BUNDLE)
    statement = unwrapDsse(json.dsseEnvelope as { payloadType?: string; payload?: string })
  else if (typeof json.payloadType === 'string' && json.payloadType !== '')
    statement = unwrapDsse(json as { payloadType?: string; payload?: string })
  else if (typeof json._type === 'string' && json._type !== '') statement = json
  else throw new Error('neither a DSSE envelope nor an in-toto statement')
  return isOpenVexType(statement.predicateType) ? statement.predicate : undefined
}

/** The one layer of an image manifest (Trivy's Artifact.Blob refuses anything else). */
async function singleLayer(host: string, repo: string, ref: string): Promise<Buffer> {
  const m = await manifest(host, repo, ref, OCI_MANIFEST)
  if (!m.ok) throw new Error(`manifest ${ref} answered ${m.status}`)
  const layers = ((await m.json()) as { layers?: Descriptor[] }).layers ?? []
  if (layers.length !== 1) throw new Error('OCI artifact must be a single layer')
  return blob(host, repo, layers[0]!.digest)
}

async function blob(host: string, repo: string, digest: string): Promise<Buffer> {
  const b = await fetch(`${base(host, repo)}/blobs/${digest}`)
  if (!b.ok) throw new Error(`blob ${digest} answered ${b.status}`)
  const bytes = Buffer.from(await b.arrayBuffer())
  // ggcr's Uncompressed peeks: gzip is unwrapped, anything else read as it is.
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes
}

/** Trivy's first path: the first candidate referrer that decodes to OpenVEX; undecodable ones are skipped. */
export async function referrerVex(
  host: string,
  repo: string,
  digest: string
): Promise<TrivyVexFound | undefined> {
  const { via, manifests } = await listReferrers(host, repo, digest)
  const typed = manifests.filter(
    d => d.artifactType !== undefined && TRIVY_VEX_ARTIFACT_TYPES.includes(d.artifactType)
  )
  for (const d of vexCandidates(typed).slice(0, MAX_ATTESTATIONS)) {
    let predicate: Record<string, unknown> | undefined
    try {
      predicate = decodeOpenVex(await singleLayer(host, repo, d.digest), d.artifactType!)
    } catch {
      continue
    }
    if (predicate) return { path: 'referrers', via, from: d.digest, predicate }
  }
  return undefined
}

/** Trivy's second path: the `sha256-<hex>.att` image, each layer a bare DSSE envelope; the first OpenVEX wins. */
export async function attTagVex(
  host: string,
  repo: string,
  digest: string
): Promise<TrivyVexFound | undefined> {
  const m = await manifest(host, repo, `${digest.replace(':', '-')}.att`, OCI_MANIFEST)
  if (m.status === 404) return undefined
  if (!m.ok) throw new Error(`.att tag answered ${m.status}`)
  const layers = ((await m.json()) as { layers?: Descriptor[] }).layers ?? []
  if (layers.length > MAX_ATTESTATIONS)
    throw new Error(`legacy attestation has too many layers: ${layers.length}`)
  for (const layer of layers) {
    let predicate: Record<string, unknown> | undefined
    try {
      predicate = decodeOpenVex(await blob(host, repo, layer.digest), DSSE)
    } catch {
      continue
    }
    if (predicate) return { path: 'att-tag', from: layer.digest, predicate }
  }
  return undefined
}

/** Discover: referrers first, the `.att` tag only when they yield no OpenVEX document. */
export async function trivyDiscoverVex(
  host: string,
  repo: string,
  digest: string
): Promise<TrivyVexFound | undefined> {
  return (await referrerVex(host, repo, digest)) ?? (await attTagVex(host, repo, digest))
}

/** Trivy's purl of a scanned image (pkg/purl parseOCI): name, digest, repository_url, and arch when it has one. */
export function trivyImagePurl(repository: string, digest: string, arch?: string): string {
  const q = `repository_url=${encodeURIComponent(repository)}${arch ? `&arch=${arch}` : ''}`
  return `pkg:oci/${repository.split('/').pop()!.toLowerCase()}@${encodeURIComponent(digest)}?${q}`
}

/** go-vex v0.2.7's PurlMatches, as Trivy applies a product: same type and name, versions agree when both are
 * given, and every qualifier of the product is on the image's purl with the same value. */
export function purlMatches(product: string, image: string): boolean {
  const parse = (p: string) => {
    const u = new URL(p)
    const at = u.pathname.lastIndexOf('@')
    return {
      path: decodeURIComponent(at < 0 ? u.pathname : u.pathname.slice(0, at)),
      version: at < 0 ? '' : decodeURIComponent(u.pathname.slice(at + 1)),
      q: u.searchParams
    }
  }
  const [a, b] = [parse(product), parse(image)]
  if (a.path !== b.path) return false
  if (a.version !== '' && a.version !== b.version) return false
  return [...a.q].every(([k, v]) => b.q.get(k) === v)
}
