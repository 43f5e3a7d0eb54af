// Fault injection and a request log around any node:http handler, so reliability tests can make a real
// server slow, failing or rude on demand without restarting it.
import type { IncomingMessage, ServerResponse } from 'node:http'

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>

export interface FaultRule {
  method?: string
  /** Regular expression tested against the request path (with query string). */
  path: string
  /** trickle: answers `status` (default 200) with a `bodyBytes`-byte body, one byte every `delayMs`. */
  action: 'status' | 'delay' | 'reset' | 'trickle'
  status?: number
  delayMs?: number
  retryAfter?: string
  bodyBytes?: number
  /** Only the first N matching requests are affected. */
  times?: number
  /** Probability (0..1) that a matching request is affected. */
  rate?: number
}

export interface RequestRecord {
  method: string
  path: string
  /** 0 when the connection was reset before an answer. */
  status: number
  /** Authorization scheme only ("Bearer", "Basic"), never the credential. */
  authorization: string
  fault?: FaultRule['action']
}

interface ActiveRule extends FaultRule {
  regex: RegExp
  hits: number
}

export interface FaultController {
  setRules(rules: FaultRule[]): void
  clear(): void
  log(): RequestRecord[]
}

export interface WithFaultsOptions {
  adminPath?: string
  /** Oldest records are dropped beyond this many. */
  maxLog?: number
}

export interface FaultyHandler {
  handler: RequestHandler
  faults: FaultController
  adminPath: string
}

export class FaultRuleError extends Error {
  readonly code = 'FAULT_RULE_INVALID'
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}

function compileRules(rules: unknown): ActiveRule[] {
  if (!Array.isArray(rules)) throw new FaultRuleError('fault admin body needs {"rules": [...]} with an array')
  return rules.map((raw: unknown, i) => {
    const r = raw as FaultRule
    if (typeof r !== 'object' || r === null || typeof r.path !== 'string') {
      throw new FaultRuleError(`fault rule ${i} needs a "path" regular expression string`)
    }
    if (!['status', 'delay', 'reset', 'trickle'].includes(r.action)) {
      throw new FaultRuleError(
        `fault rule ${i} has action ${JSON.stringify(r.action)}; use status, delay, reset or trickle`
      )
    }
    let regex: RegExp
    try {
      regex = new RegExp(r.path)
    } catch (cause) {
      throw new FaultRuleError(`fault rule ${i} path ${JSON.stringify(r.path)} is not a valid regex`, {
        cause
      })
    }
    return { ...r, regex, hits: 0 }
  })
}

function authScheme(req: IncomingMessage): string {
  const value = req.headers.authorization
  return value ? (value.split(' ')[0] ?? '') : ''
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(value))
}

/** A body that never stalls long enough for an idle timeout, yet takes bodyBytes × delayMs to arrive. */
function trickle(res: ServerResponse, rule: FaultRule): void {
  const total = rule.bodyBytes ?? 100
  res.writeHead(rule.status ?? 200, { 'content-type': 'application/json', 'content-length': String(total) })
  let sent = 0
  const timer = setInterval(() => {
    if (res.destroyed || sent >= total) {
      clearInterval(timer)
      if (!res.destroyed) res.end()
      return
    }
    res.write(' ')
    sent++
  }, rule.delayMs ?? 1000)
  res.on('close', () => clearInterval(timer))
}

export function withFaults(inner: RequestHandler, opts: WithFaultsOptions = {}): FaultyHandler {
  const adminPath = opts.adminPath ?? '/__faults'
  const maxLog = opts.maxLog ?? 5000
  let rules: ActiveRule[] = []
  let records: RequestRecord[] = []

  const faults: FaultController = {
    setRules: r => {
      rules = compileRules(r)
    },
    clear: () => {
      rules = []
    },
    log: () => records.slice()
  }

  // The first rule that matches, counts the request, and passes its rate draw decides.
  const pick = (req: IncomingMessage): ActiveRule | undefined => {
    const url = req.url ?? '/'
    for (const rule of rules) {
      if (rule.method && rule.method.toUpperCase() !== req.method) continue
      if (!rule.regex.test(url)) continue
      if (rule.times !== undefined && rule.hits >= rule.times) continue
      if (rule.rate !== undefined && Math.random() >= rule.rate) continue
      rule.hits++
      return rule
    }
    return undefined
  }

  const admin = async (req: IncomingMessage, res: ServerResponse, sub: string): Promise<void> => {
    if (sub === '/log' && req.method === 'GET') return sendJson(res, 200, records)
    if (sub === '/log' && req.method === 'DELETE') {
      records = []
      return sendJson(res, 200, {})
    }
    if (sub === '' && req.method === 'DELETE') {
      faults.clear()
      return sendJson(res, 200, {})
    }
    if (sub === '' && req.method === 'GET') return sendJson(res, 200, { rules })
    if (sub === '' && (req.method === 'POST' || req.method === 'PUT')) {
      try {
        const body = JSON.parse(await readBody(req)) as { rules?: unknown }
        rules = compileRules(body.rules)
        return sendJson(res, 200, { rules: rules.length })
      } catch (err) {
        return sendJson(res, 400, { error: err instanceof Error ? err.message : String(err) })
      }
    }
    sendJson(res, 405, { error: `unsupported ${req.method} ${adminPath}${sub}` })
  }

  const handler: RequestHandler = async (req, res) => {
    const url = req.url ?? '/'
    const pathname = url.split('?')[0] ?? '/'
    if (pathname === adminPath || pathname.startsWith(adminPath + '/')) {
      return admin(req, res, pathname.slice(adminPath.length))
    }
    const record: RequestRecord = {
      method: req.method ?? 'GET',
      path: url,
      status: 0,
      authorization: authScheme(req)
    }
    records.push(record)
    if (records.length > maxLog) records.splice(0, records.length - maxLog)
    res.on('finish', () => {
      record.status = res.statusCode
    })

    const rule = pick(req)
    if (rule) record.fault = rule.action
    if (rule?.action === 'reset') {
      req.socket.destroy()
      return
    }
    if (rule?.action === 'status') {
      const headers: Record<string, string> = { 'content-type': 'application/json' }
      if (rule.retryAfter !== undefined) headers['retry-after'] = rule.retryAfter
      res.writeHead(rule.status ?? 503, headers)
      res.end(JSON.stringify({ code: rule.status ?? 503, message: 'injected fault' }))
      return
    }
    if (rule?.action === 'trickle') return trickle(res, rule)
    if (rule?.action === 'delay') await new Promise(r => setTimeout(r, rule.delayMs ?? 1000))
    try {
      await inner(req, res)
    } catch (err) {
      if (!res.headersSent) sendJson(res, 500, { error: err instanceof Error ? err.message : String(err) })
      else res.destroy()
    }
  }

  return { handler, faults, adminPath }
}
