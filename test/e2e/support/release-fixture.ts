// Everything a release ships, for one action run: an image index in each bed registry (the same image mirrored),
// a chart that deploys it, three files and a checksums file, an OpenVEX document and a custom predicate.
import { createHash } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { BedState, RegistryName } from '../../bed/state.js'
import { bedSigstoreInputs, runAction } from './action-runner.js'
import type { ActionRun } from './action-runner.js'
import { pushChart, pushMultiArch, tarOf } from './samples.js'
import type { MultiArch, Pushed } from './samples.js'

export const CUSTOM_TYPE = 'https://example.com/attestations/test-result/v1'
export const CUSTOM_PREDICATE = { result: 'passed', suite: 'gpu-operator e2e', passed: 212, failed: 0 }
export const VERSION = '1.2.3'
const sha = (b: string | Buffer): string => createHash('sha256').update(b).digest('hex')
export const unique = (): string => `${Date.now().toString(36)}${Math.random().toString(16).slice(2, 6)}`

export interface ReleaseImage extends MultiArch {
  registry: RegistryName
  host: string
  /** `e2e/release-…/gpu-operator`, the repository path within the registry. */
  path: string
  /** `host/path`. */
  repository: string
}

export interface Release {
  run: ActionRun
  images: ReleaseImage[]
  chart: Pushed & { host: string; path: string; repository: string }
  /** The three files given as subject-path. */
  files: string[]
  /** The artifact the checksums file lists (not given as a file: listed in the statements, not signed). */
  listed: string
  checksums: string
  vex: string
  dir: string
}

/** A v0.2.0 document as vexctl writes one for a mirrored image: named by name and tag, then a statement with no products. */
export function vexDocument(name: string, tag = `v${VERSION}`): object {
  return {
    '@context': 'https://openvex.dev/ns/v0.2.0',
    '@id': `https://example.com/vex/${name}-v${VERSION}`,
    author: 'NVIDIA PSIRT',
    timestamp: '2026-11-30T10:00:00Z',
    version: 1,
    statements: [
      {
        vulnerability: { name: 'CVE-2024-45338' },
        products: [
          {
            '@id': `pkg:oci/${name}?tag=${tag}`,
            subcomponents: [{ '@id': 'pkg:golang/golang.org/x/net@v0.30.0' }]
          }
        ],
        status: 'not_affected',
        justification: 'vulnerable_code_not_in_execute_path'
      },
      { vulnerability: { name: 'CVE-2025-0001' }, status: 'under_investigation' }
    ]
  }
}

/** A chart in gpu-operator's operator shape (`{repository, image, version}`) that deploys the attested image. */
/** A gpu-operator-shaped chart whose operator image is `imageRepository` at the release version. */
export function chartArchive(imageRepository: string): Buffer {
  const slash = imageRepository.lastIndexOf('/')
  return gzipSync(
    tarOf({
      'gpu-operator/Chart.yaml': `apiVersion: v2\nname: gpu-operator\nversion: ${VERSION}\nappVersion: "v${VERSION}"\ndescription: release fixture\n`,
      'gpu-operator/values.yaml': `operator:\n  repository: ${imageRepository.slice(0, slash)}\n  image: ${imageRepository.slice(slash + 1)}\n  version: v${VERSION}\n`,
      'gpu-operator/templates/deployment.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  template:\n    spec:\n      containers:\n        - name: operator\n          image: "{{ .Values.operator.repository }}/{{ .Values.operator.image }}:{{ .Values.operator.version }}"\n'
    })
  )
}

export async function writeJson(dir: string, name: string, value: object): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, JSON.stringify(value, null, 2))
  return path
}

/** Pushes the images and chart, writes the files, and runs the action once over all of them. */
export async function publishRelease(state: BedState): Promise<Release> {
  const id = unique()
  const dir = join(state.dir, 'tmp', `release-${id}`)
  await mkdir(join(dir, 'dist'), { recursive: true })
  const images: ReleaseImage[] = []
  for (const registry of ['referrers', 'distribution'] as const) {
    const host = state.registries[registry].host
    const path = `e2e/release-${id}/gpu-operator`
    const repository = `${host}/${path}`
    images.push({ ...(await pushMultiArch(repository, `v${VERSION}`)), registry, host, path, repository })
  }
  const host = state.registries.referrers.host
  const chartPath = `e2e/release-${id}/charts/gpu-operator`
  const chart = {
    ...(await pushChart(`${host}/e2e/release-${id}/charts`, 'gpu-operator', VERSION, {
      archive: chartArchive(images[0]!.repository)
    })),
    host,
    path: chartPath,
    repository: `${host}/${chartPath}`
  }

  const files = [
    'gpu-operator-linux-amd64.tar.gz',
    'gpu-operator-linux-arm64.tar.gz',
    'gpu-operator-images.txt'
  ]
  for (const [i, f] of files.entries()) await writeFile(join(dir, 'dist', f), `release file ${i} ${id}\n`)
  // The checksums file lists an artifact built elsewhere; its bytes are kept aside to check the statement by them.
  const listed = join(dir, 'docs.tar.gz')
  await writeFile(listed, `docs ${id}\n`)
  const checksums = join(dir, 'SHA256SUMS')
  await writeFile(checksums, `${sha(`docs ${id}\n`)}  docs.tar.gz\n`)
  const vex = await writeJson(dir, 'gpu-operator.openvex.json', vexDocument('gpu-operator'))
  const predicate = await writeJson(dir, 'test-result.json', CUSTOM_PREDICATE)

  const run = await runAction(state, {
    subjects: [...images.map(i => i.ref), chart.ref].join('\n'),
    'subject-path': `${dir}/dist/*.tar.gz, ${dir}/dist/gpu-operator-images.txt`,
    'subject-checksums': checksums,
    vex,
    'predicate-type': CUSTOM_TYPE,
    'predicate-path': predicate,
    ...(await bedSigstoreInputs(state))
  })
  return { run, images, chart, files: files.map(f => join(dir, 'dist', f)), listed, checksums, vex, dir }
}

/** One registry subject of the release as verifiers address it. */
export interface Target {
  ref: string
  digest: string
  kind: 'index' | 'image' | 'chart'
  host: string
  path: string
  repository: string
  /** A platform image's architecture (Trivy puts it in the image's purl). */
  arch?: string
}

/** Each index, its platform images, and the chart. */
export function targetsOf(release: Release): Target[] {
  const at = (where: { host: string; path: string; repository: string }) => ({
    host: where.host,
    path: where.path,
    repository: where.repository
  })
  return [
    ...release.images.flatMap(i => [
      { ref: `${i.repository}@${i.digest}`, digest: i.digest, kind: 'index' as const, ...at(i) },
      ...i.platforms.map(p => ({
        ref: `${i.repository}@${p.digest}`,
        digest: p.digest,
        kind: 'image' as const,
        ...at(i),
        arch: p.platform.split('/')[1]!
      }))
    ]),
    {
      ref: `${release.chart.repository}@${release.chart.digest}`,
      digest: release.chart.digest,
      kind: 'chart',
      ...at(release.chart)
    }
  ]
}
