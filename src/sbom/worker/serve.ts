// The worker side: when this thread was started to generate an SBOM, do it and answer through messages.
import { isMainThread, parentPort, workerData } from 'node:worker_threads'
import type { Credential, CredentialProvider } from '../../oci/auth/credentials.js'
import { SBOM_WORKER_KIND, type FromWorker, type ToWorker, type WorkerData } from './protocol.js'
import { generateWith, setSbomWorkerEntry } from './run-isolated.js'

/**
 * Called first by each entry point with its own URL. In an SBOM worker it runs the job and returns true
 * (the entry must then do nothing else); otherwise it registers the entry for future workers.
 */
export async function enterSbomWorker(entryUrl: string): Promise<boolean> {
  const data = workerData as Partial<WorkerData> | undefined
  if (isMainThread || !parentPort || data?.kind !== SBOM_WORKER_KIND || !data.options) {
    if (isMainThread) setSbomWorkerEntry(new URL(entryUrl))
    return false
  }
  const port = parentPort
  const send = (message: FromWorker): void => port.postMessage(message)
  const pending = new Map<number, { resolve(c: Credential | undefined): void; reject(e: Error): void }>()
  let nextId = 0
  port.on('message', (message: ToWorker) => {
    const waiter = pending.get(message.id)
    if (!waiter) return
    pending.delete(message.id)
    if (message.error) waiter.reject(new Error(message.error))
    else waiter.resolve(message.credential)
  })
  const credentials: CredentialProvider = {
    get: registry =>
      new Promise((resolve, reject) => {
        const id = nextId++
        pending.set(id, { resolve, reject })
        send({ type: 'credential-request', id, registry })
      })
  }
  try {
    const result = await generateWith(data.options, {
      credentials,
      onProgress: progress => send({ type: 'progress', progress }),
      onWarning: message => send({ type: 'warning', message })
    })
    const { document: _document, ...rest } = result
    send({ type: 'result', result: rest })
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err))
    const code = (e as { code?: unknown }).code
    send({
      type: 'error',
      error: { name: e.name, message: e.message, ...(typeof code === 'string' ? { code } : {}) }
    })
  } finally {
    port.close()
  }
  return true
}
