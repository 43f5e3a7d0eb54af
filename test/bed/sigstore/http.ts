// Listening, body reading and JSON answers shared by the stack's servers.
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { withFaults, type FaultController, type RequestHandler } from '../http-faults.js'

export interface RunningServer {
  url: string
  adminUrl: string
  faults: FaultController
  close(): Promise<void>
}

export async function listen(handler: RequestHandler, host = '127.0.0.1'): Promise<RunningServer> {
  const faulty = withFaults(handler)
  const server: Server = createServer((req, res) => void faulty.handler(req, res))
  server.keepAliveTimeout = 2000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, host, () => resolve())
  })
  const url = `http://${host}:${(server.address() as AddressInfo).port}`
  return {
    url,
    adminUrl: url + faulty.adminPath,
    faults: faulty.faults,
    close: () =>
      new Promise<void>(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

export function readBody(req: IncomingMessage, limit = 64 * 1024 * 1024): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > limit) reject(new Error(`request body over ${limit} bytes`))
      else chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {}
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(value))
}

/** Error bodies shaped like go-swagger / grpc-gateway ones: {code, message}. */
export function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  headers: Record<string, string> = {}
): void {
  sendJson(res, status, { code: status, message }, headers)
}

export function pathOf(req: IncomingMessage): { path: string; query: URLSearchParams } {
  const u = new URL(req.url ?? '/', 'http://x')
  return { path: u.pathname, query: u.searchParams }
}

/** Reads a nested member of parsed JSON without trusting its shape. */
export function field(value: unknown, ...keys: string[]): unknown {
  let v = value
  for (const k of keys)
    v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined
  return v
}
