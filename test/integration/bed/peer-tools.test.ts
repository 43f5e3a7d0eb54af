import { describe, expect, it } from '@jest/globals'
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { readBedState } from '../../bed/state.js'

const exec = promisify(execFile)
const state = readBedState()

describe('pinned peer tools installed by test/bed/install.ts', () => {
  it.each([
    ['cosignV3', ['version'], /GitVersion:\s+v3\.1\.2$/m],
    ['cosignV2', ['version'], /GitVersion:\s+v2\.6\.4$/m],
    ['crane', ['version'], /^v0\.22\.1$/m],
    ['oras', ['version'], /^Version:\s+1\.3\.6$/m],
    ['sigstorePython', ['-m', 'sigstore', '--version'], /^sigstore 4\.5\.1$/m]
  ] as const)('%s reports its pinned version', async (tool, args, pattern) => {
    const { stdout, stderr } = await exec(state.tools[tool], [...args])
    expect(stdout + stderr).toMatch(pattern)
  })

  it('the installer is quiet and quick when everything is already there', async () => {
    const root = fileURLToPath(new URL('../../..', import.meta.url))
    const started = Date.now()
    const { stdout, stderr } = await exec(process.execPath, ['--import', 'tsx', 'test/bed/install.ts'], {
      cwd: root
    })
    expect(stdout).toBe('')
    expect(stderr).toBe('')
    expect(Date.now() - started).toBeLessThan(15_000)
  })
})
