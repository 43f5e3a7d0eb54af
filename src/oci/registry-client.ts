import type { Readable } from 'node:stream'
import { createHttpClient, type HttpClient } from '../http/index.js'
import { anonymous, type CredentialProvider } from './auth/credentials.js'
import { blobChunks, blobExists, fetchBlob, type BlobSource, type UploadOptions } from './blobs.js'
import { mountBlob, probeUpload, uploadBlob } from './blob-upload.js'
import { RegistryError } from './errors.js'
import type { Descriptor } from './manifest.js'
import { getManifest, headManifest, putManifest, type ManifestWithEtag } from './manifests.js'
import { MANIFEST_ACCEPT } from './media-types.js'
import { digestTag } from './name.js'
import { parseReference, type ImageReference } from './reference.js'
import {
  fallbackIndexSpec,
  listReferrersViaApi,
  listReferrersViaTag,
  probeReferrersApi
} from './referrers.js'
import { processTagWriters, type TagWriters } from './tag-writer.js'
import { RegistryTransport } from './transport.js'

export interface RegistryClientOptions extends UploadOptions {
  http?: HttpClient
  credentials?: CredentialProvider
  /** Registries (host[:port]) to speak plain HTTP to besides loopback ones. */
  insecureRegistries?: string[]
  /** Debug lines: each re-merge of a tag that a parallel writer raced. */
  log?: (line: string) => void
  /** Serialises this process's writes of one tag; default one table for the whole process. */
  tagWriters?: TagWriters
}

type Ref = ImageReference | string
const toRef = (ref: Ref): ImageReference => (typeof ref === 'string' ? parseReference(ref) : ref)

/** Talks to OCI registries: manifests, blobs and referrers, with auth and digest checks on everything read. */
export class RegistryClient {
  private readonly transport: RegistryTransport
  private readonly referrersApi = new Map<string, Promise<boolean>>()
  // The first definitive probe per registry: a "no" holds for all its repositories (see supportsReferrersApi).
  private readonly registryProbe = new Map<string, Promise<{ supported: boolean; definitive: boolean }>>()
  private readonly tagWriters: TagWriters
  private readonly log: ((line: string) => void) | undefined
  private readonly upload: UploadOptions
  private readonly uploads = new Map<string, Promise<{ digest: string; size: number; uploaded: boolean }>>()
  // registry@digest → the repository this client put (or found) that blob in first, to mount it from.
  private readonly holders = new Map<string, Promise<ImageReference | undefined>>()
  // Registries that answered a single-POST upload with an ordinary session: bytes go in the PUT only.
  private readonly noSinglePost = new Set<string>()

  constructor(opts: RegistryClientOptions = {}) {
    this.transport = new RegistryTransport(
      opts.http ?? createHttpClient(),
      opts.credentials ?? anonymous,
      opts.insecureRegistries ?? []
    )
    this.tagWriters = opts.tagWriters ?? processTagWriters
    this.log = opts.log
    this.upload = {
      ...(opts.chunkThreshold !== undefined ? { chunkThreshold: opts.chunkThreshold } : {}),
      ...(opts.chunkSize !== undefined ? { chunkSize: opts.chunkSize } : {})
    }
  }

  getManifest(ref: Ref, opts: { accept?: string[] } = {}): Promise<ManifestWithEtag> {
    return getManifest(this.transport, toRef(ref), opts.accept ?? MANIFEST_ACCEPT)
  }

  /** Throws (the registry's refusal) unless the repository accepts pushes; writes nothing. */
  checkPushAccess(repo: Ref): Promise<void> {
    return probeUpload(this.transport, toRef(repo))
  }

  headManifest(ref: Ref, opts: { accept?: string[] } = {}) {
    return headManifest(this.transport, toRef(ref), opts.accept ?? MANIFEST_ACCEPT)
  }

  /** The digest a tag (or digest) reference points at; throws REGISTRY_NOT_FOUND when absent. */
  async resolveDigest(ref: Ref): Promise<string> {
    const r = toRef(ref)
    if (r.digest) return r.digest
    const head = await this.headManifest(r)
    // headManifest already answered a 404 (and fell back to GET where HEAD is refused): no second request.
    if (!head)
      throw new RegistryError('REGISTRY_NOT_FOUND', `fetching manifest ${r}: registry answered 404`, {
        status: 404,
        operation: 'fetch',
        tag: r.tag
      })
    return head.digest
  }

  /** `ifMatch`: replace only the version with that ETag (registries that ignore it replace any). */
  async putManifest(
    ref: Ref,
    bytes: Buffer,
    mediaType: string,
    opts: { ifMatch?: string; retry?: boolean } = {}
  ): Promise<{ digest: string }> {
    const { digest } = await putManifest(this.transport, toRef(ref), bytes, mediaType, opts)
    return { digest }
  }

  fetchBlob(repo: Ref, digest: string, size?: number): Promise<Readable> {
    return fetchBlob(this.transport, toRef(repo), digest, size)
  }

  /** A long read (a layer) as lent, digest-checked chunks: copy what you keep before asking for the next. */
  blobChunks(repo: Ref, digest: string, size?: number, signal?: AbortSignal): Promise<AsyncIterable<Buffer>> {
    return blobChunks(this.transport, toRef(repo), digest, size, signal)
  }

  /** A small blob (config, signature layer) read whole, digest-checked. */
  async readBlob(repo: Ref, digest: string, size?: number): Promise<Buffer> {
    const chunks: Buffer[] = []
    for await (const chunk of await this.fetchBlob(repo, digest, size)) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks)
  }

  blobExists(repo: Ref, digest: string): Promise<boolean> {
    return blobExists(this.transport, toRef(repo), digest)
  }

  /**
   * Concurrent uploads of one digest to one repository share a single upload: distribution 2.8 can lose the
   * blob link when two sessions commit the same digest at once (seen with the empty config blob).
   * `fresh`: the bytes were made by this run (they hold a new signature), so no HEAD asks whether they exist.
   */
  uploadBlob(repo: Ref, data: BlobSource, digest: string, size: number, opts: { fresh?: boolean } = {}) {
    const r = toRef(repo)
    const key = `${r.repoString()}@${digest}`
    let pending = this.uploads.get(key)
    if (!pending) {
      pending = this.sendBlob(r, data, digest, size, opts)
      this.uploads.set(key, pending)
      const forget = () => this.uploads.delete(key)
      pending.then(forget, forget)
    }
    return pending
  }

  /**
   * A blob another repository of the registry got from this client (or is getting: that upload is awaited)
   * is mounted from there: one POST instead of HEAD + POST + PUT, and no second copy of the bytes to write.
   */
  private sendBlob(
    r: ImageReference,
    data: BlobSource,
    digest: string,
    size: number,
    opts: { fresh?: boolean }
  ) {
    const plain = () =>
      uploadBlob(this.transport, r, data, digest, size, {
        ...this.upload,
        ...opts,
        singlePost: !this.noSinglePost.has(r.registry),
        onSinglePostDeclined: () => this.noSinglePost.add(r.registry)
      })
    if (opts.fresh) return plain() // new bytes are in no other repository
    const where = `${r.registry}@${digest}`
    const earlier = this.holders.get(where)
    const attempt = (async () => {
      const holder = await earlier
      if (holder && holder.repository !== r.repository) {
        const mounted = await mountBlob(this.transport, r, digest, holder, { data, size }, this.upload).then(
          m => ({ digest, size, uploaded: m.uploaded }),
          () => undefined // a refused mount costs one request; the plain path follows
        )
        if (mounted) return mounted
      }
      return plain()
    })()
    const held = attempt.then(
      () => r,
      () => undefined
    )
    // The first repository that got the blob stays its holder; a failed one gives way to the next.
    this.holders.set(where, earlier ? earlier.then(h => h ?? held) : held)
    return attempt
  }

  /** Mount `digest` from `from` (same registry); uploads `fallback` when the registry will not mount. */
  mountBlob(repo: Ref, digest: string, from: Ref, fallback?: { data: BlobSource; size: number }) {
    return mountBlob(this.transport, toRef(repo), digest, toRef(from), fallback, this.upload)
  }

  /**
   * Cached per repository (not while the repository does not exist yet); see probeReferrersApi. A registry
   * that definitively lacks the API for one repository is taken to lack it for all: wrongly so would only
   * add a fallback tag that API clients ignore, while a "yes" is never shared (it would drop the tag).
   */
  supportsReferrersApi(repo: Ref): Promise<boolean> {
    const r = toRef(repo)
    const key = r.repoString()
    let known = this.referrersApi.get(key)
    if (!known) {
      const first = this.registryProbe.get(r.registry)
      const own = () => probeReferrersApi(this.transport, r)
      const probe = first ? first.then(p => (p.definitive && !p.supported ? p : own()), own) : own()
      if (!first) {
        this.registryProbe.set(r.registry, probe)
        probe.then(
          p => (p.definitive ? undefined : this.registryProbe.delete(r.registry)),
          () => this.registryProbe.delete(r.registry)
        )
      }
      known = probe.then(p => p.supported)
      this.referrersApi.set(key, known)
      probe.then(
        p => (p.definitive ? undefined : this.referrersApi.delete(key)),
        () => this.referrersApi.delete(key)
      )
    }
    return known
  }

  async listReferrers(repo: Ref, digest: string, artifactType?: string): Promise<Descriptor[]> {
    const r = toRef(repo)
    return (await this.supportsReferrersApi(r))
      ? listReferrersViaApi(this.transport, r, digest, artifactType)
      : listReferrersViaTag(this.transport, r, digest, artifactType)
  }

  /**
   * Adds a referrer to the `sha256-<hex>` fallback index and returns once a re-read holds it: convergeTag
   * re-merges when a parallel job overwrote the index. Adds that arrive while a write waits share it.
   */
  async addReferrerToFallbackIndex(
    repo: Ref,
    subjectDigest: string,
    descriptor: Descriptor
  ): Promise<{ changed: boolean; digest?: string }> {
    const r = toRef(repo)
    const spec = fallbackIndexSpec(this.transport, r, subjectDigest)
    const { current, added } = await this.tagWriters.add(
      `${r.repoString()}:${digestTag(subjectDigest)}`,
      [descriptor],
      spec,
      this.log ? { log: this.log } : {}
    )
    return added.includes(descriptor.digest) ? { changed: true, digest: current.digest } : { changed: false }
  }
}
