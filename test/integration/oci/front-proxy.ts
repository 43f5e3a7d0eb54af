// A real-socket server in front of a bed registry, for what registries do but the bed's do not on their own:
// redirecting blob downloads to storage on another origin, and serving tampered bytes.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Seen {
  method: string
  path: string
  authorization?: string
}

export type Override = (req: http.IncomingMessage, res: http.ServerResponse) => boolean

export interface Front {
  host: string
  seen: Seen[]
  close(): Promise<void>
}

/** Forwards to `upstream` unless `override` answers; `rewrite` may change upstream bodies (manifests). */
export async function startFront(
  upstream: string,
  override: Override = () => false,
  rewrite?: (path: string, body: Buffer) => Buffer
): Promise<Front> {
  const seen: Seen[] = []
  const [upHost, upPort] = upstream.split(':')
  const server = http.createServer((req, res) => {
    seen.push({
      method: req.method ?? '',
      path: req.url ?? '',
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {})
    })
    if (override(req, res)) return
    const up = http.request(
      {
        host: upHost,
        port: Number(upPort),
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream }
      },
      upRes => {
        const headers = { ...upRes.headers }
        // Upload Locations name the upstream; clients must keep talking to us.
        if (headers.location) headers.location = headers.location.replace(`http://${upstream}`, '')
        if (!rewrite || req.method !== 'GET') {
          res.writeHead(upRes.statusCode ?? 502, headers)
          upRes.pipe(res)
          return
        }
        const chunks: Buffer[] = []
        upRes.on('data', c => chunks.push(c as Buffer))
        upRes.on('end', () => {
          const body = rewrite(req.url ?? '', Buffer.concat(chunks))
          res.writeHead(upRes.statusCode ?? 502, { ...headers, 'content-length': String(body.length) })
          res.end(body)
        })
      }
    )
    up.on('error', () => res.destroy())
    req.pipe(up)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    host: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
