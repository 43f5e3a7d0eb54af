import { describe, expect, it } from '@jest/globals'
import { bindVex } from '../../../../src/pipeline/run/vex-step.js'
import { InputError } from '../../../../src/pipeline/run/inputs.js'
import { planStatements } from '../../../../src/pipeline/statements.js'
import type { GitHubClaims } from '../../../../src/github/claims.js'
import type { Subject } from '../../../../src/subject/index.js'
import { subjectAt } from '../../support/subject.js'

const INDEX = `sha256:${'9'.repeat(64)}`
const AMD64 = `sha256:${'1'.repeat(64)}`
const index = subjectAt('ghcr.io/nvidia/gpu-operator', INDEX, 'index')
const amd64: Subject = {
  ...subjectAt('ghcr.io/nvidia/gpu-operator', AMD64),
  platform: 'linux/amd64',
  index: index.digest
}
const document = (products?: unknown[]) => ({
  '@context': 'https://openvex.dev/ns/v0.2.0',
  '@id': 'https://example.com/vex/1',
  author: 'NVIDIA',
  timestamp: '2026-11-30T10:00:00Z',
  version: 1,
  statements: [
    { vulnerability: { name: 'CVE-2024-1234' }, status: 'fixed', ...(products ? { products } : {}) }
  ]
})
const lines: string[] = []
const warnings: string[] = []
const ui = {
  info: (line: string) => void lines.push(line),
  warning: (line: string) => void warnings.push(line)
}

describe('the vex step', () => {
  it('binds each document to each planned subject with that subject’s own purl', () => {
    const bound = bindVex(
      { vex: [{ file: 'a.json', document: document() }] },
      { subjects: [index, amd64] },
      ui
    )
    const products = (ref: string) =>
      (bound.get(ref)![0]!.predicate.statements as Array<{ products: unknown }>)[0]!.products
    expect(products(index.ref)).toEqual([
      {
        '@id': `pkg:oci/gpu-operator@sha256%3A${'9'.repeat(64)}?repository_url=ghcr.io%2Fnvidia%2Fgpu-operator`
      }
    ])
    expect(products(amd64.ref)).toEqual([
      {
        '@id': `pkg:oci/gpu-operator@sha256%3A${'1'.repeat(64)}?repository_url=ghcr.io%2Fnvidia%2Fgpu-operator`
      }
    ])
    expect(lines).toContain(`OpenVEX a.json → ${amd64.ref} (products bound to the image: version 2, new @id)`)
  })

  it('leaves a chart out: a document naming the image binds in a run that also attests a chart', () => {
    const chart = subjectAt('ghcr.io/nvidia/charts/gpu-operator', `sha256:${'c'.repeat(64)}`, 'chart')
    const named = document([
      { '@id': 'pkg:oci/gpu-operator?repository_url=ghcr.io%2Fnvidia%2Fgpu-operator&tag=v1' }
    ])
    const bound = bindVex({ vex: [{ file: 'a.json', document: named }] }, { subjects: [amd64, chart] }, ui)
    expect([...bound.keys()]).toEqual([amd64.ref])
    expect(lines).toContain(`OpenVEX: not attested on ${chart.ref} (a chart; VEX documents are about images)`)
    expect(warnings).toEqual([])
    bindVex({ vex: [{ file: 'a.json', document: named }] }, { subjects: [chart] }, ui)
    expect(warnings).toEqual([
      'input "vex": no container image among the subjects, so no OpenVEX document is attested'
    ])
  })

  it('turns a document about another image into an error of the vex input', () => {
    const other = document([{ '@id': `pkg:oci/dcgm-exporter@sha256%3A${'1'.repeat(64)}` }])
    let err: unknown
    try {
      bindVex({ vex: [{ file: 'dcgm.json', document: other }] }, { subjects: [amd64] }, ui)
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(InputError)
    expect((err as InputError).input).toBe('vex')
    expect((err as InputError).message).toMatch(
      /^input "vex": dcgm\.json: \$\.statements\[0\]\.products\[0\]\["@id"\]: pkg:oci\/dcgm-exporter@sha256%3A1{64} names image "dcgm-exporter", not "gpu-operator"/
    )
  })

  it('plans one openvex statement per document, typed https://openvex.dev/ns, about the subject', () => {
    const bound = bindVex(
      {
        vex: [
          { file: 'a.json', document: document() },
          { file: 'b.json', document: { ...document(), '@id': 'https://example.com/vex/2' } }
        ]
      },
      { subjects: [amd64] },
      ui
    )
    const planned = planStatements({
      subject: amd64,
      claims: {} as GitHubClaims,
      serverUrl: 'https://github.com',
      provenance: [],
      bundleSignature: false,
      vex: bound.get(amd64.ref)!
    })
    expect(planned.map(p => [p.kind, p.predicateType, p.inAttTag])).toEqual([
      ['openvex', 'https://openvex.dev/ns', true],
      ['openvex-2', 'https://openvex.dev/ns', true]
    ])
    const statement = JSON.parse(planned[0]!.bytes.toString()) as {
      subject: Array<{ name: string; digest: { sha256: string } }>
      predicate: Record<string, unknown>
    }
    expect(statement.subject).toEqual([
      { name: 'ghcr.io/nvidia/gpu-operator', digest: { sha256: '1'.repeat(64) } }
    ])
    expect(statement.predicate['@context']).toBe('https://openvex.dev/ns/v0.2.0')
  })
})
