// Sample artifacts pushed with our registry client: a multi-arch index of two small platform images (OCI index
// or Docker manifest list, as `docker manifest create` makes) and a Helm chart as `helm push` stores it.
import { gzipSync } from 'node:zlib'
import { computeDigest, RegistryClient, parseReference } from '../../../src/oci/index.js'
import type { CredentialProvider, Descriptor } from '../../../src/oci/index.js'

export const HELM_CONFIG = 'application/vnd.cncf.helm.config.v1+json'
export const HELM_CHART_LAYER = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip'

/** A ustar archive of the given files (regular files, mode 0644, directories implied). */
export function tarOf(files: Record<string, string | Buffer>): Buffer {
  const blocks: Buffer[] = []
  for (const [name, value] of Object.entries(files)) {
    const content = Buffer.isBuffer(value) ? value : Buffer.from(value)
    const header = Buffer.alloc(512)
    const put = (offset: number, length: number, text: string) => header.write(text, offset, length, 'ascii')
    const octal = (n: number, width: number) => n.toString(8).padStart(width - 1, '0') + '\0'
    put(0, 100, name)
    put(100, 8, octal(0o644, 8))
    put(108, 8, octal(0, 8))
    put(116, 8, octal(0, 8))
    put(124, 12, octal(content.length, 12))
    put(136, 12, octal(0, 12))
    put(148, 8, '        ')
    put(156, 1, '0')
    put(257, 8, 'ustar\u000000')
    let sum = 0
    for (const byte of header) sum += byte
    put(148, 8, sum.toString(8).padStart(6, '0') + '\0 ')
    blocks.push(header, content, Buffer.alloc((512 - (content.length % 512)) % 512))
  }
  blocks.push(Buffer.alloc(1024))
  return Buffer.concat(blocks)
}

/** An Alpine-like root: os-release and an apk database with one package, so SBOMs have something to find. */
function rootfs(arch: string, marker: string): Record<string, string> {
  return {
    'etc/os-release': 'NAME="Alpine Linux"\nID=alpine\nVERSION_ID=3.20.3\nPRETTY_NAME="Alpine Linux v3.20"\n',
    'lib/apk/db/installed':
      `C:Q1${Buffer.from(arch).toString('base64')}=\nP:musl\nV:1.2.5-r0\nA:${arch}\nS:383152\nI:622592\n` +
      'T:the musl c library (libc) implementation\nU:https://musl.libc.org/\nL:MIT\no:musl\nm:Maintainer <m@example.org>\n' +
      't:1718000000\nc:0000000000000000000000000000000000000000\n\n',
    'sample.txt': `oci-attest sample ${arch} ${marker}\n`
  }
}

export interface Pushed {
  ref: string
  digest: string
  mediaType: string
}

export interface MultiArch extends Pushed {
  platforms: { platform: string; digest: string }[]
}

async function pushBlob(
  client: RegistryClient,
  repo: string,
  bytes: Buffer,
  mediaType: string
): Promise<Descriptor> {
  const digest = computeDigest(bytes)
  await client.uploadBlob(parseReference(repo), bytes, digest, bytes.length)
  return { mediaType, digest, size: bytes.length }
}

async function pushManifest(
  client: RegistryClient,
  ref: string,
  json: object,
  mediaType: string
): Promise<Pushed> {
  const bytes = Buffer.from(JSON.stringify(json))
  const { digest } = await client.putManifest(ref, bytes, mediaType)
  return { ref, digest, mediaType }
}

/**
 * `<repo>:<tag>`: an index of linux/amd64 and linux/arm64 images plus an unknown/unknown attestation manifest
 * (as BuildKit adds). `docker: true` writes Docker schema 2 media types (`docker manifest create`).
 */
export async function pushMultiArch(
  repo: string,
  tag: string,
  opts: { docker?: boolean; credentials?: CredentialProvider } = {}
): Promise<MultiArch> {
  const client = new RegistryClient(opts.credentials ? { credentials: opts.credentials } : {})
  const t = opts.docker
    ? {
        manifest: 'application/vnd.docker.distribution.manifest.v2+json',
        index: 'application/vnd.docker.distribution.manifest.list.v2+json',
        config: 'application/vnd.docker.container.image.v1+json',
        layer: 'application/vnd.docker.image.rootfs.diff.tar.gzip'
      }
    : {
        manifest: 'application/vnd.oci.image.manifest.v1+json',
        index: 'application/vnd.oci.image.index.v1+json',
        config: 'application/vnd.oci.image.config.v1+json',
        layer: 'application/vnd.oci.image.layer.v1.tar+gzip'
      }
  const marker = `${tag}-${Date.now()}-${Math.random().toString(16).slice(2)}`
  const entries: Descriptor[] = []
  const platforms: { platform: string; digest: string }[] = []
  for (const arch of ['amd64', 'arm64']) {
    const tar = tarOf(rootfs(arch, marker))
    const layer = await pushBlob(client, repo, gzipSync(tar), t.layer)
    const config = await pushBlob(
      client,
      repo,
      Buffer.from(
        JSON.stringify({
          architecture: arch,
          os: 'linux',
          config: { Labels: { 'org.opencontainers.image.source': 'https://github.com/nvidia/gpu-operator' } },
          rootfs: { type: 'layers', diff_ids: [computeDigest(tar)] }
        })
      ),
      t.config
    )
    const m = await pushManifest(
      client,
      `${repo}@${computeDigest(Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: t.manifest, config, layers: [layer] })))}`,
      { schemaVersion: 2, mediaType: t.manifest, config, layers: [layer] },
      t.manifest
    )
    const size = Buffer.byteLength(
      JSON.stringify({ schemaVersion: 2, mediaType: t.manifest, config, layers: [layer] })
    )
    entries.push({
      mediaType: t.manifest,
      digest: m.digest,
      size,
      platform: { os: 'linux', architecture: arch }
    })
    platforms.push({ platform: `linux/${arch}`, digest: m.digest })
  }
  if (!opts.docker) {
    // BuildKit's provenance manifest: unknown/unknown, which the action must skip.
    const empty = await pushBlob(client, repo, Buffer.from('{}'), 'application/vnd.oci.empty.v1+json')
    const att = await pushBlob(
      client,
      repo,
      Buffer.from(`{"_type":"https://in-toto.io/Statement/v0.1","m":"${marker}"}`),
      'application/vnd.in-toto+json'
    )
    const json = {
      schemaVersion: 2,
      mediaType: t.manifest,
      config: { ...empty, mediaType: 'application/vnd.oci.image.config.v1+json' },
      layers: [att]
    }
    const bytes = Buffer.from(JSON.stringify(json))
    const m = await pushManifest(client, `${repo}@${computeDigest(bytes)}`, json, t.manifest)
    entries.push({
      mediaType: t.manifest,
      digest: m.digest,
      size: bytes.length,
      platform: { os: 'unknown', architecture: 'unknown' },
      annotations: {
        'vnd.docker.reference.type': 'attestation-manifest',
        'vnd.docker.reference.digest': platforms[0]!.digest
      }
    })
  }
  const index = await pushManifest(
    client,
    `${repo}:${tag}`,
    { schemaVersion: 2, mediaType: t.index, manifests: entries },
    t.index
  )
  return { ...index, platforms }
}

/** A real chart archive (Chart.yaml, values, one template), gzipped tar as `helm package` writes it. */
export function chartArchive(name: string, version: string): Buffer {
  return gzipSync(
    tarOf({
      [`${name}/Chart.yaml`]: `apiVersion: v2\nname: ${name}\ndescription: oci-attest sample chart\ntype: application\nversion: ${version}\nappVersion: "${version}"\n`,
      [`${name}/values.yaml`]: 'replicaCount: 1\nimage:\n  repository: example/app\n  tag: latest\n',
      [`${name}/templates/configmap.yaml`]:
        'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}-sample\ndata:\n  replicas: "{{ .Values.replicaCount }}"\n'
    })
  )
}

/** `<registry>/<path>/<name>:<version>` as `helm push chart.tgz oci://<registry>/<path>` stores it. */
export async function pushChart(
  repoBase: string,
  name: string,
  version: string,
  /** `archive`: a chart of the caller's (its Chart.yaml must say the same name and version). */
  opts: { credentials?: CredentialProvider; archive?: Buffer; appVersion?: string } = {}
): Promise<Pushed> {
  const client = new RegistryClient(opts.credentials ? { credentials: opts.credentials } : {})
  const repo = `${repoBase}/${name}`
  const layer = await pushBlob(client, repo, opts.archive ?? chartArchive(name, version), HELM_CHART_LAYER)
  const config = await pushBlob(
    client,
    repo,
    Buffer.from(
      JSON.stringify({
        name,
        version,
        description: 'oci-attest sample chart',
        apiVersion: 'v2',
        appVersion: opts.appVersion ?? version,
        type: 'application'
      })
    ),
    HELM_CONFIG
  )
  const json = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config,
    layers: [layer],
    annotations: { 'org.opencontainers.image.title': name, 'org.opencontainers.image.version': version }
  }
  return pushManifest(client, `${repo}:${version}`, json, json.mediaType)
}
