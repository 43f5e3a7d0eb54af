// The `sbom` command end to end with the real catalogers: output, progress, errors and exit codes.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { parseSize, runSbomCommand } from '../../../src/cli/sbom.js'
import { buildImage, writeOciLayout } from '../../fixtures/sbom/build-synthetic-image.js'

const STATUS = `Package: base-files
Status: install ok installed
Priority: required
Section: admin
Installed-Size: 341
Maintainer: Santiago Vila <sanvila@debian.org>
Architecture: amd64
Version: 12.4+deb12u9
Description: Debian base system miscellaneous files

`

async function cli(argv: string[]) {
  const out = new PassThrough()
  const err = new PassThrough()
  const chunks = { out: [] as Buffer[], err: [] as Buffer[] }
  out.on('data', (c: Buffer) => chunks.out.push(c))
  err.on('data', (c: Buffer) => chunks.err.push(c))
  const code = await runSbomCommand(argv, { stdout: out, stderr: err })
  return { code, stdout: Buffer.concat(chunks.out).toString(), stderr: Buffer.concat(chunks.err).toString() }
}

describe('oci-attest sbom', () => {
  let dir: string
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sbom-cli-'))
    const image = buildImage([
      {
        compression: 'gzip',
        entries: [
          {
            type: 'file',
            path: 'etc/os-release',
            data: 'ID=debian\nVERSION_ID="12"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\n'
          },
          { type: 'file', path: 'var/lib/dpkg/status', data: STATUS }
        ]
      }
    ])
    await writeOciLayout(join(dir, 'layout'), [image], 'v1')
  })
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('writes CycloneDX to stdout with progress on stderr', async () => {
    const r = await cli([`oci-layout:${join(dir, 'layout')}`])
    expect(r.code).toBe(0)
    const doc = JSON.parse(r.stdout)
    expect(doc.bomFormat).toBe('CycloneDX')
    const purls = doc.components.map((c: { purl?: string }) => c.purl)
    expect(purls).toContain('pkg:deb/debian/base-files@12.4%2Bdeb12u9?arch=amd64&distro=debian-12')
    expect(r.stderr).toMatch(/layers 1\/1/)
    expect(r.stderr).toMatch(/1 packages in linux\/amd64/)
  })

  it('applies --max-layer-size as the decompression-bomb cap', async () => {
    const r = await cli([`oci-layout:${join(dir, 'layout')}`, '--max-layer-size', '1K'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(
      /SBOM_LAYER_TOO_LARGE: layer 0 \(sha256:[0-9a-f]{64}\) expands beyond 1024 bytes/
    )
    expect(parseSize('64G')).toBe(64 * 1024 ** 3)
    expect(parseSize('512KiB')).toBe(512 * 1024)
    expect(parseSize('0')).toBeUndefined()
  })

  it('--include-files adds one file component per file read, with its SHA-256, the same on every run', async () => {
    const run = async () => {
      const r = await cli([`oci-layout:${join(dir, 'layout')}`, '--include-files', '--quiet'])
      expect(r.code).toBe(0)
      const doc = JSON.parse(r.stdout) as {
        components: Array<{
          type: string
          name: string
          'bom-ref'?: string
          hashes?: Array<{ content: string }>
        }>
      }
      return doc.components.filter(c => c.type === 'file')
    }
    const files = await run()
    const status = files.filter(f => f.name === '/var/lib/dpkg/status')
    expect(status).toHaveLength(1)
    expect(status[0]!.hashes?.map(h => h.content)).toEqual([
      createHash('sha256').update(STATUS).digest('hex')
    ])
    expect((await run()).map(f => f['bom-ref'])).toEqual(files.map(f => f['bom-ref']))
  })

  it('writes SPDX to a file with --output', async () => {
    const file = join(dir, 'out.spdx.json')
    const r = await cli([
      `oci-layout:${join(dir, 'layout')}`,
      '--format',
      'spdx-json',
      '--output',
      file,
      '--quiet'
    ])
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' })
    const doc = JSON.parse(await readFile(file, 'utf8'))
    expect(doc.spdxVersion).toBe('SPDX-2.3')
    expect(doc.packages.map((p: { name: string }) => p.name)).toContain('base-files')
  })

  it('exits 2 on a bad command line and 1 on an unreadable image, with one clear line', async () => {
    const bad = await cli([`oci-layout:${dir}`, '--format', 'xml'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toMatch(/--format "xml" is not one of cyclonedx-json, spdx-json/)
    expect((await cli([])).code).toBe(2)
    const missing = await cli([`oci-layout:${join(dir, 'nope')}`])
    expect(missing.code).toBe(1)
    expect(missing.stderr.trim().split('\n')).toHaveLength(1)
    expect(missing.stderr).toMatch(/^oci-attest sbom: SBOM_BAD_SOURCE: .*nope is not an OCI image layout/)
    const size = await cli([`oci-layout:${join(dir, 'layout')}`, '--max-layer-size', 'lots'])
    expect(size.code).toBe(2)
    expect(size.stderr).toMatch(/--max-layer-size "lots" is not a size/)
    const debug = await cli([`oci-layout:${join(dir, 'nope')}`, '--debug'])
    expect(debug.stderr).toMatch(/\n\s+at /)
  })
})
