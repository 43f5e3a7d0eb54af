import { beforeAll, describe, expect, it } from '@jest/globals'
import { pushSampleImage, readBedState } from '../../bed/state.js'
import { headManifest, OCI_INDEX, pushReferrer, type Subject } from './raw-registry.js'

const state = readBedState()
const SIG = 'application/vnd.dev.sigstore.bundle.v0.3+json'
const SBOM = 'application/vnd.cyclonedx+json'

describe('referrers API', () => {
  describe('"referrers" registry (OCI 1.1)', () => {
    const host = state.registries.referrers.host
    let subject: Subject
    const referrers: Record<string, string> = {}
    beforeAll(async () => {
      const digest = await pushSampleImage(state, 'referrers', 'api/app', 'v1')
      subject = await headManifest(host, 'api/app', digest)
      for (const type of [SIG, SBOM]) {
        const { digest: d, res } = await pushReferrer(host, 'api/app', subject, type)
        expect(res.status).toBe(201)
        expect(res.headers.get('oci-subject')).toBe(subject.digest)
        referrers[type] = d
      }
    })

    it('lists every referrer with its artifactType in an OCI index', async () => {
      const res = await fetch(`http://${host}/v2/api/app/referrers/${subject.digest}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe(OCI_INDEX)
      const index = (await res.json()) as {
        mediaType: string
        manifests: Array<{ digest: string; artifactType: string }>
      }
      expect(index.mediaType).toBe(OCI_INDEX)
      expect(index.manifests.map(m => [m.artifactType, m.digest]).sort()).toEqual(
        Object.entries(referrers).sort()
      )
    })

    it('filters by artifactType and says so', async () => {
      const res = await fetch(
        `http://${host}/v2/api/app/referrers/${subject.digest}?artifactType=${encodeURIComponent(SBOM)}`
      )
      expect(res.headers.get('oci-filters-applied')).toBe('artifactType')
      const index = (await res.json()) as { manifests: Array<{ digest: string }> }
      expect(index.manifests.map(m => m.digest)).toEqual([referrers[SBOM]])
    })

    it('answers an empty array, not null, for a subject without referrers', async () => {
      const other = await pushSampleImage(state, 'referrers', 'api/app', 'lonely')
      const res = await fetch(`http://${host}/v2/api/app/referrers/${other}`)
      expect(res.status).toBe(200)
      expect(((await res.json()) as { manifests: unknown }).manifests).toEqual([])
    })
  })

  it('"distribution" (2.8, like GHCR) has no referrers API: 404, and no OCI-Subject on push', async () => {
    const host = state.registries.distribution.host
    const digest = await pushSampleImage(state, 'distribution', 'api/app', 'v1')
    const subject = await headManifest(host, 'api/app', digest)
    const { res: put } = await pushReferrer(host, 'api/app', subject, SIG)
    expect(put.status).toBe(201)
    expect(put.headers.get('oci-subject')).toBeNull()
    const res = await fetch(`http://${host}/v2/api/app/referrers/${digest}`)
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).not.toBe(OCI_INDEX)
  })
})
