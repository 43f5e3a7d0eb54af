// A GitHub-Actions-shaped OIDC issuer: discovery, JWKS, a mint endpoint and the Actions token endpoint.
import { generateKeyPairSync, randomBytes, randomUUID, type JsonWebKey, type KeyObject } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { signJwt, type Claims } from './jwt.js'
import { listen, pathOf, readBody, sendError, sendJson, type RunningServer } from './http.js'

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com'

export interface OidcIssuer extends RunningServer {
  issuer: string
  jwks: (JsonWebKey & { kid: string })[]
  tokenRequestUrl: string
  tokenRequestToken: string
  mint(overrides?: Claims): string
}

/** Claims GitHub sets for a tag push of nvidia/gpu-operator running .github/workflows/release.yaml. */
export function defaultClaims(issuer: string, overrides: Claims = {}): Claims {
  const now = Math.floor(Date.now() / 1000)
  const repository = (overrides.repository as string | undefined) ?? 'nvidia/gpu-operator'
  const owner = repository.split('/')[0] ?? ''
  const ref = (overrides.ref as string | undefined) ?? 'refs/tags/v1.2.3'
  const sha = (overrides.sha as string | undefined) ?? '4b1f0c3e5a7d9b2c6e8f0a1b3c5d7e9f1a2b3c4d'
  const workflowPath = '.github/workflows/release.yaml'
  const environment = overrides.environment as string | undefined
  const workflowRef = `${repository}/${workflowPath}@${ref}`
  const base: Claims = {
    jti: randomUUID(),
    sub: environment ? `repo:${repository}:environment:${environment}` : `repo:${repository}:ref:${ref}`,
    aud: 'sigstore',
    ref,
    sha,
    repository,
    repository_owner: owner,
    repository_owner_id: '1728152',
    repository_visibility: 'public',
    repository_id: '215846468',
    actor_id: '41898282',
    actor: 'release-bot',
    run_id: '11223344556',
    run_number: '42',
    run_attempt: '1',
    runner_environment: 'github-hosted',
    workflow: 'Release',
    head_ref: '',
    base_ref: '',
    event_name: 'push',
    ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    ref_protected: 'true',
    workflow_ref: workflowRef,
    workflow_sha: sha,
    job_workflow_ref: (overrides.workflow_ref as string | undefined) ?? workflowRef,
    job_workflow_sha: (overrides.workflow_sha as string | undefined) ?? sha,
    check_run_id: '33445566778',
    iss: issuer,
    nbf: now - 5,
    iat: now - 5,
    exp: now + 600
  }
  if (environment) base.environment = environment
  const merged: Claims = { ...base, ...overrides }
  // null in the overrides removes a claim (e.g. to test a token without job_workflow_ref)
  for (const [k, v] of Object.entries(merged)) if (v === null || v === undefined) delete merged[k]
  return merged
}

/** `issuer: 'self'` makes the issuer its own URL, so a server that fetches discovery from `iss` (Fulcio) finds it. */
export async function startOidcIssuer(opts: { host?: string; issuer?: string } = {}): Promise<OidcIssuer> {
  let issuer = opts.issuer ?? GITHUB_ISSUER
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const kid = randomBytes(8).toString('hex')
  const jwks = [{ ...(publicKey.export({ format: 'jwk' }) as JsonWebKey), kid, alg: 'RS256', use: 'sig' }]
  const tokenRequestToken = randomBytes(24).toString('hex')
  const mint = (overrides: Claims = {}): string =>
    signJwt(defaultClaims(issuer, overrides), privateKey as KeyObject, kid)
  let base = ''

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { path, query } = pathOf(req)
    if (req.method === 'GET' && path === '/.well-known/openid-configuration') {
      return sendJson(res, 200, {
        issuer,
        jwks_uri: `${base}/.well-known/jwks`,
        subject_types_supported: ['public', 'pairwise'],
        response_types_supported: ['id_token'],
        claims_supported: [
          'sub',
          'aud',
          'exp',
          'iat',
          'iss',
          'jti',
          'nbf',
          'ref',
          'repository',
          'repository_id',
          'workflow',
          'job_workflow_ref'
        ],
        id_token_signing_alg_values_supported: ['RS256'],
        scopes_supported: ['openid']
      })
    }
    if (req.method === 'GET' && path === '/.well-known/jwks') return sendJson(res, 200, { keys: jwks })
    if (req.method === 'POST' && path === '/__mint') {
      const text = (await readBody(req)).toString('utf8').trim()
      let overrides: Claims
      try {
        overrides = text ? (JSON.parse(text) as Claims) : {}
      } catch {
        return sendError(res, 400, 'POST /__mint wants a JSON object of claim overrides')
      }
      return sendJson(res, 200, { token: mint(overrides) })
    }
    if (req.method === 'GET' && path === '/actions/token') {
      if (req.headers.authorization !== `Bearer ${tokenRequestToken}`) {
        return sendError(
          res,
          401,
          'Actions token request needs Authorization: Bearer $ACTIONS_ID_TOKEN_REQUEST_TOKEN'
        )
      }
      // without ?audience= GitHub sets aud to the owner's URL
      const owner = String(defaultClaims(issuer).repository_owner)
      const aud = query.get('audience') || `https://github.com/${owner}`
      return sendJson(res, 200, { count: 1, value: mint({ aud }) })
    }
    sendError(res, 404, `no route ${req.method} ${path}`)
  }

  const server = await listen(handler, opts.host)
  base = server.url
  if (issuer === 'self') issuer = server.url
  return {
    ...server,
    issuer,
    jwks,
    tokenRequestUrl: `${server.url}/actions/token?api-version=2.0`,
    tokenRequestToken,
    mint
  }
}
