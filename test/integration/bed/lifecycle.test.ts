import { describe, expect, it } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BedState } from '../../bed/state.js'

const root = fileURLToPath(new URL('../../..', import.meta.url))

async function answers(host: string): Promise<boolean> {
  try {
    await fetch(`http://${host}/v2/`, { signal: AbortSignal.timeout(1000) })
    return true
  } catch {
    return false
  }
}

async function startBed(dir: string) {
  const bed = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/bed/start.ts', '--dir', dir, '--exit-on-stdin-eof'],
    {
      cwd: root,
      stdio: ['pipe', 'ignore', 'ignore']
    }
  )
  for (let i = 0; i < 300; i++) {
    const text = await readFile(join(dir, 'state.json'), 'utf8').catch(() => '')
    if (text) return { bed, state: JSON.parse(text) as BedState }
    await new Promise(r => setTimeout(r, 100))
  }
  bed.kill('SIGKILL')
  throw new Error(`bed in ${dir} did not start; see ${dir}/bed.log`)
}

async function allGone(hosts: string[]): Promise<boolean> {
  for (let i = 0; i < 100; i++) {
    if (!(await Promise.all(hosts.map(answers))).some(Boolean)) return true
    await new Promise(r => setTimeout(r, 100))
  }
  return false
}

describe('bed lifecycle: servers never outlive the bed', () => {
  it.each(['SIGTERM', 'SIGKILL'] as const)('after %s every registry port stops answering', async signal => {
    const dir = await mkdtemp(join(tmpdir(), 'oci-attest-bed-'))
    try {
      const { bed, state } = await startBed(dir)
      const hosts = Object.values(state.registries).map(r => r.host)
      expect((await Promise.all(hosts.map(answers))).every(Boolean)).toBe(true)
      bed.kill(signal)
      expect(await allGone(hosts)).toBe(true)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
