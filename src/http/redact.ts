// Query keys whose values are credentials in practice (signed storage URLs, OAuth flows).
const SECRET_QUERY_KEY = /token|sig|signature|credential|secret|password|passwd|key|auth|code|session/i
const SECRET_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie)$|token|secret|api-key|password/i

/** The URL without user-info and with the values of secret-looking query parameters masked. */
export function redactUrl(input: string | URL): string {
  let url: URL
  try {
    url = new URL(input.toString())
  } catch {
    return '<unparseable url>'
  }
  if (url.username || url.password) {
    url.username = '***'
    url.password = ''
  }
  for (const key of [...new Set(url.searchParams.keys())]) {
    if (SECRET_QUERY_KEY.test(key)) url.searchParams.set(key, '***')
  }
  return url.toString()
}

/** Header names with the values of credential-bearing headers replaced, for debug output. */
export function maskHeaders(headers: Headers | Record<string, string>): Record<string, string> {
  const entries = headers instanceof Headers ? [...headers.entries()] : Object.entries(headers)
  const out: Record<string, string> = {}
  for (const [name, value] of entries) out[name.toLowerCase()] = SECRET_HEADER.test(name) ? '***' : value
  return out
}

/** True for headers that must never leave for another origin. */
export function isCredentialHeader(name: string): boolean {
  return /^(authorization|proxy-authorization|cookie)$/i.test(name)
}
