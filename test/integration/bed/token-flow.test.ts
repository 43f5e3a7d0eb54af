import { beforeAll, describe, expect, it } from '@jest/globals'
import { pushSampleImage, readBedState } from '../../bed/state.js'
import { sha256, uploadBlob } from './raw-registry.js'

const state = readBedState()
const bearer = state.registries.bearer
const basic = (user: string, password: string) =>
  'Basic ' + Buffer.from(`${user}:${password}`).toString('base64')

async function getToken(scopes: string[], authorization?: string, extra: Record<string, string> = {}) {
  const url = new URL(bearer.realm)
  url.searchParams.set('service', bearer.service)
  for (const s of scopes) url.searchParams.append('scope', s)
  for (const [k, v] of Object.entries(extra)) url.searchParams.set(k, v)
  const res = await fetch(url, { headers: authorization ? { authorization } : {} })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

async function postToken(form: Record<string, string>) {
  const res = await fetch(bearer.realm, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ service: bearer.service, client_id: 'bed-test', ...form })
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

const decode = (jwt: string, part: 0 | 1) =>
  JSON.parse(Buffer.from(jwt.split('.')[part]!, 'base64url').toString()) as Record<string, unknown>
const withToken = (token: unknown) => ({ authorization: `Bearer ${String(token)}` })
const manifestUrl = (repo: string, ref: string) => `http://${bearer.host}/v2/${repo}/manifests/${ref}`
const accept = { accept: 'application/vnd.oci.image.manifest.v1+json' }

describe('bearer registry token flow (distribution 2.8 + the bed token server)', () => {
  let privateDigest = ''
  let publicDigest = ''
  beforeAll(async () => {
    privateDigest = await pushSampleImage(state, 'bearer', 'team/app', 'v1')
    publicDigest = await pushSampleImage(state, 'bearer', `${bearer.anonymousPullPrefix}app`, 'v1')
  })

  it('issues a token with Basic credentials that the registry accepts for pull and push', async () => {
    const auth = basic(bearer.username, bearer.password)
    const { status, body } = await getToken(['repository:team/app:pull,push'], auth)
    expect(status).toBe(200)
    expect(body.token).toBe(body.access_token)
    expect(decode(String(body.token), 0)).toMatchObject({ alg: 'ES256', typ: 'JWT' })
    expect(decode(String(body.token), 1)).toMatchObject({
      sub: bearer.username,
      aud: bearer.service,
      access: [{ type: 'repository', name: 'team/app', actions: ['pull', 'push'] }]
    })
    const pulled = await fetch(manifestUrl('team/app', 'v1'), {
      headers: { ...accept, ...withToken(body.token) }
    })
    expect(pulled.status).toBe(200)
    expect(pulled.headers.get('docker-content-digest')).toBe(privateDigest)
    const blob = Buffer.from('pushed with a bearer token')
    await expect(uploadBlob(bearer.host, 'team/app', blob, withToken(body.token))).resolves.toBe(sha256(blob))
  })

  it('refuses wrong credentials at the token server', async () => {
    const { status } = await getToken(['repository:team/app:pull'], basic(bearer.username, 'wrong'))
    expect(status).toBe(401)
  })

  it('gives anonymous callers pull on the public prefix only', async () => {
    const pub = await getToken([`repository:${bearer.anonymousPullPrefix}app:pull,push`])
    expect(decode(String(pub.body.token), 1).access).toEqual([
      { type: 'repository', name: `${bearer.anonymousPullPrefix}app`, actions: ['pull'] }
    ])
    const pulled = await fetch(manifestUrl(`${bearer.anonymousPullPrefix}app`, 'v1'), {
      headers: { ...accept, ...withToken(pub.body.token) }
    })
    expect(pulled.status).toBe(200)
    expect(pulled.headers.get('docker-content-digest')).toBe(publicDigest)

    const priv = await getToken(['repository:team/app:pull'])
    expect(priv.status).toBe(200)
    const denied = await fetch(manifestUrl('team/app', 'v1'), {
      headers: { ...accept, ...withToken(priv.body.token) }
    })
    expect(denied.status).toBe(401)
    expect(denied.headers.get('www-authenticate')).toContain('error="insufficient_scope"')
  })

  it('supports the OAuth2 password and refresh_token grants (identity tokens)', async () => {
    const scope = 'repository:team/app:pull'
    const password = await postToken({
      grant_type: 'password',
      username: bearer.username,
      password: bearer.password,
      access_type: 'offline',
      scope
    })
    expect(password.status).toBe(200)
    expect(typeof password.body.refresh_token).toBe('string')
    for (const refresh of [String(password.body.refresh_token), bearer.identityToken]) {
      const r = await postToken({ grant_type: 'refresh_token', refresh_token: refresh, scope })
      expect(r.status).toBe(200)
      const pulled = await fetch(manifestUrl('team/app', 'v1'), {
        headers: { ...accept, ...withToken(r.body.access_token) }
      })
      expect(pulled.status).toBe(200)
    }
    expect(
      (await postToken({ grant_type: 'refresh_token', refresh_token: 'not-issued', scope })).status
    ).toBe(401)
    expect(
      (await postToken({ grant_type: 'password', username: bearer.username, password: 'no', scope })).status
    ).toBe(401)
    expect((await postToken({ grant_type: 'client_credentials', scope })).status).toBe(400)
  })

  it('logs token requests by auth scheme only, never the credential', async () => {
    await getToken(['repository:team/app:pull'], basic(bearer.username, bearer.password))
    const log = (await (await fetch(`${bearer.tokenAdminUrl}/log`)).json()) as Array<Record<string, unknown>>
    expect(log.some(r => r.authorization === 'Basic' && r.status === 200)).toBe(true)
    expect(JSON.stringify(log)).not.toContain(bearer.password)
  })
})
