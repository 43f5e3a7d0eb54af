// The registry benchmarks push to: a distribution registry of our own (the bed's kind) on
// 127.0.0.1:5102 (BENCH_REGISTRY_PORT to run beside another tree's bench) with storage under
// .testbed/bench, or with BENCH_REGISTRY=bed the running test bed's (a Jest run's bed stops with the
// run, which breaks a long benchmark midway).
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readBedState } from '../../test/bed/state.js'
import { BENCH_DIR } from './paths.js'

export interface BenchRegistry {
  host: string
  stop(): void
}

async function waitUp(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).status < 500) return
    } catch {
      // not listening yet
    }
    await new Promise(r => setTimeout(r, 100))
  }
  throw new Error(`registry at ${url} did not come up`)
}

export async function benchRegistry(): Promise<BenchRegistry> {
  if (process.env.BENCH_REGISTRY === 'bed') {
    return { host: readBedState().registries.distribution.host, stop: () => undefined }
  }
  const port = Number(process.env.BENCH_REGISTRY_PORT ?? 5102)
  const dir = join(BENCH_DIR, 'registry')
  mkdirSync(dir, { recursive: true })
  const config = join(dir, 'config.yml')
  writeFileSync(
    config,
    `version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, 'data')}\n  delete:\n    enabled: true\nhttp:\n  addr: 127.0.0.1:${port}\nlog:\n  level: error\n`
  )
  const child: ChildProcess = spawn('/usr/bin/docker-registry', ['serve', config], { stdio: 'ignore' })
  await waitUp(`http://127.0.0.1:${port}/v2/`)
  return { host: `127.0.0.1:${port}`, stop: () => child.kill() }
}
