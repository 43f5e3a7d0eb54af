// The real catalogers over a real distroless-style tree (status.d from real .debs) split into layers:
// whiteouts remove packages, later layers add them, and each package is credited to its layer.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { generateSbom } from '../../../src/sbom/index.js'
import { FIXTURES } from '../../fixtures/sbom/index.js'
import { imageFromDiffs, writeOciLayout } from '../../fixtures/sbom/build-synthetic-image.js'
import { buildTar } from '../../fixtures/sbom/build-synthetic-tar.js'

const run = promisify(execFile)

describe('real catalogers across layers', () => {
  let work: string
  let rootfs: string
  beforeAll(async () => {
    rootfs = await FIXTURES['distroless']!()
    work = await mkdtemp(join(tmpdir(), 'sbom-real-'))
  }, 600_000)
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true })
  })

  it('applies whiteouts to status.d packages and credits each package to the layer that added it', async () => {
    // Layer 0: the tree without libssl3; layer 1: libssl3 added, libgomp1 whited out.
    const { stdout: base } = await run(
      'tar',
      ['--numeric-owner', '-C', rootfs, '--exclude=./var/lib/dpkg/status.d/libssl3*', '-cf', '-', '.'],
      {
        encoding: 'buffer',
        maxBuffer: 512 * 1024 * 1024
      }
    )
    const statusd = join(rootfs, 'var/lib/dpkg/status.d')
    const upper = buildTar([
      { type: 'file', path: 'var/lib/dpkg/status.d/libssl3', data: await readFile(join(statusd, 'libssl3')) },
      {
        type: 'file',
        path: 'var/lib/dpkg/status.d/libssl3.md5sums',
        data: await readFile(join(statusd, 'libssl3.md5sums'))
      },
      { type: 'file', path: 'var/lib/dpkg/status.d/.wh.libgomp1', data: '' }
    ])
    const full = await generateFrom([base, upper])
    const names = full.packages.filter(p => p.type === 'deb').map(p => `${p.name}@${p.layer?.index}`)
    expect(names).toContain('libssl3@1')
    expect(names).toContain('libc6@0')
    expect(names.some(n => n.startsWith('libgomp1@'))).toBe(false)
    const ssl = full.packages.find(p => p.name === 'libssl3')!
    expect(ssl.purl).toMatch(/^pkg:deb\/debian\/libssl3@[^?]+\?arch=amd64&distro=debian-12/)
    expect(ssl.files?.length ?? 0).toBeGreaterThan(0)
    for (const w of full.warnings) expect(w).not.toMatch(/layer/)
  })

  async function generateFrom(diffs: Buffer[]) {
    const dir = join(work, `layout-${Date.now()}`)
    await writeOciLayout(dir, [
      imageFromDiffs(diffs.map((diff, i) => ({ diff, compression: i % 2 ? 'zstd' : 'gzip' })))
    ])
    return generateSbom({ source: `oci-layout:${dir}`, format: 'cyclonedx-json' })
  }
})
