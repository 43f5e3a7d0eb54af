// The bed's Docker registry token server for the "bearer" registry: GET /token with Basic credentials (or
// none, for anonymous pulls) and POST /token with the OAuth2 password and refresh_token grants.
import { randomBytes, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { withFaults } from '../http-faults.js'
import { grant, parseScopes, type Access } from './token-scope.js'
import type { TokenSigner } from './token-signer.js'

export interface TokenServerOptions {
  service: string
  issuer: string
  username: string
  password: string
  publicPrefix: string
  signer: TokenSigner
  lifetimeSeconds?: number
}

export interface TokenServer {
  realm: string
  adminUrl: string
  /** A refresh token issued up front, for docker config.json `identitytoken`. */
  identityToken: string
  close(): Promise<void>
}

type Caller = { user: string | undefined } | { error: string }

const same = (a: string, b: string) =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' })
  res.end(JSON.stringify(body))
}

export async function startTokenServer(opts: TokenServerOptions): Promise<TokenServer> {
  const lifetime = opts.lifetimeSeconds ?? 300
  const refreshTokens = new Map<string, string>()
  const newRefreshToken = (user: string) => {
    const token = randomBytes(24).toString('hex')
    refreshTokens.set(token, user)
    return token
  }
  const identityToken = newRefreshToken(opts.username)
  const checkPassword = (u: string, p: string): Caller =>
    same(u, opts.username) && same(p, opts.password)
      ? { user: u }
      : { error: 'incorrect username or password' }

  const issue = (user: string | undefined, requested: Access[]) => {
    const now = Math.floor(Date.now() / 1000)
    const access = grant(user, requested, opts.publicPrefix)
    const token = opts.signer.sign({
      iss: opts.issuer,
      sub: user ?? '',
      aud: opts.service,
      exp: now + lifetime,
      nbf: now - 5,
      iat: now,
      jti: randomBytes(12).toString('hex'),
      access
    })
    return { token, access, issued_at: new Date(now * 1000).toISOString(), expires_in: lifetime }
  }

  const handleGet = (req: IncomingMessage, res: ServerResponse, url: URL) => {
    let caller: Caller = { user: undefined }
    const auth = req.headers.authorization
    if (auth) {
      const [scheme, value = ''] = auth.split(' ')
      if (scheme?.toLowerCase() !== 'basic')
        return send(res, 401, { details: 'GET /token takes Basic credentials' })
      const decoded = Buffer.from(value, 'base64').toString('utf8')
      const colon = decoded.indexOf(':')
      caller = checkPassword(decoded.slice(0, colon), decoded.slice(colon + 1))
    }
    if ('error' in caller) return send(res, 401, { details: caller.error })
    const t = issue(caller.user, parseScopes(url.searchParams.getAll('scope')))
    const offline = url.searchParams.get('offline_token') === 'true' && caller.user
    send(res, 200, {
      token: t.token,
      access_token: t.token,
      expires_in: t.expires_in,
      issued_at: t.issued_at,
      ...(offline ? { refresh_token: newRefreshToken(caller.user as string) } : {})
    })
  }

  const handlePost = async (req: IncomingMessage, res: ServerResponse) => {
    const form = new URLSearchParams(await readBody(req))
    const grantType = form.get('grant_type')
    let caller: Caller
    let refreshToken: string | undefined
    if (grantType === 'password') {
      caller = checkPassword(form.get('username') ?? '', form.get('password') ?? '')
      if (!('error' in caller) && form.get('access_type') === 'offline')
        refreshToken = newRefreshToken(caller.user!)
    } else if (grantType === 'refresh_token') {
      const user = refreshTokens.get(form.get('refresh_token') ?? '')
      caller = user ? { user } : { error: 'unknown refresh_token' }
      refreshToken = form.get('refresh_token') ?? undefined
    } else {
      return send(res, 400, { error: 'unsupported_grant_type', error_description: `grant_type ${grantType}` })
    }
    if ('error' in caller) return send(res, 401, { error: 'invalid_grant', error_description: caller.error })
    const scopes = parseScopes(form.getAll('scope'))
    const t = issue(caller.user, scopes)
    send(res, 200, {
      access_token: t.token,
      token_type: 'Bearer',
      scope: form.getAll('scope').join(' '),
      expires_in: t.expires_in,
      issued_at: t.issued_at,
      ...(refreshToken ? { refresh_token: refreshToken } : {})
    })
  }

  const { handler } = withFaults(
    async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://token.invalid')
      if (url.pathname !== '/token')
        return send(res, 404, { details: `no ${url.pathname}; the realm is /token` })
      const service = req.method === 'GET' ? url.searchParams.get('service') : undefined
      if (service !== undefined && service !== null && service !== opts.service) {
        return send(res, 400, {
          details: `unknown service ${JSON.stringify(service)}; this server issues for ${opts.service}`
        })
      }
      if (req.method === 'GET') return handleGet(req, res, url)
      if (req.method === 'POST') return handlePost(req, res)
      send(res, 405, { details: 'use GET or POST' })
    },
    { adminPath: '/__faults' }
  )

  const server: Server = createServer((req, res) => void handler(req, res))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    // "localhost", not the IP literal: go-containerregistry (crane, cosign) refuses realms on loopback IP
    // literals other than the registry's own host:port, and a real token service has a name anyway.
    realm: `http://localhost:${port}/token`,
    adminUrl: `http://127.0.0.1:${port}/__faults`,
    identityToken,
    close: () => new Promise(resolve => server.close(() => resolve()))
  }
}
