// Per-request routing: direct, absolute-form through an HTTP proxy (http://), or a CONNECT tunnel (https://).
import { HttpError } from './errors.js'
import { ProxyResolver, parseProxyUrl, type ProxySettings } from './proxy-env.js'
import { TunnelAgent, proxyAuthorization } from './proxy-tunnel.js'
import { redactUrl } from './redact.js'

export interface ProxyRoute {
  proxy: URL
  /** For https targets: the pooled tunnel agent of this proxy. */
  agent?: TunnelAgent
  /** For http targets: the header sent to the proxy with each request. */
  authorization?: string
}

export type ProxyRouter = (url: URL) => ProxyRoute | undefined

export function createProxyRouter(settings: ProxySettings, connectTimeoutMs: number): ProxyRouter {
  const resolver = new ProxyResolver(settings)
  const agents = new Map<string, TunnelAgent>()
  return url => {
    const raw = resolver.proxyFor(url)
    if (raw === undefined) return undefined
    const proxy = parseProxyUrl(raw)
    if (!proxy || proxy.protocol !== 'http:') {
      const names = url.protocol === 'https:' ? 'HTTPS_PROXY/https_proxy' : 'HTTP_PROXY/http_proxy'
      throw new HttpError(
        'HTTP_PROXY',
        `${names} is ${proxy ? redactUrl(proxy) : 'not a URL'}; oci-attest goes through http:// proxies only ` +
          `(CONNECT for https). Set an http://host:port proxy, or add ${url.hostname} to NO_PROXY`,
        { url }
      )
    }
    if (url.protocol === 'https:') {
      let agent = agents.get(proxy.href)
      if (!agent) agents.set(proxy.href, (agent = new TunnelAgent(proxy, connectTimeoutMs)))
      return { proxy, agent }
    }
    const authorization = proxyAuthorization(proxy)
    return { proxy, ...(authorization ? { authorization } : {}) }
  }
}
