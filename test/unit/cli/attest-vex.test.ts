import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { runAttestCommand } from '../../../src/cli/attest.js'

const dir = mkdtempSync(join(tmpdir(), 'cli-vex-'))
const DOC = {
  '@context': 'https://openvex.dev/ns/v0.2.0',
  '@id': 'https://example.com/vex/1',
  author: 'NVIDIA',
  timestamp: '2026-11-30T10:00:00Z',
  version: 1,
  statements: [{ vulnerability: { name: 'CVE-2024-1234' }, status: 'fixed' }]
}
const write = (name: string, doc: object): string => {
  const path = join(dir, name)
  writeFileSync(path, JSON.stringify(doc))
  return path
}

async function attest(args: string[]): Promise<{ code: number; stderr: string }> {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  const err: Buffer[] = []
  stderr.on('data', (c: Buffer) => err.push(c))
  const code = await runAttestCommand(args, { stdout, stderr, env: {} })
  return { code, stderr: Buffer.concat(err).toString() }
}

describe('oci-attest attest --vex', () => {
  it('reads every --vex given (repeated or comma-separated) and reports a bad one as a usage error naming it', async () => {
    const good = write('good.json', DOC)
    const bad = write('bad.json', { ...DOC, version: 0 })
    const other = write('other.json', { ...DOC, '@id': 'https://example.com/vex/2' })
    const ref = `ghcr.io/o/app@sha256:${'1'.repeat(64)}`
    const r = await attest([ref, '--vex', `${good},${bad}`, '--vex', other])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(
      `oci-attest attest: --vex: ${bad}: $.version: must be an integer of at least 1, found 0`
    )
  })

  it('joins repeated --vex flags into one list (the same file twice is refused)', async () => {
    const good = write('twice.json', DOC)
    const r = await attest([`ghcr.io/o/app@sha256:${'1'.repeat(64)}`, '--vex', good, '--vex', good])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(`--vex: ${good}: $: is given twice; list each document once`)
  })
})
