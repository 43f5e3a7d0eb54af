// A real forward proxy for tests: CONNECT tunnels and absolute-form requests, with optional Basic
// proxy auth; test host names (like registry.test) map to local ports, and everything it relays is recorded.
import http from 'node:http'
import net from 'node:net'
import type { AddressInfo } from 'node:net'

export interface Relayed {
  kind: 'connect' | 'absolute'
  /** CONNECT: host:port; absolute-form: the full request-target. */
  target: string
  headers: http.IncomingHttpHeaders
}

export interface RecordingProxy {
  url: string
  relayed: Relayed[]
  close(): Promise<void>
}

export interface ProxyOptions {
  /** Host name → port on 127.0.0.1. */
  hosts: Record<string, number>
  /** When set, the exact Proxy-Authorization value required (else 407). */
  requireAuth?: string
}

export async function startRecordingProxy(opts: ProxyOptions): Promise<RecordingProxy> {
  const relayed: Relayed[] = []
  const sockets = new Set<net.Socket>()
  const portOf = (host: string): number | undefined => opts.hosts[host.toLowerCase()]
  const authorized = (headers: http.IncomingHttpHeaders) =>
    !opts.requireAuth || headers['proxy-authorization'] === opts.requireAuth

  const server = http.createServer((req, res) => {
    relayed.push({ kind: 'absolute', target: req.url ?? '', headers: req.headers })
    if (!authorized(req.headers)) {
      res.writeHead(407, { 'proxy-authenticate': 'Basic realm="test"' }).end()
      return
    }
    const target = new URL(req.url ?? '/')
    const port = portOf(target.hostname)
    if (!port) return void res.writeHead(502).end(`no route to ${target.hostname}`)
    const headers = { ...req.headers }
    delete headers['proxy-authorization']
    const upstream = http.request(
      { host: '127.0.0.1', port, method: req.method, path: target.pathname + target.search, headers },
      up => {
        res.writeHead(up.statusCode ?? 502, up.headers)
        up.pipe(res)
      }
    )
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  })

  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    sockets.add(client)
    client.on('close', () => sockets.delete(client))
    client.on('error', () => undefined)
    relayed.push({ kind: 'connect', target: req.url ?? '', headers: req.headers })
    if (!authorized(req.headers)) {
      client.end(
        'HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm="test"\r\n\r\n'
      )
      return
    }
    const [host = '', port = ''] = (req.url ?? '').split(/:(?=\d+$)/)
    const local = portOf(host)
    if (!local || !port) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
      return
    }
    const upstream = net.connect(local, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      if (head.length) upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    sockets.add(upstream)
    upstream.on('close', () => sockets.delete(upstream))
    upstream.on('error', () => client.destroy())
  })

  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    relayed,
    close: () =>
      new Promise(resolve => {
        for (const s of sockets) s.destroy()
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
