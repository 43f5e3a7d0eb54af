import { redactUrl } from './redact.js'

export type HttpErrorCode =
  'HTTP_TIMEOUT' | 'HTTP_NETWORK' | 'HTTP_STATUS' | 'HTTP_REDIRECT' | 'HTTP_BODY' | 'HTTP_PROXY'

/** Every failure of the HTTP layer; `url` is always redacted so the error can be logged as is. */
export class HttpError extends Error {
  readonly code: HttpErrorCode
  readonly status?: number
  readonly url: string

  constructor(
    code: HttpErrorCode,
    message: string,
    opts: { url: string | URL; status?: number; cause?: unknown }
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause })
    this.name = 'HttpError'
    this.code = code
    this.url = redactUrl(opts.url)
    if (opts.status !== undefined) this.status = opts.status
  }
}
