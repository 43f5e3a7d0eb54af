// Which proxy a URL goes through, from HTTPS_PROXY / HTTP_PROXY / NO_PROXY with Go's net/http semantics
// (golang.org/x/net/http/httpproxy), so one environment means the same to us as to cosign, crane and docker.
import { BlockList, isIP } from 'node:net'

export interface ProxySettings {
  /** For https:// URLs (HTTPS_PROXY, else https_proxy). */
  httpsProxy?: string
  /** For http:// URLs (HTTP_PROXY, else http_proxy). */
  httpProxy?: string
  /** Comma list (NO_PROXY, else no_proxy). */
  noProxy?: string
}

type Matcher = (host: string, port: string) => boolean

/** Go's getEnvAny: the upper-case name wins when both are set and non-empty. */
function envAny(env: NodeJS.ProcessEnv, upper: string, lower: string): string | undefined {
  return env[upper] || env[lower] || undefined
}

export function proxySettingsFromEnv(env: NodeJS.ProcessEnv): ProxySettings {
  const httpsProxy = envAny(env, 'HTTPS_PROXY', 'https_proxy')
  const httpProxy = envAny(env, 'HTTP_PROXY', 'http_proxy')
  const noProxy = envAny(env, 'NO_PROXY', 'no_proxy')
  return {
    ...(httpsProxy ? { httpsProxy } : {}),
    ...(httpProxy ? { httpProxy } : {}),
    ...(noProxy ? { noProxy } : {})
  }
}

/** A proxy value as a URL; like Go, a bare `host:port` means http://host:port. Undefined when unusable. */
export function parseProxyUrl(value: string): URL | undefined {
  const trimmed = value.trim()
  for (const candidate of [trimmed, `http://${trimmed}`]) {
    try {
      const url = new URL(candidate)
      if (url.host && /^[a-z][a-z0-9+.-]*:$/.test(url.protocol)) return url
    } catch {
      // try the next spelling
    }
  }
  return undefined
}

const unbracket = (h: string): string => h.replace(/^\[|\]$/g, '')

function entryMatcher(raw: string): Matcher | undefined {
  const entry = raw.trim().toLowerCase()
  if (!entry) return undefined
  const cidr = /^(.+)\/(\d{1,3})$/.exec(entry)
  if (cidr && isIP(cidr[1]!)) {
    const list = new BlockList()
    const family = isIP(cidr[1]!) === 6 ? 'ipv6' : 'ipv4'
    list.addSubnet(cidr[1]!, Number(cidr[2]), family)
    return host => isIP(host) !== 0 && list.check(host, isIP(host) === 6 ? 'ipv6' : 'ipv4')
  }
  // "host:port" or "[v6]:port"; a bare IPv6 address has colons but no port.
  let host = entry
  let port = ''
  const withPort = /^(\[[^\]]+\]|[^:]+):(\d+)$/.exec(entry)
  if (withPort) [host, port] = [unbracket(withPort[1]!), withPort[2]!]
  else host = unbracket(entry)
  if (!host) return undefined
  const portOk = (p: string) => port === '' || port === p
  if (isIP(host)) return (h, p) => isIP(h) !== 0 && sameIp(h, host) && portOk(p)
  // "example.com" matches itself and subdomains; ".example.com" and "*.example.com" only subdomains.
  if (host.startsWith('*.')) host = host.slice(1)
  const matchSelf = !host.startsWith('.')
  const suffix = matchSelf ? `.${host}` : host
  return (h, p) => (h.endsWith(suffix) || (matchSelf && h === host)) && portOk(p)
}

function sameIp(a: string, b: string): boolean {
  const list = new BlockList()
  list.addAddress(b, isIP(b) === 6 ? 'ipv6' : 'ipv4')
  return list.check(a, isIP(a) === 6 ? 'ipv6' : 'ipv4')
}

function isLoopback(host: string): boolean {
  if (host === 'localhost') return true
  if (isIP(host) === 4) return host.startsWith('127.')
  if (isIP(host) === 6) return sameIp(host, '::1') || /^::ffff:127\./.test(host)
  return false
}

/** Decides, per request URL, the proxy to use (undefined: connect directly). */
export class ProxyResolver {
  readonly #settings: ProxySettings
  readonly #bypassAll: boolean
  readonly #matchers: Matcher[]

  constructor(settings: ProxySettings) {
    this.#settings = settings
    const entries = (settings.noProxy ?? '').split(',')
    this.#bypassAll = entries.some(e => e.trim() === '*')
    this.#matchers = entries.map(entryMatcher).filter((m): m is Matcher => m !== undefined)
  }

  /** The raw proxy value for `url` (not yet parsed, so a bad value can be reported in its own words). */
  proxyFor(url: URL): string | undefined {
    const raw = url.protocol === 'https:' ? this.#settings.httpsProxy : this.#settings.httpProxy
    if (!raw || this.#bypassAll) return undefined
    const host = unbracket(url.hostname.toLowerCase()).replace(/\.$/, '')
    // Like Go: localhost and loopback addresses never go through a proxy.
    if (isLoopback(host)) return undefined
    const port = url.port || (url.protocol === 'https:' ? '443' : '80')
    return this.#matchers.some(m => m(host, port)) ? undefined : raw
  }
}
