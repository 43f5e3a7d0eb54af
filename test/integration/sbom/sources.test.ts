// One synthetic multi-platform image, read from a bed registry, from OCI layouts and docker save
// archives (ours and crane's): every source must give the same packages credited to the same layers.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { RegistryClient } from '../../../src/oci/index.js'
import { generateSbom } from '../../../src/sbom/index.js'
import type { Cataloger, Package } from '../../../src/sbom/catalogers/types.js'
import { readBedState } from '../../bed/state.js'
import { startLossyFront } from '../reliability/lossy-front.js'
import { buildTar, type SyntheticEntry } from '../../fixtures/sbom/build-synthetic-tar.js'
import {
  buildImage,
  legacyDockerSave,
  pushImages,
  writeOciLayout,
  type BuiltImage
} from '../../fixtures/sbom/build-synthetic-image.js'

const run = promisify(execFile)

/** Reads "name version" lines from files named `pkgdb`, with the distro in the purl. */
const lineCataloger: Cataloger = {
  name: 'line-db-cataloger',
  wants: f => f.path.endsWith('/pkgdb'),
  parse(file, ctx) {
    const distro = ctx.distro ? `?distro=${ctx.distro.id}-${ctx.distro.versionId ?? ''}` : ''
    return file.data
      .toString('utf8')
      .split('\n')
      .map(l => l.trim().split(/\s+/))
      .filter(p => p.length === 2)
      .map(([name, version]) => ({
        name: name!,
        version: version!,
        type: 'test',
        purl: `pkg:test/${name}@${version}${distro}`,
        foundBy: 'line-db-cataloger',
        locations: [file.path]
      }))
  }
}

function image(arch: string): BuiltImage {
  return buildImage(
    [
      {
        compression: 'gzip',
        entries: [
          {
            type: 'file',
            path: 'etc/os-release',
            data: 'ID=synthetic\nVERSION_ID="1.0"\nPRETTY_NAME="Synthetic 1"\n'
          },
          { type: 'file', path: 'var/lib/db/pkgdb', data: `base 1\nshared 2\narch-${arch} 1\n` },
          { type: 'file', path: 'opt/old/pkgdb', data: 'removed 9\n' }
        ]
      },
      {
        compression: 'zstd',
        entries: [
          { type: 'file', path: 'opt/.wh.old', data: '' },
          { type: 'file', path: 'var/lib/db/pkgdb', data: `base 1\nshared 2\narch-${arch} 1\nadded 3\n` }
        ]
      },
      { compression: 'none', entries: [{ type: 'file', path: 'srv/app/pkgdb', data: 'app 7\n' }] },
      // Over 1 MiB compressed, so registry reads of it take the HTTP client's bulk path.
      {
        compression: 'gzip',
        entries: [{ type: 'file', path: 'srv/data/blob.bin', data: randomBytes(1536 * 1024) }]
      }
    ],
    { os: 'linux', architecture: arch },
    { 'org.opencontainers.image.title': 'synthetic' }
  )
}

async function tarOfDirectory(dir: string): Promise<Buffer> {
  const entries: SyntheticEntry[] = []
  const walk = async (rel: string): Promise<void> => {
    for (const d of await readdir(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${d.name}` : d.name
      if (d.isDirectory()) {
        entries.push({ type: 'dir', path })
        await walk(path)
      } else entries.push({ type: 'file', path, data: await readFile(join(dir, path)) })
    }
  }
  await walk('')
  return buildTar(entries)
}

type Summary = Array<[string, string, number | undefined]>
const summary = (pkgs: Package[]): Summary =>
  pkgs
    .map(p => [p.purl, p.locations.join(','), p.layer?.index] as [string, string, number | undefined])
    .sort()

describe('SBOM from every source', () => {
  const amd64 = image('amd64')
  const arm64 = image('arm64')
  let work: string
  let ref: string
  let crane: string
  const client = new RegistryClient()
  const gen = (source: string, platform?: string) =>
    generateSbom({
      source,
      format: 'cyclonedx-json',
      catalogers: [lineCataloger],
      ...(platform ? { platform } : {})
    })

  beforeAll(async () => {
    const bed = readBedState()
    crane = bed.tools.crane
    work = await mkdtemp(join(tmpdir(), 'sbom-sources-'))
    ref = `${bed.registries.referrers.host}/sbom/synthetic:v1`
    await pushImages(client, ref, [amd64, arm64])
  })
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true })
  })

  const expected: Summary = [
    ['pkg:test/added@3?distro=synthetic-1.0', '/var/lib/db/pkgdb', 1],
    ['pkg:test/app@7?distro=synthetic-1.0', '/srv/app/pkgdb', 2],
    ['pkg:test/arch-amd64@1?distro=synthetic-1.0', '/var/lib/db/pkgdb', 0],
    ['pkg:test/base@1?distro=synthetic-1.0', '/var/lib/db/pkgdb', 0],
    ['pkg:test/shared@2?distro=synthetic-1.0', '/var/lib/db/pkgdb', 0]
  ]

  it('reads the registry index, picking linux/amd64 by default and reporting the other platform', async () => {
    const result = await gen(ref)
    expect(summary(result.packages)).toEqual(expected)
    expect(result.platform).toBe('linux/amd64')
    expect(result.otherPlatforms).toEqual(['linux/arm64'])
    expect(result.manifestDigest).toBe(amd64.manifest.digest)
    const doc = result.document as { metadata: { component: { name: string; version: string } } }
    expect(doc.metadata.component).toMatchObject({ name: ref.replace(/:v1$/, ''), version: 'v1' })
    const arm = await gen(ref, 'linux/arm64')
    expect(arm.packages.map(p => p.name)).toContain('arch-arm64')
    await expect(gen(ref, 'linux/s390x')).rejects.toMatchObject({
      code: 'SBOM_PLATFORM_NOT_FOUND',
      message: expect.stringMatching(/linux\/amd64, linux\/arm64/)
    })
  })

  it('reads a layer again when the registry breaks off in the middle of it, small or bulk read', async () => {
    const bed = readBedState()
    const small = amd64.layerDigests[1]!
    const large = amd64.layerDigests[3]!
    expect(amd64.blobs.get(large)!.length).toBeGreaterThan(1024 * 1024)
    const front = await startLossyFront(`http://${bed.registries.referrers.host}`, {
      method: 'GET',
      path: new RegExp(`/blobs/(${small}|${large})$`),
      times: 2,
      cut: 'mid-body'
    })
    try {
      const result = await gen(`${new URL(front.url).host}/sbom/synthetic:v1`)
      expect(summary(result.packages)).toEqual(expected)
      const broke = (index: number, digest: string) =>
        expect.stringMatching(
          new RegExp(
            `layer ${index} \\(${digest}\\): .*the connection to .* broke after \\d+ of \\d+ bytes.*; reading it again \\(attempt 2\\)`
          )
        )
      expect(result.warnings).toHaveLength(2)
      expect(result.warnings).toEqual(expect.arrayContaining([broke(1, small), broke(3, large)]))
      for (const digest of [small, large])
        expect(front.seen.filter(s => s.path.endsWith(digest)).map(s => s.dropped)).toEqual([true, false])
    } finally {
      await front.close()
    }
  })

  it('gives the same packages from an OCI layout (ours and crane pull --format=oci) and docker save archives', async () => {
    const ours = join(work, 'layout')
    await writeOciLayout(ours, [amd64, arm64])
    const craneLayout = join(work, 'crane-layout')
    await run(crane, ['pull', '--format=oci', '--platform=linux/amd64', ref, craneLayout])
    const legacy = join(work, 'legacy.tar')
    await writeFile(legacy, legacyDockerSave(amd64, 'sbom/synthetic:v1'))
    const craneTar = join(work, 'crane.tar')
    await run(crane, ['pull', '--format=tarball', '--platform=linux/amd64', ref, craneTar])
    // An OCI layout inside a tar (skopeo oci-archive, `docker save` of containerd-store images).
    const layoutTar = join(work, 'layout.tar')
    await writeFile(layoutTar, await tarOfDirectory(craneLayout))
    const sources = [
      `oci-layout:${ours}`,
      `oci-layout:${craneLayout}`,
      `docker-archive:${legacy}`,
      `docker-archive:${craneTar}`,
      `docker-archive:${layoutTar}`
    ]
    for (const source of sources) {
      const result = await gen(source)
      expect({ source, packages: summary(result.packages) }).toEqual({ source, packages: expected })
      expect(result.platform).toBe('linux/amd64')
    }
    await expect(gen(`docker-archive:${legacy}`, 'linux/arm64')).rejects.toMatchObject({
      code: 'SBOM_PLATFORM_NOT_FOUND',
      message: expect.stringMatching(/holds a linux\/amd64 image, not linux\/arm64/)
    })
    const fromLegacy = await gen(`docker-archive:${legacy}`)
    const fromRegistry = await gen(ref)
    expect(fromLegacy.packages.map(p => p.layer?.diffId)).toEqual(
      fromRegistry.packages.map(p => p.layer?.diffId)
    )
    expect(
      (fromLegacy.document as { metadata: { component: { name: string } } }).metadata.component.name
    ).toBe('sbom/synthetic')
  })

  it('refuses a layout blob that does not match its digest, naming the blob', async () => {
    const dir = join(work, 'tampered')
    await writeOciLayout(dir, [amd64])
    const layer = amd64.layerDigests[2]!
    await writeFile(join(dir, 'blobs', 'sha256', layer.slice(7)), Buffer.from('not the layer'))
    await expect(gen(`oci-layout:${dir}`)).rejects.toMatchObject({
      code: 'SBOM_DIGEST_MISMATCH',
      message: expect.stringContaining(layer)
    })
  })

  it('reports a missing image and a non-layout directory with clear errors', async () => {
    await expect(gen(ref.replace(':v1', ':absent'))).rejects.toMatchObject({ code: 'SBOM_BAD_SOURCE' })
    await expect(gen(`oci-layout:${work}`)).rejects.toMatchObject({
      code: 'SBOM_BAD_SOURCE',
      message: expect.stringMatching(/no index\.json/)
    })
    const notTar = join(work, 'not.tar')
    await writeFile(notTar, 'hello')
    await expect(gen(`docker-archive:${notTar}`)).rejects.toMatchObject({
      code: expect.stringMatching(/SBOM_BAD_ARCHIVE/)
    })
  })

  it('leaves no temp files behind', async () => {
    const dir = join(work, 'layout2')
    await cp(join(work, 'layout'), dir, { recursive: true }).catch(() => writeOciLayout(dir, [amd64]))
    const before = (await readdir(tmpdir())).filter(n => n.startsWith('oci-attest-sbom-')).length
    await generateSbom({
      source: `oci-layout:${dir}`,
      format: 'spdx-json',
      catalogers: [lineCataloger],
      limits: { maxBufferedFileBytes: 8 }
    })
    expect((await readdir(tmpdir())).filter(n => n.startsWith('oci-attest-sbom-')).length).toBe(before)
  })
})
