import { CodedError } from '../errors/index.js'
import { redactUrl } from './redact.js'

export type HttpErrorCode =
  'HTTP_TIMEOUT' | 'HTTP_NETWORK' | 'HTTP_STATUS' | 'HTTP_REDIRECT' | 'HTTP_BODY' | 'HTTP_PROXY'

/** Every failure of the HTTP layer; `url` is always redacted so the error can be logged as is. */
export class HttpError extends CodedError<HttpErrorCode> {
  readonly url: string

  constructor(
    code: HttpErrorCode,
    message: string,
    opts: { url: string | URL; status?: number; cause?: unknown }
  ) {
    super(code, message, { cause: opts.cause, status: opts.status })
    this.name = 'HttpError'
    this.url = redactUrl(opts.url)
  }
}
