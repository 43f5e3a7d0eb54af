// Optional RFC 3161 timestamp over each signature, from a sigstore timestamp-authority compatible TSA.
import { createHash, randomInt } from 'node:crypto'
import type { SignatureBundle, VerificationMaterial, Witness } from '@sigstore/sign'
import { SigstoreError, describe } from '../error.js'
import { defaultHttp } from '../http.js'
import type { Http } from '../http.js'

export class TsaWitness implements Witness {
  readonly url: string
  readonly #http: Http | undefined

  constructor(opts: { url: string; http?: Http }) {
    this.url = opts.url
    this.#http = opts.http
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
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          artifactHash: createHash('sha256').update(signature).digest('base64'),
          hashAlgorithm: 'sha256',
          certificates: true,
          nonce: randomInt(1, 2 ** 47)
        })
      })
      const body = await res.buffer()
      if (res.status !== 200 && res.status !== 201)
        throw new Error(`HTTP ${res.status}: ${body.toString().slice(0, 200)}`)
      return { rfc3161Timestamps: [{ signedTimestamp: body }] }
    } catch (cause) {
      throw new SigstoreError('TSA_REQUEST_FAILED', `TSA ${this.url} gave no timestamp: ${describe(cause)}`, {
        cause
      })
    }
  }
}
