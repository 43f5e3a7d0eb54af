// `npm run demo` end to end: its own one-registry bed, the action, verification, and a plain-text summary.
import { describe, expect, test } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { run } from '../bed/tools/run.js'
import { REPO_ROOT } from './support/action-runner.js'

describe('npm run demo', () => {
  test('attests an index and a chart, verifies them, and prints a terminal summary', async () => {
    const r = await run(process.execPath, ['--import', 'tsx', 'scripts/demo.ts'], {
      cwd: REPO_ROOT,
      env: { ...process.env, PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ''}` },
      timeoutMs: 600_000
    })
    expect({ code: r.code, stderr: r.code === 0 ? '' : r.stderr + r.stdout }).toEqual({ code: 0, stderr: '' })
    // A terminal shows no workflow commands and no raw Markdown/HTML; the Markdown goes to its own file.
    expect(r.stdout).not.toMatch(/^::|<details>|<\/?b>|```/m)
    expect(r.stdout).toMatch(/^── Plan: resolve subjects$/m)
    const summary = r.stdout.slice(r.stdout.indexOf('════ oci-attest demo ════'))
    expect(summary.split('\n').length).toBeLessThan(25)
    expect(summary).toMatch(/^ {2}index {2}\S+\/nvidia\/gpu-operator@sha256:/m)
    expect(summary).toMatch(/^ {2}chart {2}\S+\/nvidia\/charts\/gpu-operator@sha256:/m)
    expect(summary).toMatch(/Verified by oci-attest verify\S*.*: \d+ checks passed$/m)
    expect(summary).toContain('Verify it yourself')
    const markdown = await readFile(join(REPO_ROOT, '.testbed', 'demo', 'summary.md'), 'utf8')
    expect(markdown).toContain('<details>')
    const result = JSON.parse(await readFile(join(REPO_ROOT, 'demo-result.json'), 'utf8')) as {
      subjects: { kind: string; bundles: string[] }[]
    }
    expect(result.subjects.map(s => s.kind).sort()).toEqual(['chart', 'image', 'image', 'index'])
    expect(result.subjects.every(s => s.bundles.length >= 3)).toBe(true)
  }, 600_000)

  test('refuses an unknown option with the known ones', async () => {
    const r = await run(process.execPath, ['--import', 'tsx', 'scripts/demo.ts', '--with-cosgn'], {
      cwd: REPO_ROOT,
      timeoutMs: 60_000
    })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('unknown option --with-cosgn (known: --keep-running --with-cosign')
  })
})
