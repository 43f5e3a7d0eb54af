import { describe, expect, it } from '@jest/globals'
import { ProxyResolver, parseProxyUrl, proxySettingsFromEnv } from '../../../src/http/index.js'

const P = 'http://proxy.corp:3128'
const via = (noProxy: string, url: string) =>
  new ProxyResolver({ httpsProxy: P, httpProxy: P, noProxy }).proxyFor(new URL(url))

describe('proxy variables (Go httpproxy semantics)', () => {
  it('picks the variable of the URL scheme, upper case first, and never borrows HTTP_PROXY for https', () => {
    expect(proxySettingsFromEnv({ HTTPS_PROXY: 'a:1', https_proxy: 'b:2', http_proxy: 'c:3' })).toEqual({
      httpsProxy: 'a:1',
      httpProxy: 'c:3'
    })
    expect(proxySettingsFromEnv({ https_proxy: 'b:2', no_proxy: 'x' })).toEqual({
      httpsProxy: 'b:2',
      noProxy: 'x'
    })
    const onlyHttp = new ProxyResolver({ httpProxy: P })
    expect(onlyHttp.proxyFor(new URL('https://ghcr.io/v2/'))).toBeUndefined()
    expect(onlyHttp.proxyFor(new URL('http://registry.corp/v2/'))).toBe(P)
  })

  it('reads a bare host:port as an http proxy', () => {
    expect(parseProxyUrl('proxy.corp:3128')?.href).toBe('http://proxy.corp:3128/')
    expect(parseProxyUrl('http://u:p%40ss@proxy.corp:3128')?.password).toBe('p%40ss')
    expect(parseProxyUrl('socks5://proxy.corp:1080')?.protocol).toBe('socks5:')
    expect(parseProxyUrl('::not a url::')).toBeUndefined()
  })

  it('never proxies localhost and loopback addresses, whatever NO_PROXY says', () => {
    for (const url of [
      'https://localhost:5000/',
      'http://127.0.0.1:8080/',
      'https://127.9.9.9/',
      'https://[::1]:443/'
    ])
      expect(via('', url)).toBeUndefined()
    expect(via('', 'https://ghcr.io/v2/')).toBe(P)
  })

  it('"*" turns the proxy off', () => {
    expect(via('*', 'https://ghcr.io/')).toBeUndefined()
    expect(via('a.com, *', 'https://ghcr.io/')).toBeUndefined()
  })

  it('a domain matches itself and its subdomains; a leading "." or "*." only subdomains', () => {
    expect(via('example.com', 'https://example.com/')).toBeUndefined()
    expect(via('example.com', 'https://a.b.example.com/')).toBeUndefined()
    expect(via('example.com', 'https://badexample.com/')).toBe(P)
    expect(via('.example.com', 'https://example.com/')).toBe(P)
    expect(via('.example.com', 'https://a.example.com/')).toBeUndefined()
    expect(via('*.example.com', 'https://example.com/')).toBe(P)
    expect(via('*.example.com', 'https://a.example.com/')).toBeUndefined()
    expect(via(' Example.COM ,other.org', 'https://EXAMPLE.com./')).toBeUndefined()
  })

  it('an entry with a port matches that port only (default ports count)', () => {
    expect(via('registry.corp:5000', 'https://registry.corp:5000/')).toBeUndefined()
    expect(via('registry.corp:5000', 'https://registry.corp/')).toBe(P)
    expect(via('registry.corp:443', 'https://registry.corp/')).toBeUndefined()
    expect(via('registry.corp:443', 'http://registry.corp/')).toBe(P)
  })

  it('IP addresses, IP:port and CIDR ranges, IPv4 and IPv6', () => {
    expect(via('10.0.0.0/8', 'https://10.20.30.40/')).toBeUndefined()
    expect(via('10.0.0.0/8', 'https://11.0.0.1/')).toBe(P)
    expect(via('192.168.1.5', 'https://192.168.1.5:8443/')).toBeUndefined()
    expect(via('192.168.1.5:5000', 'https://192.168.1.5:8443/')).toBe(P)
    expect(via('2001:db8::/32', 'https://[2001:db8::7]/')).toBeUndefined()
    expect(via('[2001:db8::7]:443', 'https://[2001:db8::7]/')).toBeUndefined()
    expect(via('2001:db8::/32', 'https://[2001:db9::7]/')).toBe(P)
    // an IP entry is not a domain suffix
    expect(via('1.2.3.4', 'https://host1.2.3.4.nip.io/')).toBe(P)
  })
})
