// Rekor v2 (rekor-tiles): one POST creates an entry and answers with it, inclusion proof and checkpoint included.
import { TransparencyLogEntry } from '@sigstore/protobuf-specs'
import { CreateEntryRequest } from '@sigstore/protobuf-specs/rekor/v2'
import { errorText } from '../../errors/index.js'
import { defaultHttp } from '../../http/index.js'
import type { Http } from '../../http/index.js'
import { SigstoreError } from '../error.js'
import { causeAndFix, RekorStatusError } from './rekor-client.js'

// rekor-tiles answers once the entry is in a published checkpoint; its client guide asks for at least 20 s.
const CREATE_TIMEOUT_MS = 30_000

export class RekorV2Client {
  readonly baseUrl: string
  readonly #http: Http | undefined
  readonly #signal: AbortSignal | undefined

  /** `signal` cancels sends and retry waits, so a failed run logs nothing more. */
  constructor(opts: { baseUrl: string; http?: Http; signal?: AbortSignal }) {
    this.baseUrl = opts.baseUrl.replace(/\/$/, '')
    this.#http = opts.http
    this.#signal = opts.signal
  }

  async createEntry(request: CreateEntryRequest): Promise<TransparencyLogEntry> {
    const url = `${this.baseUrl}/api/v2/log/entries`
    try {
      const res = await (this.#http ?? defaultHttp()).request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(CreateEntryRequest.toJSON(request)),
        timeoutMs: CREATE_TIMEOUT_MS,
        ...(this.#signal ? { signal: this.#signal } : {})
      })
      const text = await res.text()
      if (res.status !== 201 && res.status !== 200) throw new RekorStatusError(res.status, text)
      const entry = TransparencyLogEntry.fromJSON(JSON.parse(text))
      if (!entry.inclusionProof?.checkpoint)
        throw new Error('the answer holds no inclusion proof with a checkpoint (is this a Rekor v2 log?)')
      return entry
    } catch (cause) {
      if (cause instanceof SigstoreError) throw cause
      const [why, fix] = causeAndFix(cause, 'v2')
      throw new SigstoreError(
        'REKOR_REQUEST_FAILED',
        `Rekor v2 (${url}) did not log the hashedrekord entry: ${why}: ${errorText(cause)}. ${fix}`,
        { cause }
      )
    }
  }
}
