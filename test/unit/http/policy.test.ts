import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import {
  backoffDelay,
  isRetryableStatus,
  maskHeaders,
  parseRetryAfter,
  redactUrl,
  retryDelay,
  VERSION
} from '../../../src/http/index.js'

const policy = { retries: 5, minDelayMs: 100, maxDelayMs: 1000, maxRetryAfterMs: 5000 }

describe('retry policy', () => {
  it('retries 408, 429 and 5xx except 501', () => {
    expect([408, 429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true)
    expect([200, 301, 400, 401, 403, 404, 412, 501].some(isRetryableStatus)).toBe(false)
  })

  it('draws full-jitter backoff below an exponentially growing, capped ceiling', () => {
    expect(backoffDelay(0, { ...policy, random: () => 0.999 })).toBe(99)
    expect(backoffDelay(2, { ...policy, random: () => 0.5 })).toBe(200)
    expect(backoffDelay(10, { ...policy, random: () => 0.999 })).toBe(999)
    expect(backoffDelay(3, { ...policy, random: () => 0 })).toBe(0)
  })

  it('reads Retry-After as seconds or as an HTTP date, and clamps it', () => {
    const now = Date.parse('2026-01-01T00:00:00Z')
    expect(parseRetryAfter('3', now)).toBe(3000)
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:10 GMT', now)).toBe(10000)
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0)
    expect(parseRetryAfter('soon', now)).toBeUndefined()
    expect(parseRetryAfter(null, now)).toBeUndefined()
    expect(retryDelay(0, policy, '3600')).toBe(5000)
  })
})

describe('redaction', () => {
  it('masks user-info and secret query values but keeps the rest readable', () => {
    expect(redactUrl('https://u:p@example.com/v2/x?digest=sha256:1&X-Amz-Signature=abc&token=t')).toBe(
      'https://***@example.com/v2/x?digest=sha256%3A1&X-Amz-Signature=***&token=***'
    )
    expect(redactUrl('not a url')).toBe('<unparseable url>')
  })

  it('masks credential-bearing headers', () => {
    expect(maskHeaders({ Authorization: 'Bearer x', Accept: 'a', 'X-Registry-Token': 't' })).toEqual({
      authorization: '***',
      accept: 'a',
      'x-registry-token': '***'
    })
  })
})

describe('version', () => {
  it('matches package.json so the user agent names the released version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
      version: string
    }
    expect(VERSION).toBe(pkg.version)
  })
})
