// Runs a command under /usr/bin/time -v and reads its wall time and peak RSS.
import { spawn } from 'node:child_process'

export interface Measured {
  wallSeconds: number
  peakRssMiB: number
  /** User + system CPU seconds: steadier than wall time on a shared machine. */
  cpuSeconds: number
  exitCode: number
  stderr: string
}

function wallClock(text: string): number {
  const m = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(text)
  if (!m) return NaN
  return Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3])
}

function seconds(text: string, label: string): number {
  const m = new RegExp(`${label} \\(seconds\\): ([\\d.]+)`).exec(text)
  return m ? Number(m[1]) : NaN
}

export function measure(cmd: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const child = spawn('/usr/bin/time', ['-v', cmd, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let stderr = ''
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('error', reject)
    child.on('close', code => {
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)
      resolve({
        wallSeconds: wallClock(stderr),
        peakRssMiB: rss ? Number(rss[1]) / 1024 : NaN,
        cpuSeconds: seconds(stderr, 'User time') + seconds(stderr, 'System time'),
        exitCode: code ?? -1,
        stderr
      })
    })
  })
}
