// Shared helpers for the OCI suites: clients for the bed's registries and small random images.
import { randomBytes } from 'node:crypto'
import { readBedState, type BedState, type RegistryName } from '../../bed/state.js'
import { createHttpClient } from '../../../src/http/index.js'
import {
  computeDigest,
  OCI_CONFIG,
  OCI_LAYER,
  OCI_MANIFEST,
  parseReference,
  RegistryClient,
  staticCredentials,
  type Descriptor,
  type ImageReference,
  type RegistryClientOptions
} from '../../../src/oci/index.js'

export function bed(): BedState {
  return readBedState()
}

/** A client for one of the bed's registries, logged in when it has credentials. */
export function clientFor(name: RegistryName, opts: RegistryClientOptions = {}): RegistryClient {
  const r = bed().registries[name]
  const credentials =
    r.auth === 'basic' || r.auth === 'bearer'
      ? staticCredentials({ [r.host]: { username: r.username, password: r.password } })
      : undefined
  return new RegistryClient({
    http: createHttpClient({ minDelayMs: 10, maxDelayMs: 200 }),
    ...(credentials ? { credentials } : {}),
    ...opts
  })
}

/** A fresh repository per test, so suites never see each other's tags. */
export function repoOn(name: RegistryName, prefix = 'it'): ImageReference {
  return parseReference(`${bed().registries[name].host}/${prefix}/${randomBytes(5).toString('hex')}`)
}

export function blob(bytes: Buffer, mediaType = OCI_LAYER): { bytes: Buffer; descriptor: Descriptor } {
  return { bytes, descriptor: { mediaType, digest: computeDigest(bytes), size: bytes.length } }
}

/** Uploads a random config + layer and returns the manifest bytes that reference them (not yet pushed). */
export async function pushImageBlobs(
  client: RegistryClient,
  repo: ImageReference,
  extra: Partial<Record<string, unknown>> = {}
) {
  const layer = blob(randomBytes(1024))
  const config = blob(
    Buffer.from(
      JSON.stringify({
        architecture: 'amd64',
        os: 'linux',
        rootfs: { type: 'layers', diff_ids: [layer.descriptor.digest] }
      })
    ),
    OCI_CONFIG
  )
  await client.uploadBlob(repo, layer.bytes, layer.descriptor.digest, layer.descriptor.size)
  await client.uploadBlob(repo, config.bytes, config.descriptor.digest, config.descriptor.size)
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: config.descriptor,
    layers: [layer.descriptor],
    ...extra
  }
  const bytes = Buffer.from(JSON.stringify(manifest))
  return { bytes, digest: computeDigest(bytes), layer, config, size: bytes.length }
}

export async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const c of stream) chunks.push(c as Buffer)
  return Buffer.concat(chunks)
}
