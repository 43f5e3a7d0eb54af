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

/** Throws HTTP_STATUS unless the response status is one of `expected`; the body's first bytes go into the message. */
export async function expectStatus(
  res: { status: number; url: string; text(): Promise<string> },
  expected: number | number[],
  what: string
): Promise<void> {
  const ok = Array.isArray(expected) ? expected : [expected]
  if (ok.includes(res.status)) return
  let detail = ''
  try {
    detail = (await res.text()).slice(0, 500).trim()
  } catch {
    // the status is the useful part; a broken body must not hide it
  }
  throw new HttpError(
    'HTTP_STATUS',
    `${what}: ${redactUrl(res.url)} answered ${res.status}, expected ${ok.join(' or ')}${detail ? `: ${detail}` : ''}`,
    { url: res.url, status: res.status }
  )
}
