// A given SBOM file's format is read from its content; an explicit sbom-format it contradicts fails clearly.
import { afterAll, describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadSbomFile } from '../../../../src/pipeline/run/sbom-step.js'

// Not the generator's spill prefix (oci-attest-sbom-): the layer tests count those to prove spills are removed.
const made: string[] = []
afterAll(() => Promise.all(made.map(dir => rm(dir, { recursive: true, force: true }))))

const spdxFile = async (): Promise<string> => {
  const dir = await mkdtemp(join(tmpdir(), 'sbom-file-format-test-'))
  made.push(dir)
  const path = join(dir, 'sbom.spdx.json')
  await writeFile(path, JSON.stringify({ spdxVersion: 'SPDX-2.3', SPDXID: 'SPDXRef-DOCUMENT', name: 'x' }))
  return path
}

describe('SBOM file format', () => {
  it('fails when sbom-format says CycloneDX and the file is SPDX, naming both and the fix', async () => {
    const path = await spdxFile()
    await expect(
      loadSbomFile({ sbom: { kind: 'file', path }, sbomFormat: 'cyclonedx-json', sbomFormatGiven: true })
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      input: 'sbom-format',
      message: expect.stringContaining(
        `is cyclonedx-json, but ${path} is spdx-json by its content (attested as https://spdx.dev/Document); set sbom-format: spdx-json`
      )
    })
  })

  it('attests the detected format when sbom-format was left at its default, or agrees', async () => {
    const path = await spdxFile()
    const unset = await loadSbomFile({
      sbom: { kind: 'file', path },
      sbomFormat: 'cyclonedx-json',
      sbomFormatGiven: false
    })
    expect(unset?.kind).toBe('spdx')
    const agreeing = await loadSbomFile({
      sbom: { kind: 'file', path },
      sbomFormat: 'spdx-json',
      sbomFormatGiven: true
    })
    expect(agreeing?.predicateType).toBe('https://spdx.dev/Document')
  })
})
