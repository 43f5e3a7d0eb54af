// Just enough of the OCI distribution API (anonymous, plain HTTP) to push test images and tamper with signatures.
import { createHash } from 'node:crypto'

const digestOf = (b: Buffer): string => 'sha256:' + createHash('sha256').update(b).digest('hex')

export async function putBlob(
  host: string,
  repo: string,
  data: Buffer
): Promise<{ digest: string; size: number }> {
  const digest = digestOf(data)
  const start = await fetch(`http://${host}/v2/${repo}/blobs/uploads/`, { method: 'POST' })
  if (start.status !== 202) throw new Error(`blob upload to ${host}/${repo} did not start: ${start.status}`)
  const location = new URL(start.headers.get('location') ?? '', `http://${host}`)
  location.searchParams.set('digest', digest)
  const put = await fetch(location, {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream' },
    body: data
  })
  if (put.status !== 201) throw new Error(`blob upload to ${host}/${repo} failed: ${put.status}`)
  return { digest, size: data.length }
}

export async function getBlob(host: string, repo: string, digest: string): Promise<Buffer> {
  const res = await fetch(`http://${host}/v2/${repo}/blobs/${digest}`)
  if (res.status !== 200) throw new Error(`blob ${digest} not in ${host}/${repo}: ${res.status}`)
  return Buffer.from(await res.arrayBuffer())
}

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'

export async function getManifest(
  host: string,
  repo: string,
  ref: string
): Promise<{ json: Record<string, unknown>; mediaType: string }> {
  const res = await fetch(`http://${host}/v2/${repo}/manifests/${ref}`, {
    headers: {
      accept: `${OCI_MANIFEST}, application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.v2+json`
    }
  })
  if (res.status !== 200) throw new Error(`manifest ${ref} not in ${host}/${repo}: ${res.status}`)
  return {
    json: (await res.json()) as Record<string, unknown>,
    mediaType: res.headers.get('content-type') ?? OCI_MANIFEST
  }
}

export async function putManifest(
  host: string,
  repo: string,
  ref: string,
  manifest: unknown,
  mediaType = OCI_MANIFEST
): Promise<string> {
  const body = Buffer.from(JSON.stringify(manifest))
  const res = await fetch(`http://${host}/v2/${repo}/manifests/${ref}`, {
    method: 'PUT',
    headers: { 'content-type': mediaType },
    body
  })
  if (res.status !== 201)
    throw new Error(`manifest PUT ${host}/${repo}:${ref} failed: ${res.status} ${await res.text()}`)
  return digestOf(body)
}

/** A one-layer image whose content is unique to `label`; returns its manifest digest. */
export async function pushImage(host: string, repo: string, tag: string, label: string): Promise<string> {
  const layer = Buffer.from(`oci-attest sigstore self-test ${label} ${Date.now()}\n`)
  const l = await putBlob(host, repo, layer)
  const config = {
    architecture: 'amd64',
    os: 'linux',
    rootfs: { type: 'layers', diff_ids: [l.digest] },
    config: {}
  }
  const c = await putBlob(host, repo, Buffer.from(JSON.stringify(config)))
  return putManifest(host, repo, tag, {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: c.digest, size: c.size },
    layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar', digest: l.digest, size: l.size }]
  })
}
