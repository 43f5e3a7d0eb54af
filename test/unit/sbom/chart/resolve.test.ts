import { describe, expect, test } from '@jest/globals'
import { parseReference } from '../../../../src/oci/index.js'
import { resolveDigests } from '../../../../src/sbom/chart/resolve.js'

const D = `sha256:${'ef'.repeat(32)}`
const found = (ref: string) => ({ ref: parseReference(ref), sightings: [] })

describe('digests of a chart images', () => {
  test('a registry that never answers gives up after the deadline; others still resolve, pinned ones are kept', async () => {
    const started = Date.now()
    const images = await resolveDigests(
      [found('quay.io/org/a:1'), found('blackhole.example.com/org/b:2'), found(`quay.io/org/c@${D}`)],
      {
        resolveDigest: ref =>
          ref.registry === 'quay.io' ? Promise.resolve(D) : new Promise<string>(() => undefined)
      },
      200
    )
    expect(Date.now() - started).toBeLessThan(2000)
    expect(images.map(i => [i.ref.toString(), i.digest, i.digestFrom, i.unresolved])).toEqual([
      ['quay.io/org/a:1', D, 'registry', undefined],
      ['blackhole.example.com/org/b:2', undefined, undefined, 'no answer within 0.2 s'],
      [`quay.io/org/c@${D}`, D, 'chart', undefined]
    ])
  })
})
