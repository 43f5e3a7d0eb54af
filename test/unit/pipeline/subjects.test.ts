// Error paths of subject resolution, with an in-process registry double (the real registry is covered on the bed).
import { describe, expect, it } from '@jest/globals'
import type { PublishRegistry } from '../../../src/oci/publish-registry.js'
import { resolveSubjects } from '../../../src/pipeline/subjects.js'

const present = `sha256:${'a'.repeat(64)}`
const registry = {
  headManifest: async (ref: { digest?: string }) =>
    ref.digest === present
      ? { digest: present, mediaType: 'application/vnd.oci.image.index.v1+json', size: 9 }
      : undefined
} as unknown as PublishRegistry

describe('resolveSubjects', () => {
  it('keeps the artifact descriptor for referrers', async () => {
    const [s] = await resolveSubjects(registry, [`ghcr.io/o/r@${present}`])
    expect(s?.repo.repoString()).toBe('ghcr.io/o/r')
    expect(s?.descriptor).toEqual({
      mediaType: 'application/vnd.oci.image.index.v1+json',
      digest: present,
      size: 9
    })
  })

  it('refuses tags, bad references and digests the registry does not have, naming the input', async () => {
    await expect(resolveSubjects(registry, ['ghcr.io/o/r:v1'])).rejects.toMatchObject({
      code: 'SUBJECT_INVALID',
      subject: 'ghcr.io/o/r:v1'
    })
    await expect(resolveSubjects(registry, ['UPPER/case@@'])).rejects.toMatchObject({
      code: 'SUBJECT_INVALID'
    })
    const missing = `ghcr.io/o/r@sha256:${'b'.repeat(64)}`
    await expect(resolveSubjects(registry, [`ghcr.io/o/r@${present}`, missing])).rejects.toMatchObject({
      code: 'SUBJECT_NOT_FOUND',
      subject: missing,
      message: expect.stringContaining('nothing was signed or logged')
    })
  })
})
