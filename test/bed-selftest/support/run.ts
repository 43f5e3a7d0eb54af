// Runs a stock tool (cosign, sigstore-python, crane) and keeps its exit code and output for assertions.
import { execFile } from 'node:child_process'

export interface RunResult {
  code: number
  stdout: string
  stderr: string
}

export function runTool(
  file: string,
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 120_000
): Promise<RunResult> {
  return new Promise(resolve => {
    execFile(
      file,
      args,
      { env: { ...process.env, ...env }, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0
        resolve({ code, stdout: String(stdout), stderr: String(stderr) })
      }
    )
  })
}

/** Output worth showing when an expectation about a tool fails (tokens never appear in arguments we log). */
export const explain = (r: RunResult): string =>
  `exit ${r.code}\n${r.stderr.slice(-3000)}\n${r.stdout.slice(-1000)}`
