// Runs the SBOM generator on a worker thread with a small young generation: socket and zlib buffers are
// short-lived and live outside the V8 heap, and frequent scavenges free them before they pile up into
// full mark-compacts (1.6 GiB bench image: ~11% less wall time, ~5% less peak RSS; bench/sbom/README.md).
import v8 from 'node:v8'
import { Worker } from 'node:worker_threads'
import type { CredentialProvider } from '../../oci/auth/credentials.js'
import { RegistryClient } from '../../oci/index.js'
import { generateSbom, type GenerateSbomResult } from '../index.js'
import type { ScanProgress } from '../layers/scan.js'
import {
  SBOM_WORKER_KIND,
  type FromWorker,
  type IsolatedSbomOptions,
  type ToWorker,
  type WorkerData
} from './protocol.js'

/** Young generation of the worker (MiB): three semi-spaces' worth, i.e. 1 MiB semi-spaces. */
const YOUNG_GENERATION_MB = 3

/**
 * Old generation the worker's heap may reach before its first full GC (MiB). Layer buffers outlive a few
 * scavenges and are promoted; a small heap's old-generation limit then started a mark-compact every
 * ~15 MiB of layer data (70 on the 1.6 GiB bench image, 1.1 s of CPU); with this start, 4.
 */
const OLD_GENERATION_START_MB = 64

let workerEntry: { url: URL; execArgv: string[] } | undefined

/** Entry points register the script a worker starts from (the bundle itself, or a TypeScript entry). */
export function setSbomWorkerEntry(url: URL, execArgv: string[] = []): void {
  workerEntry = { url, execArgv }
}

export interface IsolatedSbomHooks {
  credentials?: CredentialProvider
  onProgress?(progress: ScanProgress): void
  onWarning?(message: string): void
}

/** The generator in this thread, with a registry client of its own: the fallback here, the job in a worker. */
export function generateWith(
  options: IsolatedSbomOptions,
  hooks: IsolatedSbomHooks
): Promise<GenerateSbomResult> {
  return generateSbom({
    ...options,
    registry: new RegistryClient(hooks.credentials ? { credentials: hooks.credentials } : {}),
    ...(hooks.onProgress ? { onProgress: hooks.onProgress } : {}),
    ...(hooks.onWarning ? { onWarning: hooks.onWarning } : {})
  })
}

/** generateSbom on a worker thread when an entry point registered one, else in this thread. */
export async function generateSbomIsolated(
  options: IsolatedSbomOptions,
  hooks: IsolatedSbomHooks = {}
): Promise<GenerateSbomResult> {
  if (!workerEntry) return generateWith(options, hooks)
  const data: WorkerData = { kind: SBOM_WORKER_KIND, options }
  // Read when the worker's heap is configured, so it applies to the worker only (see OLD_GENERATION_START_MB).
  v8.setFlagsFromString(`--initial-old-space-size=${OLD_GENERATION_START_MB}`)
  const worker = new Worker(workerEntry.url, {
    workerData: data,
    execArgv: workerEntry.execArgv,
    resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    stdout: false,
    stderr: false
  })
  return new Promise<GenerateSbomResult>((resolve, reject) => {
    let settled = false
    const settle = (fn: () => void): void => {
      if (settled) return
      settled = true
      fn()
    }
    const reply = (message: ToWorker): void => worker.postMessage(message)
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'progress':
          hooks.onProgress?.(message.progress)
          break
        case 'warning':
          hooks.onWarning?.(message.message)
          break
        case 'credential-request':
          // Credentials stay in this thread's provider; the worker asks per registry host.
          ;(hooks.credentials?.get(message.registry) ?? Promise.resolve(undefined)).then(
            credential =>
              reply({ type: 'credential', id: message.id, ...(credential ? { credential } : {}) }),
            (err: unknown) =>
              reply({
                type: 'credential',
                id: message.id,
                error: err instanceof Error ? err.message : String(err)
              })
          )
          break
        case 'result':
          settle(() =>
            resolve({
              ...message.result,
              document: JSON.parse(message.result.serialized) as Record<string, unknown>
            })
          )
          break
        case 'error':
          settle(() => reject(Object.assign(new Error(message.error.message), message.error)))
          break
      }
    })
    worker.on('error', err =>
      settle(() => reject(new Error(`the SBOM worker failed: ${err.message}`, { cause: err })))
    )
    worker.on('exit', code =>
      settle(() =>
        reject(new Error(`the SBOM worker stopped (exit code ${code}) before it produced an SBOM`))
      )
    )
  }).finally(() => void worker.terminate())
}
