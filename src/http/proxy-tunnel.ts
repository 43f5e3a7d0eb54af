// HTTPS through an HTTP proxy: a CONNECT tunnel per pooled connection, TLS to the target inside it.
import http from 'node:http'
import https from 'node:https'
import type { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { HttpError } from './errors.js'
import { redactUrl } from './redact.js'

/** `Proxy-Authorization` for the user-info of a proxy URL, or undefined when it has none. */
export function proxyAuthorization(proxy: URL): string | undefined {
  if (!proxy.username && !proxy.password) return undefined
  const user = decodeURIComponent(proxy.username)
  const pass = decodeURIComponent(proxy.password)
  return `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`
}

export interface TunnelOptions {
  proxy: URL
  /** host:port of the target, as the CONNECT request-target. */
  authority: string
  connectTimeoutMs: number
}

/** Opens `CONNECT authority` on the proxy; resolves with the raw socket once the proxy answered 2xx. */
export function openTunnel(opts: TunnelOptions): Promise<Socket> {
  const { proxy, authority } = opts
  const where = `proxy ${redactUrl(proxy)}`
  const headers: Record<string, string> = { host: authority }
  const auth = proxyAuthorization(proxy)
  if (auth) headers['proxy-authorization'] = auth
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: proxy.hostname.replace(/^\[|\]$/g, ''),
      port: proxy.port || 80,
      method: 'CONNECT',
      path: authority,
      headers,
      agent: false
    })
    const timer = setTimeout(() => {
      req.destroy(
        new HttpError(
          'HTTP_TIMEOUT',
          `${where} opened no tunnel to ${authority} in ${opts.connectTimeoutMs} ms`,
          {
            url: proxy
          }
        )
      )
    }, opts.connectTimeoutMs)
    req.once('connect', (res: http.IncomingMessage, socket: Socket, head: Buffer) => {
      clearTimeout(timer)
      const status = res.statusCode ?? 0
      if (status >= 200 && status < 300) {
        // Bytes that arrived with the answer belong to the tunnel; give them back to the stream.
        if (head.length) socket.unshift(head)
        resolve(socket)
        return
      }
      socket.destroy()
      const hint =
        status === 407
          ? '; the proxy wants credentials: put them in the proxy URL (http://user:password@host:port)'
          : ''
      // 4xx is the proxy's refusal (policy, credentials): retrying cannot help. 5xx may be transient.
      reject(
        new HttpError(
          status >= 500 ? 'HTTP_NETWORK' : 'HTTP_STATUS',
          `${where} refused the tunnel to ${authority} with ${status} ${res.statusMessage ?? ''}`.trim() +
            hint,
          { url: proxy, status }
        )
      )
    })
    req.once('error', err => {
      clearTimeout(timer)
      reject(
        err instanceof HttpError
          ? err
          : new HttpError('HTTP_NETWORK', `${where} could not be reached for ${authority}: ${err.message}`, {
              url: proxy,
              cause: err
            })
      )
    })
    req.end()
  })
}

type CreateCallback = (err: Error | null, stream: Duplex) => void

/** An https.Agent whose connections are TLS sessions inside CONNECT tunnels, pooled per target origin. */
export class TunnelAgent extends https.Agent {
  readonly #proxy: URL
  readonly #connectTimeoutMs: number

  constructor(proxy: URL, connectTimeoutMs: number) {
    super({ keepAlive: true, scheduling: 'lifo', timeout: 30000 })
    this.#proxy = proxy
    this.#connectTimeoutMs = connectTimeoutMs
  }

  // The base class accepts a connection handed over later through the callback; we return nothing now.
  override createConnection(options: http.ClientRequestArgs, callback?: CreateCallback): undefined {
    const host = (options.host ?? options.hostname ?? '').replace(/^\[|\]$/g, '')
    const authority = `${host.includes(':') ? `[${host}]` : host}:${options.port ?? 443}`
    const cb: (err: Error | null, stream?: Duplex) => void = (err, stream) =>
      callback?.(err, stream as Duplex)
    openTunnel({ proxy: this.#proxy, authority, connectTimeoutMs: this.#connectTimeoutMs }).then(raw => {
      try {
        // TLS to the target inside the tunnel (servername and session reuse come from https.Agent).
        cb(null, super.createConnection({ ...options, socket: raw } as http.ClientRequestArgs) as Duplex)
      } catch (err) {
        raw.destroy()
        cb(err as Error)
      }
    }, cb)
    return undefined
  }
}
