// A reverse-proxy handler to a server on loopback, so the bed's fault injection can sit in front of servers it
// does not run in-process (a registry, rekor-tiles, the timestamp authority).
import { request, type IncomingMessage, type ServerResponse } from 'node:http'

// Hop-by-hop headers are the proxy's own business (RFC 9110 7.6.1).
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer'
]

/** `errorBody` answers a 502 when the upstream cannot be reached, in the shape that server's clients read. */
export function forwardTo(upstream: string, errorBody: (message: string) => unknown) {
  return (req: IncomingMessage, res: ServerResponse) =>
    new Promise<void>(resolve => {
      const headers = { ...req.headers }
      for (const h of HOP_BY_HOP) delete headers[h]
      // The Host header stays the proxy's, so absolute URLs the server builds point back through us.
      const [hostname, port] = upstream.split(':')
      const out = request(
        { hostname, port: Number(port), method: req.method, path: req.url, headers },
        upstreamRes => {
          const resHeaders = { ...upstreamRes.headers }
          for (const h of HOP_BY_HOP) delete resHeaders[h]
          res.writeHead(upstreamRes.statusCode ?? 502, resHeaders)
          upstreamRes.pipe(res)
          upstreamRes.on('end', resolve)
          upstreamRes.on('error', () => {
            res.destroy()
            resolve()
          })
        }
      )
      out.on('error', err => {
        if (!res.headersSent) {
          res.writeHead(502, { 'content-type': 'application/json' })
          res.end(JSON.stringify(errorBody(`upstream ${upstream}: ${err.message}`)))
        } else res.destroy()
        resolve()
      })
      req.pipe(out)
    })
}
