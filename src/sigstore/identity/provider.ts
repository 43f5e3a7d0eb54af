// Where the OIDC token comes from: the Actions token endpoint (audience sigstore) or a token handed in.
import { errorText } from '../../errors/index.js'
import { SigstoreError } from '../error.js'
import { defaultHttp } from '../../http/index.js'
import { expectJson } from '../http.js'
import type { Http } from '../../http/index.js'

/** Same shape as @sigstore/sign's IdentityProvider. */
export interface IdentityProvider {
  getToken: () => Promise<string>
}

export const PERMISSIONS_YAML = 'permissions:\n  id-token: write\n  contents: read\n  packages: write'

/** ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN, read by the run, not here. */
export interface ActionsTokenRequest {
  url?: string | undefined
  bearer?: string | undefined
}

export interface ActionsTokenOptions {
  /** The runner's token endpoint; absent or partial when the job lacks `id-token: write`. */
  request?: ActionsTokenRequest | undefined
  http?: Http
  audience?: string
  /** Called with every token obtained; the action edge passes core.setSecret. */
  maskSecret?: (secret: string) => void
}

/** Fetches the workflow's OIDC token from the runner's token service. */
export class ActionsIdentityProvider implements IdentityProvider {
  readonly #request: ActionsTokenRequest
  readonly #http: Http | undefined
  readonly #audience: string
  readonly #mask: (secret: string) => void

  constructor(opts: ActionsTokenOptions = {}) {
    this.#request = opts.request ?? {}
    this.#http = opts.http
    this.#audience = opts.audience ?? 'sigstore'
    this.#mask = opts.maskSecret ?? (() => {})
  }

  async getToken(): Promise<string> {
    const { url, bearer } = this.#request
    if (!url || !bearer) {
      throw new SigstoreError(
        'MISSING_ID_TOKEN_PERMISSION',
        'ACTIONS_ID_TOKEN_REQUEST_URL/ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set, so this job cannot get an OIDC ' +
          `token for keyless signing. Grant it in the workflow or job:\n${PERMISSIONS_YAML}\n` +
          '(fork pull requests never get a token: run those as a dry run)'
      )
    }
    this.#mask(bearer)
    const requestUrl = `${url}&audience=${encodeURIComponent(this.#audience)}`
    let value: string | undefined
    try {
      const res = await (this.#http ?? defaultHttp()).request(requestUrl, {
        headers: { authorization: `Bearer ${bearer}`, accept: 'application/json' }
      })
      value = (await expectJson<{ value?: string }>(res, 'the Actions OIDC token endpoint')).value
    } catch (cause) {
      throw new SigstoreError(
        'ID_TOKEN_REQUEST_FAILED',
        `could not get an OIDC token from ACTIONS_ID_TOKEN_REQUEST_URL: ${errorText(cause)}`,
        { cause }
      )
    }
    if (!value) {
      throw new SigstoreError(
        'ID_TOKEN_REQUEST_FAILED',
        'the Actions OIDC token endpoint answered without "value"'
      )
    }
    this.#mask(value)
    return value
  }
}

/** A token given by the caller (SIGSTORE_ID_TOKEN, a file read by the CLI). */
export class StaticIdentityProvider implements IdentityProvider {
  readonly #token: string
  constructor(token: string, maskSecret: (secret: string) => void = () => {}) {
    if (!token.trim()) throw new SigstoreError('ID_TOKEN_INVALID', 'the given OIDC token is empty')
    this.#token = token.trim()
    maskSecret(this.#token)
  }
  async getToken(): Promise<string> {
    return this.#token
  }
}
