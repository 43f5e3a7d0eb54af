// Optional RFC 3161 timestamp over each signature's bytes, as Sigstore bundles carry it.
import { errorText } from '../../errors/index.js'
import { createHash } from 'node:crypto'
import type { SignatureBundle, VerificationMaterial, Witness } from '@sigstore/sign'
import { SigstoreError } from '../error.js'
import { defaultHttp } from '../../http/index.js'
import type { Http } from '../../http/index.js'
import { timeStampRequest } from './timestamp-request.js'

export class TsaWitness implements Witness {
  readonly url: string
  readonly #http: Http | undefined
  readonly #signal: AbortSignal | undefined

  /** `signal` cancels the request and its retry waits when the run has failed. */
  constructor(opts: { url: string; http?: Http; signal?: AbortSignal }) {
    this.url = opts.url
    this.#http = opts.http
    this.#signal = opts.signal
  }

  async testify(content: SignatureBundle): Promise<VerificationMaterial> {
    const signature =
      content.$case === 'dsseEnvelope'
        ? content.dsseEnvelope.signatures[0]?.sig
        : content.messageSignature.signature
    if (!signature)
      throw new SigstoreError('TSA_REQUEST_FAILED', 'nothing to timestamp: the bundle has no signature')
    try {
      const res = await (this.#http ?? defaultHttp()).request(this.url, {
        method: 'POST',
        // DER is what every RFC 3161 TSA takes (sigstore's timestamp-authority takes JSON as well).
        headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
        body: timeStampRequest(createHash('sha256').update(signature).digest()),
        ...(this.#signal ? { signal: this.#signal } : {})
      })
      const body = await res.buffer()
      if (res.status !== 200 && res.status !== 201)
        throw new Error(`HTTP ${res.status}: ${body.toString().slice(0, 200)}`)
      return { rfc3161Timestamps: [{ signedTimestamp: body }] }
    } catch (cause) {
      throw new SigstoreError(
        'TSA_REQUEST_FAILED',
        `TSA ${this.url} gave no timestamp: ${errorText(cause)}`,
        {
          cause
        }
      )
    }
  }
}
