// A registry is ready when GET /v2/ answers at all (200, or 401 when it wants credentials).
import type { TiedChild } from './tied-child.js'
import { readFile } from 'node:fs/promises'

export class RegistryStartError extends Error {
  readonly code = 'TESTBED_REGISTRY_START'
  constructor(
    message: string,
    options?: { cause?: unknown },
    /** The server process ended before answering (e.g. its port was taken meanwhile). */
    readonly childExited = false
  ) {
    super(message, options)
  }
}

async function logTail(file: string): Promise<string> {
  const text = await readFile(file, 'utf8').catch(() => '')
  return text.trimEnd().split('\n').slice(-20).join('\n')
}

export async function waitForV2(
  host: string,
  child: TiedChild,
  logFile: string,
  timeoutMs = 20000
): Promise<void> {
  await waitForAnswer(`registry "${child.name}"`, `http://${host}/v2/`, [200, 401], child, logFile, timeoutMs)
}

/** Polls GET `url` until it answers one of `statuses`; the child ending first is a start failure. */
export async function waitForAnswer(
  what: string,
  url: string,
  statuses: number[],
  child: TiedChild,
  logFile: string,
  timeoutMs = 20000
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  while (Date.now() < deadline) {
    if (!child.isRunning()) {
      throw new RegistryStartError(
        `${what} ${await child.exited} before answering GET ${url}; ${logFile}:\n${await logTail(logFile)}`,
        undefined,
        true
      )
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) })
      await res.arrayBuffer()
      if (statuses.includes(res.status)) return
      lastError = new Error(`GET ${url} answered ${res.status}`)
    } catch (err) {
      lastError = err
    }
    await new Promise(r => setTimeout(r, 100))
  }
  throw new RegistryStartError(
    `${what} did not answer GET ${url} within ${timeoutMs} ms; ${logFile}:\n${await logTail(logFile)}`,
    { cause: lastError }
  )
}
