import { describe, expect, it } from '@jest/globals'
import { bindOpenVex } from '../../../src/attest/openvex-bind.js'
import type { VexTarget } from '../../../src/attest/openvex-bind.js'
import { OpenVexError } from '../../../src/attest/openvex.js'
import type { OpenVexDocument } from '../../../src/attest/openvex.js'

const HEX = '1'.repeat(64)
const INDEX_HEX = '9'.repeat(64)
/** The purl vexctl and Trivy write for ghcr.io/nvidia/gpu-operator@sha256:111…. */
const PURL = `pkg:oci/gpu-operator@sha256%3A${HEX}?repository_url=ghcr.io%2Fnvidia%2Fgpu-operator`
const target: VexTarget = {
  ref: `ghcr.io/nvidia/gpu-operator@sha256:${HEX}`,
  purl: PURL,
  repository: 'ghcr.io/nvidia/gpu-operator',
  digest: `sha256:${HEX}`,
  index: `sha256:${INDEX_HEX}`
}
const NOW = new Date('2026-12-03T17:00:00.000Z')
const CVE = { vulnerability: { name: 'CVE-2024-1234' }, status: 'fixed' }

const doc = (...products: Array<Array<Record<string, unknown>> | undefined>): OpenVexDocument => ({
  file: 'vex/gpu-operator.json',
  document: {
    '@context': 'https://openvex.dev/ns/v0.2.0',
    '@id': 'https://example.com/vex/1',
    author: 'NVIDIA',
    timestamp: '2026-11-30T10:00:00Z',
    version: 3,
    statements: products.map(p => (p === undefined ? { ...CVE } : { ...CVE, products: p }))
  }
})
const productsOf = (predicate: Record<string, unknown>): unknown[] =>
  (predicate.statements as Array<{ products: unknown }>).map(s => s.products)

function refusal(d: OpenVexDocument, t = target): OpenVexError {
  try {
    bindOpenVex(d, t, NOW)
  } catch (err) {
    if (err instanceof OpenVexError) return err
    throw err
  }
  throw new Error('not refused')
}

describe('bindOpenVex', () => {
  it('keeps a document that already names the image by digest byte for byte', () => {
    const d = doc([{ '@id': PURL }], [{ '@id': `pkg:oci/gpu-operator@sha256%3A${HEX}` }])
    const bound = bindOpenVex(d, target, NOW)
    expect(bound.changed).toBe(false)
    expect(bound.predicate).toBe(d.document)
  })

  it('gives statements without products the image, and the changed document a new @id, version and last_updated', () => {
    const bound = bindOpenVex(doc(undefined, []), target, NOW)
    expect(bound.changed).toBe(true)
    expect(productsOf(bound.predicate)).toEqual([[{ '@id': PURL }], [{ '@id': PURL }]])
    expect(bound.predicate).toMatchObject({
      '@context': 'https://openvex.dev/ns/v0.2.0',
      author: 'NVIDIA',
      timestamp: '2026-11-30T10:00:00Z',
      version: 4,
      last_updated: '2026-12-03T17:00:00.000Z'
    })
    expect(bound.predicate['@id']).toMatch(/^https:\/\/openvex\.dev\/docs\/public\/vex-[0-9a-f]{64}$/)
    for (const s of bound.predicate.statements as Array<Record<string, unknown>>)
      expect(s.last_updated).toBe('2026-12-03T17:00:00.000Z')
  })

  it('derives the new @id from the input and the image, not the time', () => {
    const a = bindOpenVex(doc(undefined), target, NOW).predicate['@id']
    const b = bindOpenVex(doc(undefined), target, new Date('2027-01-01T00:00:00Z')).predicate['@id']
    const other = bindOpenVex(
      doc(undefined),
      { ...target, digest: `sha256:${'2'.repeat(64)}`, purl: PURL.replace(HEX, '2'.repeat(64)) },
      NOW
    ).predicate['@id']
    expect(a).toBe(b)
    expect(other).not.toBe(a)
  })

  it('pins a product naming the image by tag (no version, a tag qualifier, or a tag as version), keeping its subcomponents', () => {
    const sub = [{ '@id': 'pkg:golang/golang.org/x/net@v0.30.0' }]
    const bound = bindOpenVex(
      doc(
        [
          {
            '@id': 'pkg:oci/gpu-operator?repository_url=ghcr.io/nvidia/gpu-operator&tag=v25.3.0',
            subcomponents: sub
          }
        ],
        [{ '@id': 'pkg:oci/gpu-operator@v25.3.0' }],
        [{ identifiers: { purl: 'pkg:oci/gpu-operator' } }]
      ),
      target,
      NOW
    )
    expect(productsOf(bound.predicate)).toEqual([
      [{ '@id': PURL, subcomponents: sub }],
      [{ '@id': PURL }],
      [{ '@id': PURL, identifiers: { purl: PURL } }]
    ])
    expect(bound.predicate.version).toBe(4)
  })

  it('matches Docker Hub names and percent-encoding however they are written', () => {
    const hub: VexTarget = {
      ...target,
      repository: 'docker.io/library/nginx',
      ref: `docker.io/library/nginx@sha256:${HEX}`,
      purl: `pkg:oci/nginx@sha256%3A${HEX}?repository_url=docker.io%2Flibrary%2Fnginx`
    }
    const d = doc([{ '@id': `pkg:oci/nginx@sha256:${HEX}?repository_url=index.docker.io/library/nginx` }])
    expect(bindOpenVex(d, hub, NOW).changed).toBe(false)
  })

  it("on a platform image keeps a product naming its index and adds the image's own purl", () => {
    const index = `pkg:oci/gpu-operator@sha256%3A${INDEX_HEX}?repository_url=ghcr.io%2Fnvidia%2Fgpu-operator`
    const bound = bindOpenVex(doc([{ '@id': index }]), target, NOW)
    expect(productsOf(bound.predicate)).toEqual([[{ '@id': index }, { '@id': PURL }]])
    expect(bound.changed).toBe(true)
  })

  it('accepts a product identified only by the sha-256 of the image', () => {
    expect(bindOpenVex(doc([{ hashes: { 'sha-256': HEX } }]), target, NOW).changed).toBe(false)
  })

  // [what, products of statement 1 (statement 0 is fine), the JSON path named, the message]
  const refused: Array<[string, Array<Record<string, unknown>>, string, RegExp]> = [
    [
      'another image by name',
      [{ '@id': `pkg:oci/dcgm-exporter@sha256%3A${HEX}` }],
      '$.statements[1].products[0]["@id"]',
      /pkg:oci\/dcgm-exporter@sha256%3A1{64} names image "dcgm-exporter", not "gpu-operator"/
    ],
    [
      'the same name in another repository',
      [{ '@id': 'pkg:oci/gpu-operator?repository_url=nvcr.io%2Fnvidia%2Fgpu-operator' }],
      '$.statements[1].products[0]["@id"]',
      /is in repository nvcr\.io\/nvidia\/gpu-operator, not ghcr\.io\/nvidia\/gpu-operator/
    ],
    [
      'another digest of the image',
      [{ '@id': `pkg:oci/gpu-operator@sha256%3A${'2'.repeat(64)}` }],
      '$.statements[1].products[0]["@id"]',
      /is digest sha256:2{64}, another image than sha256:1{64}/
    ],
    [
      'a package, not an image',
      [{ '@id': 'pkg:golang/golang.org/x/net@v0.30.0' }],
      '$.statements[1].products[0]["@id"]',
      /is a golang package, not an OCI image \(packages of the image go under the product's subcomponents\)/
    ],
    [
      'another image in identifiers.purl (the @id being right)',
      [{ '@id': PURL, identifiers: { purl: 'pkg:oci/other' } }],
      '$.statements[1].products[0].identifiers.purl',
      /pkg:oci\/other names image "other"/
    ],
    [
      'another artifact by hash',
      [{ hashes: { 'sha-256': 'f'.repeat(64) } }],
      '$.statements[1].products[0].hashes["sha-256"]',
      /^vex\/gpu-operator\.json: \S+: f{64} is the sha-256 of another artifact than sha256:1{64};/
    ],
    [
      'a product that identifies nothing as an image',
      [{ '@id': 'https://example.com/products/gpu-operator' }],
      '$.statements[1].products[0]["@id"]',
      /identifies no image \(neither a pkg:oci purl nor a sha-256 hash\)/
    ],
    [
      'a product that is not a purl at all',
      [{ '@id': 'pkg:' }],
      '$.statements[1].products[0]["@id"]',
      /is not a package URL this tool can read/
    ]
  ]
  it.each(refused)(
    'refuses %s, naming the file, the JSON path and the image',
    (_what, products, path, message) => {
      const err = refusal(doc([{ '@id': PURL }], products))
      expect(err.code).toBe('VEX_OTHER_PRODUCT')
      expect(err.file).toBe('vex/gpu-operator.json')
      expect(err.path).toBe(path)
      expect(err.subject).toBe(target.ref)
      expect(err.message.startsWith(`vex/gpu-operator.json: ${path}: `)).toBe(true)
      expect(err.message).toMatch(message)
      expect(err.message).toContain(
        `this document is attested on ${target.ref} (${PURL}): its products must name that image (or leave products out and oci-attest names it)`
      )
    }
  )

  it('refuses a product naming the index when the subject is not one of its images', () => {
    const index = `pkg:oci/gpu-operator@sha256%3A${INDEX_HEX}`
    const { index: _dropped, ...alone } = target
    expect(refusal(doc([{ '@id': index }]), alone).message).toMatch(/is digest sha256:9{64}, another image/)
  })
})
