// The plan from manifests as registries serve them: tags resolved once, indexes expanded, charts recognised.
import { describe, expect, it } from '@jest/globals'
import { computeDigest } from '../../../src/oci/digest.js'
import type { FetchedManifest } from '../../../src/oci/manifest.js'
import { parseReference } from '../../../src/oci/reference.js'
import type { ImageReference } from '../../../src/oci/reference.js'
import { RegistryError } from '../../../src/oci/errors.js'
import { planSubjects } from '../../../src/pipeline/plan.js'
import type { PlanRegistry } from '../../../src/pipeline/plan.js'
import { sbomEligible } from '../../../src/subject/index.js'

/** Manifests by `repo@digest` and `repo:tag`, answering as getManifest does. */
class Manifests implements PlanRegistry {
  readonly byRef = new Map<string, FetchedManifest>()
  reads = 0
  put(repo: string, json: object, mediaType: string, tag?: string): string {
    const bytes = Buffer.from(JSON.stringify(json))
    const m: FetchedManifest = { digest: computeDigest(bytes), mediaType, bytes, json, size: bytes.length }
    this.byRef.set(`${repo}@${m.digest}`, m)
    if (tag) this.byRef.set(`${repo}:${tag}`, m)
    return m.digest
  }
  async getManifest(ref: ImageReference | string): Promise<FetchedManifest> {
    this.reads++
    const r = typeof ref === 'string' ? parseReference(ref) : ref
    const key = r.digest ? `${r.repoString()}@${r.digest}` : `${r.repoString()}:${r.tag}`
    const found = this.byRef.get(key)
    if (!found)
      throw new RegistryError('REGISTRY_NOT_FOUND', `fetching manifest ${key}: registry answered 404`, {
        status: 404
      })
    return found
  }
}

const REPO = 'ghcr.io/nvidia/gpu-operator'
const image = (arch: string) => ({
  schemaVersion: 2,
  mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
  config: {
    mediaType: 'application/vnd.docker.container.image.v1+json',
    digest: computeDigest(Buffer.from(arch)),
    size: 2
  },
  layers: []
})

function registryWithIndex() {
  const reg = new Manifests()
  const amd = reg.put(REPO, image('amd64'), 'application/vnd.docker.distribution.manifest.v2+json')
  const arm = reg.put(REPO, image('arm64'), 'application/vnd.docker.distribution.manifest.v2+json')
  const att = computeDigest(Buffer.from('attestation'))
  const index = reg.put(
    REPO,
    {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: amd,
          size: 1,
          platform: { os: 'linux', architecture: 'amd64' }
        },
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: arm,
          size: 1,
          platform: { os: 'linux', architecture: 'arm64', variant: 'v8' }
        },
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: att,
          size: 1,
          platform: { os: 'unknown', architecture: 'unknown' }
        }
      ]
    },
    'application/vnd.oci.image.index.v1+json',
    'v1'
  )
  const chart = reg.put(
    'ghcr.io/nvidia/charts/gpu-operator',
    {
      schemaVersion: 2,
      config: {
        mediaType: 'application/vnd.cncf.helm.config.v1+json',
        digest: computeDigest(Buffer.from('c')),
        size: 1
      },
      layers: [
        {
          mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip',
          digest: computeDigest(Buffer.from('t')),
          size: 1
        }
      ]
    },
    'application/vnd.oci.image.manifest.v1+json',
    '1.0.0'
  )
  return { reg, amd, arm, att, index, chart }
}

describe('planSubjects', () => {
  it('resolves tags once, expands the index into platform images, skips unknown/unknown, recognises the chart', async () => {
    const { reg, amd, arm, index, chart, att } = registryWithIndex()
    const plan = await planSubjects(reg, [`${REPO}:v1`, 'ghcr.io/nvidia/charts/gpu-operator:1.0.0'], 'both')
    expect(plan.digests).toEqual({ [`${REPO}:v1`]: index, 'ghcr.io/nvidia/charts/gpu-operator:1.0.0': chart })
    expect(plan.subjects.map(s => [s.digest, s.kind, s.platform ?? '', sbomEligible(s)])).toEqual([
      [index, 'index', '', false],
      [amd, 'image', 'linux/amd64', true],
      [arm, 'image', 'linux/arm64/v8', true],
      [chart, 'chart', '', false]
    ])
    expect(plan.skipped).toEqual([
      {
        repository: REPO,
        digest: att,
        platform: 'unknown/unknown',
        reason: 'attestation manifest (unknown/unknown)'
      }
    ])
    // the index and the chart, then each platform manifest before anything is signed for it
    expect(reg.reads).toBe(4)
  })

  it("hands each subject its descriptor (the referrers' subject) and the manifest it read, so nothing reads it again", async () => {
    const { reg, amd, index } = registryWithIndex()
    const plan = await planSubjects(reg, [`${REPO}:v1`], 'both')
    const [root, platform] = plan.subjects
    expect(root).toMatchObject({
      ref: `${REPO}@${index}`,
      input: `${REPO}:v1`,
      descriptor: { mediaType: 'application/vnd.oci.image.index.v1+json', digest: index }
    })
    expect(root!.repository.toString()).toBe(REPO)
    expect(root!.repository.tag).toBeUndefined()
    expect(root!.manifest).toBe(reg.byRef.get(`${REPO}@${index}`))
    expect(platform).toMatchObject({ ref: `${REPO}@${amd}`, index, platform: 'linux/amd64' })
    expect(platform!.manifest).toBe(reg.byRef.get(`${REPO}@${amd}`))
    expect(platform!.descriptor).toEqual({
      mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
      digest: amd,
      size: reg.byRef.get(`${REPO}@${amd}`)!.size
    })
  })

  it('refuses a digest the registry does not have, naming the input, before anything is signed', async () => {
    const { reg } = registryWithIndex()
    const missing = `${REPO}@sha256:${'b'.repeat(64)}`
    await expect(planSubjects(reg, [missing], 'both')).rejects.toMatchObject({
      code: 'SUBJECT_NOT_FOUND',
      subject: missing,
      message: expect.stringContaining('nothing was signed or logged')
    })
  })

  it('refuses an index whose platform manifest is missing, before anything is signed, naming it and the fix', async () => {
    const { reg, amd } = registryWithIndex()
    reg.byRef.delete(`${REPO}@${amd}`)
    await expect(planSubjects(reg, [`${REPO}:v1`], 'both')).rejects.toMatchObject({
      code: 'SUBJECT_NOT_FOUND',
      message: expect.stringContaining(`platform manifest ${amd} (linux/amd64) of index sha256:`)
    })
    await expect(planSubjects(reg, [`${REPO}:v1`], 'both')).rejects.toThrow(
      /is not in ghcr\.io\/nvidia\/gpu-operator; push every platform image before signing, or set platforms: index/
    )
    // platforms: index signs only the index, so its children need not be there
    await expect(planSubjects(reg, [`${REPO}:v1`], 'index')).resolves.toBeDefined()
  })

  it.each([
    ['index', (d: ReturnType<typeof registryWithIndex>) => [d.index]],
    ['platforms', (d: ReturnType<typeof registryWithIndex>) => [d.amd, d.arm]]
  ] as const)('platforms: %s', async (selection, expected) => {
    const d = registryWithIndex()
    const plan = await planSubjects(d.reg, [`${REPO}:v1`], selection)
    expect(plan.subjects.map(s => s.digest)).toEqual(expected(d))
  })

  it('lists a subject given twice (tag and digest) once', async () => {
    const { reg, index } = registryWithIndex()
    const plan = await planSubjects(reg, [`${REPO}:v1`, `${REPO}@${index}`], 'index')
    expect(plan.subjects).toHaveLength(1)
  })

  it('names the input, the plan phase and the fix for a missing tag or an invalid reference', async () => {
    const { reg } = registryWithIndex()
    await expect(planSubjects(reg, [`${REPO}:v9`], 'both')).rejects.toMatchObject({
      code: 'SUBJECT_NOT_FOUND',
      subject: `${REPO}:v9`,
      phase: 'plan',
      message: expect.stringContaining(
        'tag v9 is not in ghcr.io/nvidia/gpu-operator; push the artifact first'
      )
    })
    await expect(planSubjects(reg, ['Not A Ref'], 'both')).rejects.toMatchObject({
      code: 'SUBJECT_INVALID',
      phase: 'plan'
    })
  })
})
