import http from 'node:http'
import https from 'node:https'
import { Readable } from 'node:stream'
import { bodyDeadlineMs, formatMs, type Deadlines } from './deadlines.js'
import { HttpError } from './errors.js'
import type { ProxyRoute } from './proxy-route.js'
import { redactUrl } from './redact.js'
import type { RequestBody } from './types.js'

export interface OnceOptions {
  method: string
  headers: Headers
  body?: RequestBody
  /** Longest silence while sending the request or reading the body. */
  timeoutMs: number
  connectTimeoutMs: number
  deadlines: Deadlines
  signal?: AbortSignal
  /** Through this proxy instead of directly. */
  route?: ProxyRoute
}

/** node:http options for one request: straight to the origin, via a tunnel agent, or absolute-form to a proxy. */
function requestOptions(url: URL, opts: OnceOptions, headers: Record<string, string>): http.RequestOptions {
  const base = { method: opts.method, headers }
  const route = opts.route
  if (!route) return { ...base, hostname: url.hostname.replace(/^\[|\]$/g, '') }
  if (url.protocol === 'https:')
    return {
      ...base,
      hostname: url.hostname.replace(/^\[|\]$/g, ''),
      ...(route.agent ? { agent: route.agent as http.Agent } : {})
    }
  if (route.authorization) headers['proxy-authorization'] = route.authorization
  headers.host = url.host
  return {
    ...base,
    hostname: route.proxy.hostname.replace(/^\[|\]$/g, ''),
    port: route.proxy.port || 80,
    path: url.href
  }
}

/** One HTTP exchange over node:http(s): resolves on response headers; the body stays a live stream. */
export function sendOnce(url: URL, opts: OnceOptions): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) {
      reject(
        new HttpError('HTTP_NETWORK', `request to ${url.origin} aborted`, { url, cause: opts.signal.reason })
      )
      return
    }
    const mod = url.protocol === 'https:' ? https : url.protocol === 'http:' ? http : undefined
    if (!mod) {
      reject(
        new HttpError('HTTP_NETWORK', `unsupported URL scheme ${url.protocol} (use http or https)`, { url })
      )
      return
    }
    const headers: Record<string, string> = {}
    opts.headers.forEach((value, name) => (headers[name] = value))
    const body = typeof opts.body === 'function' ? opts.body() : opts.body
    if (typeof body === 'string' || Buffer.isBuffer(body))
      headers['content-length'] = String(Buffer.byteLength(body))
    else if (body === undefined && !['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(opts.method))
      headers['content-length'] = '0'

    const viaProxy = opts.route ? ` via proxy ${redactUrl(opts.route.proxy)}` : ''
    const req =
      opts.route && url.protocol === 'http:'
        ? http.request(requestOptions(url, opts, headers))
        : mod.request(url, requestOptions(url, opts, headers))
    let response: http.IncomingMessage | undefined
    let settled = false
    const fail = (err: HttpError) => {
      if (response) response.destroy(err)
      else req.destroy(err)
    }
    const d = opts.deadlines
    let headerTimer: NodeJS.Timeout | undefined
    let bodyTimer: NodeJS.Timeout | undefined
    // The headers deadline runs from the moment the request is sent in full, so uploads are not cut short.
    req.once('finish', () => {
      if (response) return
      headerTimer = setTimeout(
        () =>
          fail(
            new HttpError(
              'HTTP_TIMEOUT',
              `${url.host} sent no response headers within ${formatMs(d.headersMs)} (headers deadline) for ` +
                `${opts.method} ${url.pathname}`,
              { url }
            )
          ),
        d.headersMs
      )
    })
    const onAbort = () =>
      fail(
        new HttpError('HTTP_NETWORK', `request to ${url.origin} aborted`, { url, cause: opts.signal?.reason })
      )
    opts.signal?.addEventListener('abort', onAbort, { once: true })

    req.on('socket', socket => {
      if (!socket.connecting) return
      const connectTimer = setTimeout(
        () =>
          fail(
            new HttpError(
              'HTTP_TIMEOUT',
              `could not connect to ${url.host} within ${opts.connectTimeoutMs} ms`,
              { url }
            )
          ),
        opts.connectTimeoutMs
      )
      socket.once('connect', () => clearTimeout(connectTimer))
      socket.once('close', () => clearTimeout(connectTimer))
    })
    req.setTimeout(opts.timeoutMs, () => {
      const what = response ? 'stalled while sending the body' : 'sent no response'
      fail(new HttpError('HTTP_TIMEOUT', `${url.origin} ${what} for ${opts.timeoutMs} ms`, { url }))
    })
    req.on('response', res => {
      clearTimeout(headerTimer)
      response = res
      settled = true
      const length = Number(res.headers['content-length'] ?? NaN)
      const bytes = Number.isFinite(length) ? length : undefined
      const limit = bodyDeadlineMs(d, bytes)
      bodyTimer = setTimeout(
        () =>
          fail(
            new HttpError(
              'HTTP_TIMEOUT',
              `${url.host} did not send the whole body of ${opts.method} ${url.pathname} within ` +
                `${formatMs(limit)} (body deadline${bytes !== undefined ? ` for ${bytes} bytes` : ''})`,
              { url }
            )
          ),
        limit
      )
      res.once('close', () => {
        clearTimeout(bodyTimer)
        opts.signal?.removeEventListener('abort', onAbort)
      })
      resolve(res)
    })
    req.on('error', err => {
      clearTimeout(headerTimer)
      clearTimeout(bodyTimer)
      opts.signal?.removeEventListener('abort', onAbort)
      if (settled) return
      settled = true
      reject(
        err instanceof HttpError
          ? err
          : new HttpError(
              'HTTP_NETWORK',
              `${opts.method} ${url.origin}${url.pathname}${viaProxy} failed: ${err.message}`,
              {
                url,
                cause: err
              }
            )
      )
    })

    if (body instanceof Readable) {
      body.on('error', err => req.destroy(err))
      body.pipe(req)
    } else {
      req.end(body)
    }
  })
}
