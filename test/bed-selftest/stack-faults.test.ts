import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import type { RequestRecord } from '../bed/http-faults.js'
import { decodeJwt } from '../bed/sigstore/jwt.js'
import { postJson, startLocalStack, type LocalStack } from './support/local-stack.js'

let local: LocalStack
beforeAll(async () => {
  local = await startLocalStack()
})
afterAll(async () => local.stop())

const setRules = (adminUrl: string, rules: unknown[]) => postJson(adminUrl, { rules })

describe('fault injection on the Sigstore stack', () => {
  it('has its own admin endpoint on each of the four servers', () => {
    const { adminUrl, oidcUrl, fulcioUrl, rekorUrl, tsaUrl } = local.stack
    expect(adminUrl).toEqual({
      oidc: `${oidcUrl}/__faults`,
      fulcio: `${fulcioUrl}/__faults`,
      rekor: `${rekorUrl}/__faults`,
      tsa: `${new URL(tsaUrl).origin}/__faults`
    })
  })

  it('makes Rekor answer 503 with Retry-After for the first upload, then accept the retry', async () => {
    await setRules(local.stack.adminUrl.rekor, [
      {
        method: 'POST',
        path: '^/api/v1/log/entries$',
        action: 'status',
        status: 503,
        retryAfter: '1',
        times: 1
      }
    ])
    const first = await postJson(`${local.stack.rekorUrl}/api/v1/log/entries`, { kind: 'nope' })
    expect(first.status).toBe(503)
    expect(first.headers.get('retry-after')).toBe('1')
    const second = await postJson(`${local.stack.rekorUrl}/api/v1/log/entries`, { kind: 'nope' })
    expect(second.status).toBe(400) // reached the real handler, which rejects the unknown kind
    const log = (await (await fetch(`${local.stack.adminUrl.rekor}/log`)).json()) as RequestRecord[]
    expect(log.slice(-2).map(r => r.status)).toEqual([503, 400])
  })

  it('resets Fulcio connections and logs the Actions token request without the bearer secret', async () => {
    await setRules(local.stack.adminUrl.fulcio, [{ path: 'signingCert', action: 'reset', times: 1 }])
    await expect(postJson(`${local.stack.fulcioUrl}/api/v2/signingCert`, {})).rejects.toThrow()
    const res = await fetch(local.stack.tokenRequestUrl, {
      headers: { authorization: `Bearer ${local.stack.tokenRequestToken}` }
    })
    const { value } = (await res.json()) as { value: string }
    expect(decodeJwt(value).claims.aud).toBe('https://github.com/nvidia')
    const text = await (await fetch(`${local.stack.adminUrl.oidc}/log`)).text()
    expect(text).toContain('"authorization":"Bearer"')
    expect(text).not.toContain(local.stack.tokenRequestToken)
  })
})
