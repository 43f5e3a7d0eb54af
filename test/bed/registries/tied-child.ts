// Starts a server as a child that cannot outlive the bed: it runs in its own process group (stop kills the
// group) under a shell watchdog that kills it when the bed's end of its stdin pipe closes, even on SIGKILL.
import { spawn, type ChildProcess } from 'node:child_process'
import { openSync, closeSync } from 'node:fs'

// "$@" runs the server with stdin from /dev/null; the subshell waits for EOF on our pipe (fd 3: sh gives
// background lists /dev/null as stdin unless redirected explicitly), then kills it.
const WATCHDOG =
  'exec 3<&0; "$@" </dev/null & server=$!; (cat <&3 >/dev/null; kill -TERM $server 2>/dev/null) & ' +
  "trap 'kill -TERM $server 2>/dev/null' TERM INT; wait $server; status=$?; exit $status"

export interface TiedChild {
  name: string
  pid: number
  /** Resolves with the exit code (or signal) when the child ends. */
  exited: Promise<string>
  isRunning(): boolean
  stop(): Promise<void>
}

export function startTiedChild(
  name: string,
  command: string,
  args: string[],
  opts: { logFile: string; cwd?: string; env?: NodeJS.ProcessEnv }
): TiedChild {
  const log = openSync(opts.logFile, 'a')
  const child: ChildProcess = spawn('sh', ['-c', WATCHDOG, 'sh', command, ...args], {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    detached: true,
    stdio: ['pipe', log, log]
  })
  closeSync(log)
  child.stdin?.on('error', () => {})
  let running = true
  const exited = new Promise<string>(resolve => {
    child.on('error', err => {
      running = false
      resolve(`could not start: ${err.message}`)
    })
    child.on('exit', (code, signal) => {
      running = false
      resolve(signal ? `killed by ${signal}` : `exited with code ${code}`)
    })
  })
  const pid = child.pid ?? -1
  return {
    name,
    pid,
    exited,
    isRunning: () => running,
    async stop() {
      if (!running) return
      try {
        process.kill(-pid, 'SIGTERM')
      } catch {
        return
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-pid, 'SIGKILL')
        } catch {
          // already gone
        }
      }, 5000)
      await exited
      clearTimeout(timer)
    }
  }
}

/** Kills the process groups synchronously, for `process.on('exit')` where nothing async runs. */
export function killNow(children: TiedChild[]): void {
  for (const c of children) {
    if (!c.isRunning()) continue
    try {
      process.kill(-c.pid, 'SIGKILL')
    } catch {
      // already gone
    }
  }
}
