import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { generateKeyPairSync, sign, X509Certificate } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { decodeJwt, signJwt } from '../bed/sigstore/jwt.js'
import { generateEcKey } from '../bed/sigstore/keys.js'
import { postJson, startLocalStack, type LocalStack } from './support/local-stack.js'

let local: LocalStack
beforeAll(async () => {
  local = await startLocalStack()
})
afterAll(async () => local.stop())

async function mint(overrides: object = {}): Promise<string> {
  const res = await postJson(`${local.stack.oidcUrl}/__mint`, overrides)
  expect(res.status).toBe(200)
  return ((await res.json()) as { token: string }).token
}

/** A v2 signingCert request with a proof of possession over `challenge` (the token's sub by default). */
async function requestCert(token: string, challenge?: string): Promise<Response> {
  const key = generateEcKey()
  const sub = challenge ?? String(decodeJwt(token).claims.sub)
  return postJson(`${local.stack.fulcioUrl}/api/v2/signingCert`, {
    credentials: { oidcIdentityToken: token },
    publicKeyRequest: {
      publicKey: { algorithm: 'ECDSA', content: key.publicPem },
      proofOfPossession: sign('sha256', Buffer.from(sub), key.privateKey).toString('base64')
    }
  })
}

describe('OIDC issuer', () => {
  it('serves discovery and a JWKS whose key verifies minted tokens', async () => {
    const disco = (await (
      await fetch(`${local.stack.oidcUrl}/.well-known/openid-configuration`)
    ).json()) as Record<string, string>
    expect(disco.issuer).toBe('https://token.actions.githubusercontent.com')
    const jwks = (await (await fetch(disco.jwks_uri ?? '')).json()) as { keys: { kid: string }[] }
    const { header, claims } = decodeJwt(await mint())
    expect(jwks.keys.map(k => k.kid)).toContain(header.kid)
    expect(claims).toMatchObject({
      iss: 'https://token.actions.githubusercontent.com',
      aud: 'sigstore',
      sub: 'repo:nvidia/gpu-operator:ref:refs/tags/v1.2.3',
      repository: 'nvidia/gpu-operator',
      repository_owner: 'nvidia',
      ref: 'refs/tags/v1.2.3',
      ref_type: 'tag',
      event_name: 'push',
      workflow_ref: 'nvidia/gpu-operator/.github/workflows/release.yaml@refs/tags/v1.2.3',
      job_workflow_ref: 'nvidia/gpu-operator/.github/workflows/release.yaml@refs/tags/v1.2.3',
      runner_environment: 'github-hosted',
      repository_visibility: 'public'
    })
    for (const k of [
      'sha',
      'repository_id',
      'repository_owner_id',
      'workflow',
      'workflow_sha',
      'job_workflow_sha',
      'run_id',
      'run_attempt',
      'jti',
      'iat',
      'nbf',
      'exp',
      'actor'
    ]) {
      expect(claims[k]).toBeDefined()
    }
  })

  it('merges claim overrides, derives sub from them and drops null claims', async () => {
    const { claims } = decodeJwt(await mint({ repository: 'acme/app', ref: 'refs/heads/main', run_id: null }))
    expect(claims.sub).toBe('repo:acme/app:ref:refs/heads/main')
    expect(claims.workflow_ref).toBe('acme/app/.github/workflows/release.yaml@refs/heads/main')
    expect(claims.repository_owner).toBe('acme')
    expect(claims).not.toHaveProperty('run_id')
  })

  it('answers the Actions token request only with the request bearer, using the asked audience', async () => {
    const url = `${local.stack.tokenRequestUrl}&audience=sigstore`
    expect((await fetch(url)).status).toBe(401)
    expect((await fetch(url, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401)
    const res = await fetch(`${local.stack.tokenRequestUrl}&audience=other`, {
      headers: { authorization: `Bearer ${local.stack.tokenRequestToken}` }
    })
    expect(res.status).toBe(200)
    const { value } = (await res.json()) as { value: string }
    expect(decodeJwt(value).claims.aud).toBe('other')
  })
})

describe('Fulcio', () => {
  it('issues leaf, intermediate and root for a proof of possession over the token subject', async () => {
    const res = await requestCert(await mint())
    expect(res.status).toBe(200)
    const body = (await res.json()) as { signedCertificateEmbeddedSct: { chain: { certificates: string[] } } }
    const [leaf, intermediate, root] = body.signedCertificateEmbeddedSct.chain.certificates.map(
      p => new X509Certificate(p)
    )
    expect(leaf?.verify(intermediate?.publicKey ?? leaf.publicKey)).toBe(true)
    expect(intermediate?.verify(root?.publicKey ?? intermediate.publicKey)).toBe(true)
  })

  it('issues from a PEM CSR (base64 of the PEM, as Go clients send it) and over the v1 legacy API', async () => {
    const key = join(local.dir, 'csr-key.pem')
    writeFileSync(
      key,
      generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' })
    )
    const csr = execFileSync('openssl', ['req', '-new', '-key', key, '-subj', '/CN=ignored'])
    const v2 = await postJson(`${local.stack.fulcioUrl}/api/v2/signingCert`, {
      credentials: { oidcIdentityToken: await mint() },
      certificateSigningRequest: csr.toString('base64')
    })
    expect(v2.status).toBe(200)
    const v1 = await postJson(
      `${local.stack.fulcioUrl}/api/v1/signingCert`,
      { certificateSigningRequest: csr.toString('base64') },
      { authorization: `Bearer ${await mint()}` }
    )
    expect(v1.status).toBe(201)
    expect(v1.headers.get('content-type')).toBe('application/pem-certificate-chain')
    expect((await v1.text()).match(/BEGIN CERTIFICATE/g)).toHaveLength(3)
  })

  it('rejects a proof of possession over anything but the subject', async () => {
    const res = await requestCert(await mint(), 'someone-else')
    expect(res.status).toBe(400)
  })

  it('rejects tokens for another audience, expired ones and ones not signed by the issuer', async () => {
    expect((await requestCert(await mint({ aud: 'not-sigstore' }))).status).toBe(400)
    const past = Math.floor(Date.now() / 1000) - 3600
    expect((await requestCert(await mint({ exp: past, iat: past - 600, nbf: past - 600 }))).status).toBe(400)
    const { header, claims } = decodeJwt(await mint())
    const forger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey
    const forged = signJwt(claims, forger, String(header.kid))
    const res = await requestCert(forged)
    expect(res.status).toBe(400)
    expect(((await res.json()) as { message: string }).message).toMatch(/signature/)
  })

  it('serves its trust bundle', async () => {
    const res = await fetch(`${local.stack.fulcioUrl}/api/v2/trustBundle`)
    const body = (await res.json()) as { chains: { certificates: string[] }[] }
    expect(body.chains[0]?.certificates).toHaveLength(2)
  })
})
