// Jest global setup: starts one test bed per run (its own directory, so parallel runs never share
// storage), waits for its state.json and hands the path to suites through OCI_ATTEST_BED_STATE.
// Node built-ins only: Jest loads this file natively, outside its module mapping, so `./x.js` imports of
// our .ts files would not resolve here.
import { spawn } from 'node:child_process'
import { openSync, closeSync } from 'node:fs'
import { mkdir, readFile, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'

const START_TIMEOUT_MS = 90_000

export interface StartedBed {
  pid: number
  dir: string
}
declare global {
  var __OCI_ATTEST_BED__: StartedBed | undefined
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Removes run directories whose Jest process is gone (their bed stopped when its stdin closed). */
async function removeStaleRuns(runsDir: string): Promise<void> {
  for (const entry of await readdir(runsDir).catch(() => [] as string[])) {
    if (/^\d+$/.test(entry) && !alive(Number(entry)))
      await rm(join(runsDir, entry), { recursive: true, force: true })
  }
}

async function runningBed(statePath: string): Promise<boolean> {
  const text = await readFile(statePath, 'utf8').catch(() => '')
  const pid = text ? (JSON.parse(text) as { pid?: unknown }).pid : undefined
  return typeof pid === 'number' && alive(pid)
}

class BedStartError extends Error {
  readonly code = 'TESTBED_START_FAILED'
}

async function tailOf(file: string, lines = 30): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '(empty)')
  return text.trimEnd().split('\n').slice(-lines).join('\n')
}

export default async function globalSetup(globalConfig: { rootDir: string }): Promise<void> {
  // A bed started by hand (start.ts --keep-running) and exported is reused as it is.
  const given = process.env.OCI_ATTEST_BED_STATE
  if (given && (await runningBed(given))) return
  const root = globalConfig.rootDir
  const runsDir = join(root, '.testbed', 'runs')
  await removeStaleRuns(runsDir)
  const dir = join(runsDir, String(process.pid))
  await rm(dir, { recursive: true, force: true })
  await mkdir(dir, { recursive: true })
  const stderrPath = join(dir, 'bed.stderr')
  const stderr = openSync(stderrPath, 'w')
  // process.execPath: the bed runs on the same Node 24 as Jest; stdin is a pipe whose end stops the bed.
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'test/bed/start.ts'), '--dir', dir, '--exit-on-stdin-eof'],
    { cwd: root, detached: true, stdio: ['pipe', 'ignore', stderr] }
  )
  closeSync(stderr)
  child.stdin?.on('error', () => {})
  const pid = child.pid ?? -1
  let exit: string | undefined
  child.on('exit', (code, signal) => (exit = signal ? `was killed by ${signal}` : `exited with code ${code}`))
  child.unref()
  globalThis.__OCI_ATTEST_BED__ = { pid, dir }

  const statePath = join(dir, 'state.json')
  const deadline = Date.now() + START_TIMEOUT_MS
  for (;;) {
    const state = await readFile(statePath, 'utf8').catch(() => '')
    if (state && (JSON.parse(state) as { pid?: number }).pid === pid) break
    if (exit || Date.now() > deadline) {
      const why = exit ?? `did not write ${statePath} within ${START_TIMEOUT_MS / 1000}s`
      throw new BedStartError(
        `the test bed (node --import tsx test/bed/start.ts --dir ${dir}) ${why}.\n` +
          `--- ${join(dir, 'bed.log')} (tail):\n${await tailOf(join(dir, 'bed.log'))}\n` +
          `--- stderr:\n${await tailOf(stderrPath)}`
      )
    }
    await new Promise(r => setTimeout(r, 100))
  }
  process.env.OCI_ATTEST_BED_STATE = statePath
}
