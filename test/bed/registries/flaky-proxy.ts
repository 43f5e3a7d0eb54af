// "flaky": a reverse proxy in front of a registry, wrapped in the bed's fault injection, so tests can make
// registry calls fail (503/429), stall or reset on demand and read the log of what the client sent.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http'
import { withFaults } from '../http-faults.js'
import type { FlakyRegistryState } from '../state.js'
import type { RunningRegistry } from './running.js'

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

function forward(upstream: string) {
  return (req: IncomingMessage, res: ServerResponse) =>
    new Promise<void>(resolve => {
      const headers = { ...req.headers }
      for (const h of HOP_BY_HOP) delete headers[h]
      // The Host header stays the proxy's, so the registry's absolute Location URLs point back through us.
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
          res.end(
            JSON.stringify({
              errors: [{ code: 'UNKNOWN', message: `flaky proxy: upstream ${upstream}: ${err.message}` }]
            })
          )
        } else res.destroy()
        resolve()
      })
      req.pipe(out)
    })
}

export async function startFlakyProxy(upstream: string): Promise<RunningRegistry<FlakyRegistryState>> {
  const { handler, adminPath } = withFaults(forward(upstream), { adminPath: '/__faults' })
  const server = createServer((req, res) => void handler(req, res))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const host = `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  return {
    state: { host, auth: 'none', adminUrl: `http://${host}${adminPath}`, upstream },
    children: [],
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
