// Rekor v1 REST: create an entry, or fetch the one that already exists (409 + Location).
import { SigstoreError, describe } from '../error.js'
import { defaultHttp } from '../http.js'
import type { Http } from '../http.js'

export const DEFAULT_REKOR_URL = 'https://rekor.sigstore.dev'

/** An entry as Rekor v1 answers it (the value under the UUID key). */
export interface RekorEntry {
  uuid: string
  body: string
  integratedTime: number
  logID: string
  logIndex: number
  verification?: {
    signedEntryTimestamp?: string
    inclusionProof?: {
      checkpoint: string
      hashes: string[]
      logIndex: number
      rootHash: string
      treeSize: number
    }
  }
}

export type ProposedEntry = { apiVersion: string; kind: string; spec: unknown }

export class RekorClient {
  readonly baseUrl: string
  readonly #http: Http | undefined
  readonly #signal: AbortSignal | undefined

  /** `signal` cancels sends and retry waits, so a failed run logs nothing more. */
  constructor(opts: { baseUrl?: string; http?: Http; signal?: AbortSignal } = {}) {
    this.baseUrl = (opts.baseUrl ?? DEFAULT_REKOR_URL).replace(/\/$/, '')
    this.#http = opts.http
    this.#signal = opts.signal
  }

  async createEntry(entry: ProposedEntry): Promise<RekorEntry> {
    const url = `${this.baseUrl}/api/v1/log/entries`
    try {
      const res = await (this.#http ?? defaultHttp()).request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(entry),
        ...(this.#signal ? { signal: this.#signal } : {})
      })
      const text = await res.text()
      if (res.status === 409) {
        const location = res.headers.get('location')
        if (!location) throw new Error('409 "entry exists" without a Location header')
        return await this.getEntry(location.split('/').pop() ?? '')
      }
      if (res.status !== 201 && res.status !== 200)
        throw new Error(`HTTP ${res.status}: ${text.slice(0, 300)}`)
      return firstEntry(JSON.parse(text))
    } catch (cause) {
      if (cause instanceof SigstoreError) throw cause
      throw new SigstoreError(
        'REKOR_REQUEST_FAILED',
        `Rekor (${url}) did not log the ${entry.kind} entry: ${describe(cause)}. Check the rekor URL`,
        { cause }
      )
    }
  }

  async getEntry(uuid: string): Promise<RekorEntry> {
    const url = `${this.baseUrl}/api/v1/log/entries/${encodeURIComponent(uuid)}`
    try {
      const res = await (this.#http ?? defaultHttp()).request(url, {
        headers: { accept: 'application/json' },
        ...(this.#signal ? { signal: this.#signal } : {})
      })
      const text = await res.text()
      if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${text.slice(0, 300)}`)
      return firstEntry(JSON.parse(text))
    } catch (cause) {
      throw new SigstoreError('REKOR_REQUEST_FAILED', `Rekor (${url}) entry ${uuid}: ${describe(cause)}`, {
        cause
      })
    }
  }
}

function firstEntry(answer: Record<string, Omit<RekorEntry, 'uuid'>>): RekorEntry {
  const [uuid, entry] = Object.entries(answer)[0] ?? []
  if (!uuid || !entry) throw new Error('Rekor answered without an entry')
  return { uuid, ...entry }
}
