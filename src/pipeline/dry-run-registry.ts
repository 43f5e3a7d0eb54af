// A registry that reads through to the real one and records every write instead of sending it (dry runs,
// push-to-registry: false). Reads of what it recorded answer from the record, so publishing code runs unchanged.
import type { Readable } from 'node:stream'
import { computeDigest } from '../oci/digest.js'
import { RegistryError } from '../oci/errors.js'
import type { Descriptor, FetchedManifest } from '../oci/manifest.js'
import { digestTag } from '../oci/name.js'
import { parseReference } from '../oci/reference.js'
import type { ImageReference } from '../oci/reference.js'
import type { PublishRegistry } from '../oci/publish-registry.js'

export interface RecordedManifest {
  repository: string
  /** Set for tag writes (`sha256-<hex>.sig`); referrer manifests are written by digest only. */
  tag?: string
  digest: string
  mediaType: string
  size: number
  json: {
    artifactType?: string
    layers?: Descriptor[]
    manifests?: Descriptor[]
    subject?: Descriptor
    annotations?: Record<string, string>
  }
  bytes: Buffer
}

export interface RecordedFallbackUpdate {
  repository: string
  tag: string
  descriptor: Descriptor
}

const toRef = (ref: ImageReference | string): ImageReference =>
  typeof ref === 'string' ? parseReference(ref) : ref

export class RecordingRegistry implements PublishRegistry {
  readonly #inner: PublishRegistry
  readonly manifests: RecordedManifest[] = []
  readonly blobs = new Map<string, { repository: string; digest: string; size: number; bytes?: Buffer }>()
  readonly fallbackUpdates: RecordedFallbackUpdate[] = []

  constructor(inner: PublishRegistry) {
    this.#inner = inner
  }

  #find(ref: ImageReference): RecordedManifest | undefined {
    const repository = ref.repoString()
    return this.manifests.find(
      m => m.repository === repository && (ref.digest ? m.digest === ref.digest : m.tag === ref.tag)
    )
  }

  async getManifest(ref: ImageReference | string, opts?: { accept?: string[] }): Promise<FetchedManifest> {
    const found = this.#find(toRef(ref))
    if (found)
      return {
        digest: found.digest,
        mediaType: found.mediaType,
        bytes: found.bytes,
        json: found.json,
        size: found.size
      }
    return this.#inner.getManifest(ref, opts)
  }

  async headManifest(ref: ImageReference | string) {
    const found = this.#find(toRef(ref))
    if (found) return { digest: found.digest, mediaType: found.mediaType, size: found.size }
    return this.#inner.headManifest(ref)
  }

  async putManifest(
    ref: ImageReference | string,
    bytes: Buffer,
    mediaType: string
  ): Promise<{ digest: string }> {
    const r = toRef(ref)
    const digest = computeDigest(bytes)
    const repository = r.repoString()
    const entry: RecordedManifest = {
      repository,
      ...(r.tag ? { tag: r.tag } : {}),
      digest,
      mediaType,
      size: bytes.length,
      json: JSON.parse(bytes.toString('utf8')) as RecordedManifest['json'],
      bytes
    }
    // A tag written twice in one run (appends) is one write of its last content.
    const previous = r.tag
      ? this.manifests.findIndex(m => m.repository === repository && m.tag === r.tag)
      : -1
    if (previous >= 0) this.manifests[previous] = entry
    else this.manifests.push(entry)
    return { digest }
  }

  async readBlob(repo: ImageReference, digest: string, size?: number): Promise<Buffer> {
    const found = this.blobs.get(`${repo.repoString()}@${digest}`)
    if (found?.bytes) return found.bytes
    return this.#inner.readBlob(repo, digest, size)
  }

  async uploadBlob(repo: ImageReference, data: Buffer | (() => Readable), digest: string, size: number) {
    const repository = repo.repoString()
    this.blobs.set(`${repository}@${digest}`, {
      repository,
      digest,
      size,
      ...(Buffer.isBuffer(data) ? { bytes: data } : {})
    })
    return { digest, size, uploaded: false }
  }

  supportsReferrersApi(repo: ImageReference): Promise<boolean> {
    return this.#inner.supportsReferrersApi(repo)
  }

  async listReferrers(repo: ImageReference, digest: string, artifactType?: string): Promise<Descriptor[]> {
    const recorded = await this.recordedOnly().listReferrers(repo, digest, artifactType)
    return [...(await this.#inner.listReferrers(repo, digest, artifactType)), ...recorded]
  }

  async addReferrerToFallbackIndex(repo: ImageReference, subjectDigest: string, descriptor: Descriptor) {
    this.fallbackUpdates.push({
      repository: repo.repoString(),
      tag: digestTag(subjectDigest),
      descriptor
    })
    return undefined
  }

  /** The manifests and referrers recorded and nothing else, read as a registry: what the dry run would push. */
  recordedOnly(): PublishRegistry {
    const absent = (what: string): never => {
      throw new RegistryError('REGISTRY_NOT_FOUND', `dry run: ${what} was not recorded`)
    }
    const refusal = (): never => {
      throw new Error('dry run: the recorded view is read-only')
    }
    return {
      getManifest: async ref => (this.#find(toRef(ref)) ? this.getManifest(ref) : absent(String(ref))),
      headManifest: async ref => (this.#find(toRef(ref)) ? this.headManifest(ref) : undefined),
      // Blobs are content-addressed: one the registry already had (so not uploaded again) reads through.
      readBlob: (repo, digest, size) => this.readBlob(repo, digest, size),
      listReferrers: async (repo, digest, artifactType) =>
        this.manifests
          .filter(m => m.repository === repo.repoString() && !m.tag && m.json.subject?.digest === digest)
          .filter(m => !artifactType || m.json.artifactType === artifactType)
          .map(m => ({
            mediaType: m.mediaType,
            digest: m.digest,
            size: m.size,
            ...(m.json.artifactType ? { artifactType: m.json.artifactType } : {})
          })),
      supportsReferrersApi: async () => true,
      putManifest: refusal,
      uploadBlob: refusal,
      addReferrerToFallbackIndex: refusal
    }
  }
}
