// Rekor v1 REST: create an entry, or fetch the one that already exists (409 + Location).
import { CodedError, errorText } from '../../errors/index.js'
import { HttpError, statusCause } from '../../http/index.js'
import { SigstoreError } from '../error.js'
import { defaultHttp } from '../../http/index.js'
import type { Http } from '../../http/index.js'

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
      if (res.status !== 201 && res.status !== 200) throw new RekorStatusError(res.status, text)
      return firstEntry(JSON.parse(text))
    } catch (cause) {
      if (cause instanceof SigstoreError) throw cause
      const [why, fix] = causeAndFix(cause)
      throw new SigstoreError(
        'REKOR_REQUEST_FAILED',
        `Rekor (${url}) did not log the ${entry.kind} entry: ${why}: ${errorText(cause)}. ${fix}`,
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
      if (res.status !== 200) throw new RekorStatusError(res.status, text)
      return firstEntry(JSON.parse(text))
    } catch (cause) {
      const [why, fix] = causeAndFix(cause)
      throw new SigstoreError(
        'REKOR_REQUEST_FAILED',
        `Rekor (${url}) holds entry ${uuid}, but reading it back failed: ${why}: ${errorText(cause)}. ${fix}`,
        { cause }
      )
    }
  }
}

/** Rekor's own refusal (not a proxy's), with the status as a field for causeAndFix. */
export class RekorStatusError extends CodedError<'REKOR_STATUS'> {
  declare readonly status: number
  constructor(status: number, text: string) {
    super('REKOR_STATUS', `HTTP ${status}: ${text.slice(0, 300)}`, { status })
    this.name = 'RekorStatusError'
  }
}

/** The cause in a word, and the fix that fits it: waiting helps a rate limit, not a wrong URL. */
export function causeAndFix(cause: unknown, api: 'v1' | 'v2' = 'v1'): [string, string] {
  if (cause instanceof RekorStatusError) {
    if (cause.status === 429)
      return [
        'rate limited after every retry (Retry-After honoured)',
        'Re-run the job later, or sign fewer subjects per job; a private Rekor avoids the public rate limit'
      ]
    if (cause.status >= 500)
      return [
        `${statusCause(cause.status)} after every retry`,
        'Rekor is failing: check its status (status.sigstore.dev for the public instance) and re-run the job'
      ]
    return [
      'refused',
      api === 'v1'
        ? 'Check that the rekor URL points at a Rekor v1 API and the trusted root matches that instance'
        : 'Check that the rekor URL points at a Rekor v2 (rekor-tiles) log and the trusted root holds its key'
    ]
  }
  if (cause instanceof HttpError && (cause.code === 'HTTP_NETWORK' || cause.code === 'HTTP_TIMEOUT'))
    return [
      cause.code === 'HTTP_TIMEOUT' ? 'timed out' : 'network failure',
      'Check the rekor URL and that the runner can reach it (proxy settings, firewall)'
    ]
  return ['unreadable answer', 'Check the rekor URL']
}

function firstEntry(answer: Record<string, Omit<RekorEntry, 'uuid'>>): RekorEntry {
  const [uuid, entry] = Object.entries(answer)[0] ?? []
  if (!uuid || !entry) throw new Error('Rekor answered without an entry')
  return { uuid, ...entry }
}
