// A reverse proxy that lets the first N matching requests reach the server in full and then drops the
// connection before the answer (or halfway through its body): the "committed, but the client never heard" fault, which the bed's own
// reset rule (it resets before the server sees the request) cannot produce.
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface LossyFront {
  url: string
  /** Upstream status of each request that passed, with whether its answer was dropped. */
  seen: { method: string; path: string; status: number; dropped: boolean }[]
  close(): Promise<void>
}

export async function startLossyFront(
  upstream: string,
  drop: {
    method: string
    path: RegExp
    times: number
    /** default: drop before any byte of the answer */ cut?: 'mid-body'
  }
): Promise<LossyFront> {
  const target = new URL(upstream)
  const seen: LossyFront['seen'] = []
  let dropped = 0
  const server = http.createServer((req, res) => {
    const out = http.request(
      {
        hostname: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host }
      },
      up => {
        const chunks: Buffer[] = []
        up.on('data', (c: Buffer) => chunks.push(c))
        up.on('end', () => {
          const matches = req.method === drop.method && drop.path.test(req.url ?? '')
          const lose = matches && dropped < drop.times
          if (lose) dropped++
          seen.push({
            method: req.method ?? '',
            path: req.url ?? '',
            status: up.statusCode ?? 0,
            dropped: lose
          })
          if (lose && drop.cut === 'mid-body') {
            const body = Buffer.concat(chunks)
            res.writeHead(up.statusCode ?? 502, up.headers)
            res.write(body.subarray(0, Math.floor(body.length / 2)))
            return void setTimeout(() => req.socket.resetAndDestroy(), 20)
          }
          if (lose) return void req.socket.resetAndDestroy()
          res.writeHead(up.statusCode ?? 502, up.headers).end(Buffer.concat(chunks))
        })
      }
    )
    out.on('error', () => res.destroy())
    req.pipe(out)
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
