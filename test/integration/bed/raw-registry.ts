// Raw OCI distribution calls with fetch, independent of src/oci, so the bed is checked by something else
// than the client it exists to test.
import { createHash } from 'node:crypto'

export const sha256 = (data: Buffer | string) => `sha256:${createHash('sha256').update(data).digest('hex')}`

export const EMPTY_JSON = Buffer.from('{}')
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json'
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json'

/** POST then PUT: distribution 2.8 ignores `?digest=` on POST (no single-request upload) and answers 202. */
export async function uploadBlob(
  host: string,
  repo: string,
  data: Buffer,
  headers: Record<string, string> = {}
) {
  const digest = sha256(data)
  const start = await fetch(`http://${host}/v2/${repo}/blobs/uploads/`, { method: 'POST', headers })
  await start.arrayBuffer()
  const location = start.headers.get('location')
  if (start.status !== 202 || !location)
    throw new Error(`upload start at ${host}/${repo} answered ${start.status}`)
  const url = new URL(location, `http://${host}`)
  url.searchParams.set('digest', digest)
  const res = await fetch(url, {
    method: 'PUT',
    headers: { 'content-type': 'application/octet-stream', ...headers },
    body: data
  })
  await res.arrayBuffer()
  if (res.status !== 201) throw new Error(`blob upload to ${host}/${repo} answered ${res.status}`)
  return digest
}

export interface Subject {
  mediaType: string
  digest: string
  size: number
}

export async function headManifest(host: string, repo: string, ref: string): Promise<Subject> {
  const res = await fetch(`http://${host}/v2/${repo}/manifests/${ref}`, {
    method: 'HEAD',
    headers: { accept: `${OCI_MANIFEST}, ${OCI_INDEX}` }
  })
  if (res.status !== 200) throw new Error(`HEAD ${host}/${repo}:${ref} answered ${res.status}`)
  return {
    mediaType: res.headers.get('content-type') ?? '',
    digest: res.headers.get('docker-content-digest') ?? '',
    size: Number(res.headers.get('content-length'))
  }
}

/** Pushes an artifact manifest (empty config and layer) that refers to `subject`; returns digest and response. */
export async function pushReferrer(host: string, repo: string, subject: Subject, artifactType: string) {
  await uploadBlob(host, repo, EMPTY_JSON)
  const empty = { mediaType: 'application/vnd.oci.empty.v1+json', digest: sha256(EMPTY_JSON), size: 2 }
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      artifactType,
      config: empty,
      layers: [empty],
      subject,
      annotations: { 'org.opencontainers.image.title': artifactType }
    })
  )
  const digest = sha256(manifest)
  const res = await fetch(`http://${host}/v2/${repo}/manifests/${digest}`, {
    method: 'PUT',
    headers: { 'content-type': OCI_MANIFEST },
    body: manifest
  })
  await res.arrayBuffer()
  return { digest, res }
}
