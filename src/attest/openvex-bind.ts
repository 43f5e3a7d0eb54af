// One OpenVEX document bound to the image it is attested on: every statement's products must identify that image.
import { createHash } from 'node:crypto'
import { OpenVexError } from './openvex.js'
import type { OpenVexDocument } from './openvex.js'
import { jsonPath } from './openvex-schema.js'

/** The image a document is attested on, as binding needs it. */
export interface VexTarget {
  /** `registry/repository@sha256:…`, for messages. */
  ref: string
  /** Its `pkg:oci/<name>@sha256:…?repository_url=<registry/repository>` purl (vexctl's and Trivy's form). */
  purl: string
  /** `registry/repository`. */
  repository: string
  digest: string
  /** The index a platform image was found in: a product naming the index also covers its images. */
  index?: string
}

export interface BoundOpenVex {
  file: string
  predicate: Record<string, unknown>
  /** Whether binding changed the document (then `@id`, `version` and `last_updated` are new). */
  changed: boolean
}

/** Where generated document IRIs live, as go-vex names documents it writes. */
const PUBLIC_NAMESPACE = 'https://openvex.dev/docs/public'

interface Purl {
  type: string
  name: string
  version: string
  qualifiers: Record<string, string>
}

function parsePurl(text: string): Purl | undefined {
  const m = /^pkg:\/*([A-Za-z.+-][A-Za-z0-9.+-]*)\/([^?#]+)(?:\?([^#]*))?(?:#.*)?$/.exec(text)
  if (!m) return undefined
  try {
    const path = m[2]!.replace(/\/+$/, '').split('/')
    const last = path[path.length - 1]!
    const at = last.indexOf('@')
    const qualifiers: Record<string, string> = {}
    for (const pair of (m[3] ?? '').split('&').filter(Boolean)) {
      const eq = pair.indexOf('=')
      if (eq > 0) qualifiers[pair.slice(0, eq).toLowerCase()] = decodeURIComponent(pair.slice(eq + 1))
    }
    return {
      type: m[1]!.toLowerCase(),
      name: decodeURIComponent(at < 0 ? last : last.slice(0, at)),
      version: at < 0 ? '' : decodeURIComponent(last.slice(at + 1)),
      qualifiers
    }
  } catch {
    return undefined
  }
}

/** Docker Hub answers to several names; purls written by different tools use different ones. */
const canonicalRepository = (r: string): string =>
  r
    .toLowerCase()
    .replace(/\/+$/, '')
    .replace(/^(index\.docker\.io|registry-1\.docker\.io)\//, 'docker.io/')

/** How one identifier relates to the target: it, its index, it by tag (no digest), or another thing. */
type Match = { is: 'this' | 'index' | 'tag' } | { is: 'other'; why: string }

function matchPurl(text: string, t: VexTarget): Match {
  const p = parsePurl(text)
  if (!p) return { is: 'other', why: 'is not a package URL this tool can read' }
  if (p.type !== 'oci')
    return {
      is: 'other',
      why: `is a ${p.type} package, not an OCI image (packages of the image go under the product's subcomponents)`
    }
  const name = t.repository.split('/').pop()!.toLowerCase()
  if (p.name.toLowerCase() !== name) return { is: 'other', why: `names image "${p.name}", not "${name}"` }
  const repo = p.qualifiers.repository_url
  if (repo !== undefined && canonicalRepository(repo) !== canonicalRepository(t.repository))
    return { is: 'other', why: `is in repository ${repo}, not ${t.repository}` }
  if (p.version === t.digest) return { is: 'this' }
  if (t.index !== undefined && p.version === t.index) return { is: 'index' }
  if (/^sha(256|384|512):/.test(p.version))
    return { is: 'other', why: `is digest ${p.version}, another image than ${t.digest}` }
  // No version (perhaps a tag qualifier) or a tag written as the version: the image by tag, pinned now.
  return { is: 'tag' }
}

function matchHash(hex: string, t: VexTarget): Match {
  if (`sha256:${hex}` === t.digest) return { is: 'this' }
  if (t.index !== undefined && `sha256:${hex}` === t.index) return { is: 'index' }
  return { is: 'other', why: `is the sha-256 of another artifact than ${t.digest}` }
}

/** Every identifier of one product, with its JSON path; a product with none that names an image is another product. */
function matchProduct(
  product: Record<string, unknown>,
  at: string,
  t: VexTarget
): Array<[string, string, Match]> {
  const found: Array<[string, string, Match]> = []
  const id = product['@id']
  if (typeof id === 'string' && id.startsWith('pkg:')) found.push([jsonPath(at, '@id'), id, matchPurl(id, t)])
  const identifiers = product.identifiers as Record<string, string> | undefined
  if (identifiers?.purl !== undefined)
    found.push([
      jsonPath(jsonPath(at, 'identifiers'), 'purl'),
      identifiers.purl,
      matchPurl(identifiers.purl, t)
    ])
  const hashes = product.hashes as Record<string, string> | undefined
  if (hashes?.['sha-256'] !== undefined)
    found.push([
      jsonPath(jsonPath(at, 'hashes'), 'sha-256'),
      hashes['sha-256'],
      matchHash(hashes['sha-256'], t)
    ])
  if (found.length === 0)
    found.push([
      typeof id === 'string' ? jsonPath(at, '@id') : at,
      typeof id === 'string' ? id : JSON.stringify(product),
      { is: 'other', why: 'identifies no image (neither a pkg:oci purl nor a sha-256 hash)' }
    ])
  return found
}

/**
 * The document as attested on `t`: statements without products get the image's purl, products naming the image
 * by tag are pinned to its digest, and a product naming anything else refuses the document. A changed document
 * gets a new `@id`, `version` + 1 and `last_updated` (the spec: a version per content change).
 */
export function bindOpenVex(doc: OpenVexDocument, t: VexTarget, now: Date): BoundOpenVex {
  const given = doc.document
  const stamp = now.toISOString()
  const rebound = (given.statements as Record<string, unknown>[]).map((s, i) => {
    const at = jsonPath(jsonPath('$', 'statements'), i)
    const products = (s.products as Record<string, unknown>[] | undefined) ?? []
    const out: Record<string, unknown>[] = []
    let pinned = false
    let coversThis = false
    products.forEach((product, j) => {
      const pat = jsonPath(jsonPath(at, 'products'), j)
      const matches = matchProduct(product, pat, t)
      for (const [path, value, m] of matches)
        if (m.is === 'other')
          throw new OpenVexError(
            'VEX_OTHER_PRODUCT',
            doc.file,
            path,
            `${value} ${m.why}; this document is attested on ${t.ref} (${t.purl}): its products must name that image ` +
              '(or leave products out and oci-attest names it)',
            { subject: t.ref }
          )
      if (matches.some(([, , m]) => m.is === 'tag')) {
        pinned = true
        coversThis = true
        const identifiers = product.identifiers as Record<string, unknown> | undefined
        out.push({
          ...product,
          '@id': t.purl,
          ...(identifiers?.purl !== undefined ? { identifiers: { ...identifiers, purl: t.purl } } : {})
        })
      } else {
        if (matches.some(([, , m]) => m.is === 'this')) coversThis = true
        out.push(product)
      }
    })
    // Products naming only the index cover its images; the image itself is named too so its own purl matches.
    if (!coversThis) out.push({ '@id': t.purl })
    if (!pinned && coversThis) return { statement: s, changed: false }
    const unique = [...new Map(out.map(p => [JSON.stringify(p), p])).values()]
    return { statement: { ...s, products: unique }, changed: true }
  })
  if (!rebound.some(r => r.changed)) return { file: doc.file, predicate: given, changed: false }
  const version = (given.version as number) + 1
  // Derived from what was given and what it became (not the time), so a rerun on the same image gets the same IRI.
  const hash = createHash('sha256')
    .update(JSON.stringify({ from: given['@id'], version, statements: rebound.map(r => r.statement) }))
    .digest('hex')
  const statements = rebound.map(r => (r.changed ? { ...r.statement, last_updated: stamp } : r.statement))
  return {
    file: doc.file,
    predicate: {
      ...given,
      '@id': `${PUBLIC_NAMESPACE}/vex-${hash}`,
      version,
      last_updated: stamp,
      statements
    },
    changed: true
  }
}
