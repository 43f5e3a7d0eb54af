// Starts the test bed (registries + local Sigstore stack), writes <dir>/state.json, and runs until SIGTERM/SIGINT.
//   node --import tsx test/bed/start.ts [--dir .testbed] [--profile full|demo] [--real-sigstore] [--real-fulcio]
//     [--keep-running] [--exit-on-stdin-eof]
// The demo profile starts one distribution registry and the Node Sigstore stack: nothing it needs is built with Go,
// unless --real-sigstore adds rekor-tiles and timestamp-authority, and --real-fulcio those and Fulcio with its CT
// log (all always there in the full profile).
import { createWriteStream, type WriteStream } from 'node:fs'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { startDemoRegistries, startRegistries, type RunningRegistries } from './registries/index.js'
import { killNow } from './registries/tied-child.js'
import type { BedProfile, BedState } from './state.js'
import { printSummary } from './tools/bed-summary.js'
import { TESTBED_DIR } from './tools/paths.js'
import {
  COSIGN_V2,
  COSIGN_V3,
  CRANE,
  GH,
  KYVERNO,
  ORAS,
  POLICY_TESTER,
  SIGSTORE_PYTHON,
  TUF_INIT
} from './tools/pins.js'
import { startSigstore, type RunningSigstore } from './tools/sigstore-loader.js'

const args = process.argv.slice(2)
const flag = (name: string) => args.includes(name)
const dirArg = args[args.indexOf('--dir') + 1]
const dir = resolve(args.includes('--dir') && dirArg ? dirArg : TESTBED_DIR)
const statePath = join(dir, 'state.json')
const profileArg = args[args.indexOf('--profile') + 1]
const profile: BedProfile = args.includes('--profile') && profileArg === 'demo' ? 'demo' : 'full'

let log: WriteStream | undefined
const say = (line: string) => {
  const text = `${new Date().toISOString()} ${line}\n`
  log?.write(text)
  if (flag('--keep-running')) process.stdout.write(text)
}

let registries: RunningRegistries | undefined
let sigstore: RunningSigstore | undefined
let stopping = false

async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true
    say('stopping')
    await Promise.allSettled([registries?.close(), sigstore?.close()])
    // Only remove the state if it is still ours (a newer bed may have replaced it).
    const current = await readFile(statePath, 'utf8').catch(() => '')
    if (current.includes(`"pid": ${process.pid},`)) await rm(statePath, { force: true })
    say('stopped')
    await new Promise<void>(r => (log ? log.end(r) : r()))
  }
  process.exit(code)
}

async function main(): Promise<void> {
  await mkdir(dir, { recursive: true })
  // Fresh storage on every start: nothing a previous run pushed or logged can leak into this one.
  await Promise.all(
    ['registries', 'sigstore', 'tmp', 'state.json'].map(p =>
      rm(join(dir, p), { recursive: true, force: true })
    )
  )
  log = createWriteStream(join(dir, 'bed.log'), { flags: 'w' })
  process.on('exit', () => killNow([...(registries?.children ?? []), ...(sigstore?.children ?? [])]))
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => void stop(0))
  if (flag('--exit-on-stdin-eof')) {
    process.stdin.on('end', () => void stop(0)).on('error', () => void stop(0))
    process.stdin.resume()
  }

  const started = Date.now()
  say(`starting the test bed (${profile}) in ${dir} (pid ${process.pid})`)
  const [regs, sig] = await Promise.allSettled([
    (profile === 'demo' ? startDemoRegistries : startRegistries)(join(dir, 'registries')),
    startSigstore(join(dir, 'sigstore'), say, {
      realServers: profile === 'full' || flag('--real-sigstore') || flag('--real-fulcio'),
      realFulcio: profile === 'full' || flag('--real-fulcio')
    })
  ])
  if (regs.status === 'fulfilled') registries = regs.value
  if (sig.status === 'fulfilled') sigstore = sig.value
  if (regs.status === 'rejected') throw regs.reason
  if (sig.status === 'rejected') throw sig.reason

  const state: BedState = {
    pid: process.pid,
    dir,
    profile,
    registries: registries!.registries,
    sigstore: sigstore!.state,
    tools: {
      cosignV2: COSIGN_V2.path,
      cosignV3: COSIGN_V3.path,
      sigstorePython: SIGSTORE_PYTHON.python,
      crane: CRANE.path,
      gh: GH.path,
      policyTester: POLICY_TESTER.path,
      kyverno: KYVERNO.path,
      oras: ORAS.path,
      tufInit: TUF_INIT.path
    }
  }
  const tmp = `${statePath}.tmp-${process.pid}`
  await writeFile(tmp, JSON.stringify(state, null, 2) + '\n', { mode: 0o600 })
  await rename(tmp, statePath)
  say(`ready in ${Date.now() - started} ms: ${statePath}`)
  if (flag('--keep-running')) printSummary(state, statePath)
}

process.on('uncaughtException', err => {
  say(`fatal: ${err.stack ?? err.message}`)
  process.stderr.write(`test bed: ${err.message}\n`)
  void stop(1)
})

main().catch((err: unknown) => {
  const text = err instanceof Error ? (err.stack ?? err.message) : String(err)
  say(`failed to start: ${text}`)
  process.stderr.write(`test bed failed to start: ${err instanceof Error ? err.message : text}\n`)
  void stop(1)
})
