import http from 'node:http'
import type { AddressInfo } from 'node:net'

export interface Recorded {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
  body: Buffer
}

export interface LocalServer {
  url: string
  requests: Recorded[]
  close(): Promise<void>
}

/** A real-socket server on 127.0.0.1 whose handler sees each request with its body already read. */
export async function startServer(
  handler: (req: http.IncomingMessage, res: http.ServerResponse, seen: Recorded, count: number) => void
): Promise<LocalServer> {
  const requests: Recorded[] = []
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', c => chunks.push(c as Buffer))
    req.on('end', () => {
      const seen = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks)
      }
      requests.push(seen)
      handler(req, res, seen, requests.length)
    })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
