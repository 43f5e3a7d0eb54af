// The Rekor client's failures name their cause and the fix that fits it; a 409 returns the existing entry.
import { describe, expect, it } from '@jest/globals'
import { HttpError } from '../../../src/http/index.js'
import type { HttpResponse } from '../../../src/http/index.js'
import { RekorClient } from '../../../src/sigstore/witness/rekor-client.js'

const ENTRY = { kind: 'dsse', apiVersion: '0.0.1', spec: {} }
const answer = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse =>
  ({
    status,
    headers: new Headers(headers),
    url: 'http://rekor.test/',
    text: async () => JSON.stringify(body),
    json: async () => body,
    discard: () => undefined
  }) as unknown as HttpResponse

/** A fake transport answering each request in turn (the real client's retries are not the point here). */
const fake = (...answers: Array<HttpResponse | Error>) => {
  const seen: string[] = []
  return {
    seen,
    http: {
      request: async (url: string | URL, init?: { method?: string }) => {
        seen.push(`${init?.method ?? 'GET'} ${new URL(url.toString()).pathname}`)
        const next = answers.shift()!
        if (next instanceof Error) throw next
        return next
      }
    }
  }
}

const failure = async (client: RekorClient) =>
  (await client.createEntry(ENTRY).catch((e: unknown) => e)) as Error & { code?: string }

describe('RekorClient', () => {
  it('names a rate limit as such and suggests waiting, not checking the URL', async () => {
    const { http } = fake(answer(429, { message: 'slow down' }))
    const err = await failure(new RekorClient({ baseUrl: 'http://rekor.test', http }))
    expect(err.code).toBe('REKOR_REQUEST_FAILED')
    expect(err.message).toContain('rate limited after every retry (Retry-After honoured)')
    expect(err.message).toContain('Re-run the job later')
    expect(err.message).not.toContain('Check the rekor URL')
  })

  it('names a server error, a network failure and a refusal each with its own fix', async () => {
    const server = await failure(
      new RekorClient({ baseUrl: 'http://rekor.test', http: fake(answer(503, {})).http })
    )
    expect(server.message).toMatch(/server error after every retry: HTTP 503.*check its status/)
    const network = await failure(
      new RekorClient({
        baseUrl: 'http://rekor.test',
        http: fake(new HttpError('HTTP_NETWORK', 'connect ECONNREFUSED', { url: 'http://rekor.test' })).http
      })
    )
    expect(network.message).toMatch(
      /network failure: connect ECONNREFUSED\. Check the rekor URL and that the runner can reach it/
    )
    const refused = await failure(
      new RekorClient({ baseUrl: 'http://rekor.test', http: fake(answer(400, {})).http })
    )
    expect(refused.message).toMatch(/refused: HTTP 400.*Rekor v1 API/)
  })

  it('treats a 409 (the entry exists, e.g. a replay after a lost answer) as success with that entry', async () => {
    const existing = { abc: { body: 'e30=', integratedTime: 1, logID: 'id', logIndex: 7 } }
    const { http, seen } = fake(
      answer(409, {}, { location: '/api/v1/log/entries/abc' }),
      answer(200, existing)
    )
    const entry = await new RekorClient({ baseUrl: 'http://rekor.test', http }).createEntry(ENTRY)
    expect(entry).toMatchObject({ uuid: 'abc', logIndex: 7 })
    expect(seen).toEqual(['POST /api/v1/log/entries', 'GET /api/v1/log/entries/abc'])
  })
})
