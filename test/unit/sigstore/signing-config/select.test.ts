import { describe, expect, it } from '@jest/globals'
import {
  parseSigningConfig,
  selectService,
  selectServices,
  selectSigningServices,
  SIGNING_CONFIG_MEDIA_TYPE,
  SUPPORTED_API_VERSIONS
} from '../../../../src/sigstore/signing-config/index.js'
import {
  PUBLIC_GOOD_REKOR_V2_SIGNING_CONFIG,
  PUBLIC_GOOD_SIGNING_CONFIG
} from '../../../fixtures/sigstore/public-good-signing-configs.js'

const NOW = new Date('2026-06-01T12:00:00Z')
type Svc = { url: string; v?: number; start?: string; end?: string; op?: string }
const svc = (s: Svc) => ({
  url: s.url,
  majorApiVersion: s.v ?? 1,
  ...(s.start || s.end
    ? { validFor: { ...(s.start ? { start: s.start } : {}), ...(s.end ? { end: s.end } : {}) } }
    : {}),
  ...(s.op !== undefined ? { operator: s.op } : { operator: 'example.com' })
})
const config = (
  rekor: Svc[],
  rekorTlogConfig: Record<string, unknown> = { selector: 'ANY' },
  ca: Svc[] = []
) =>
  parseSigningConfig(
    {
      mediaType: SIGNING_CONFIG_MEDIA_TYPE,
      caUrls: ca.map(svc),
      rekorTlogUrls: rekor.map(svc),
      rekorTlogConfig
    },
    'sc.json'
  )
const urls = (c: ReturnType<typeof config>, versions = [1, 2], now = NOW) =>
  selectServices(c, 'rekorTlogUrls', versions, now).map(s => s.url)

describe('validity windows', () => {
  it('skips an expired service and one not yet valid; an open end is valid from its start on', () => {
    const c = config([
      { url: 'https://expired', start: '2025-01-01T00:00:00Z', end: '2026-01-01T00:00:00Z' },
      { url: 'https://future', start: '2027-01-01T00:00:00Z' },
      { url: 'https://open', start: '2024-01-01T00:00:00Z' }
    ])
    expect(urls(c)).toEqual(['https://open'])
    expect(urls(c, [1], new Date('2025-06-01T00:00:00Z'))).toEqual(['https://expired'])
    expect(urls(c, [1], new Date('2027-06-01T00:00:00Z'))).toEqual(['https://future'])
  })

  it('includes both ends of a window', () => {
    const c = config([{ url: 'https://w', start: '2026-01-01T00:00:00Z', end: '2026-06-01T12:00:00Z' }])
    expect(urls(c, [1], new Date('2026-01-01T00:00:00Z'))).toEqual(['https://w'])
    expect(urls(c, [1], NOW)).toEqual(['https://w'])
    expect(() => urls(c, [1], new Date('2026-06-01T12:00:00.001Z'))).toThrow(
      /no service in rekorTlogUrls is valid/
    )
  })

  it('takes a service without any window as always valid, but after one with a start date', () => {
    const c = config([{ url: 'https://undated' }, { url: 'https://dated', start: '2020-01-01T00:00:00Z' }])
    expect(urls(c)).toEqual(['https://dated'])
    expect(urls(config([{ url: 'https://undated' }]), [1], new Date('1990-01-01T00:00:00Z'))).toEqual([
      'https://undated'
    ])
  })

  it('prefers the newest start among valid services, whatever the document order', () => {
    const c = config([
      { url: 'https://old', start: '2021-01-01T00:00:00Z' },
      { url: 'https://new', start: '2026-01-01T00:00:00Z' }
    ])
    expect(urls(c)).toEqual(['https://new'])
  })
})

describe('API versions', () => {
  const mixed = config([
    { url: 'https://v1', v: 1, start: '2021-01-01T00:00:00Z' },
    { url: 'https://v2', v: 2, start: '2025-01-01T00:00:00Z' },
    { url: 'https://v3', v: 3, start: '2025-01-01T00:00:00Z' }
  ])

  it('picks the highest supported version, skipping unsupported ones', () => {
    expect(selectServices(mixed, 'rekorTlogUrls', [1, 2], NOW)).toEqual([
      { url: 'https://v2', majorApiVersion: 2, operator: 'example.com' }
    ])
    expect(urls(mixed, [2, 1])).toEqual(['https://v2'])
    expect(urls(mixed, [1])).toEqual(['https://v1'])
  })

  it('falls back to a lower version when no service of the higher one is valid now', () => {
    const c = config([
      { url: 'https://v2-later', v: 2, start: '2027-01-01T00:00:00Z' },
      { url: 'https://v1', v: 1, start: '2021-01-01T00:00:00Z' }
    ])
    expect(urls(c)).toEqual(['https://v1'])
  })

  it('never selects version 0 (not yet released), and says what was listed when nothing fits', () => {
    const c = config([{ url: 'https://v0', v: 0, start: '2021-01-01T00:00:00Z' }])
    expect(() => urls(c)).toThrow(
      expect.objectContaining({
        code: 'SIGNING_CONFIG_NO_SERVICE',
        message:
          'signing config sc.json: no service in rekorTlogUrls is valid at 2026-06-01T12:00:00.000Z with majorApiVersion 2 or 1; ' +
          'it lists https://v0 (majorApiVersion 0, valid 2021-01-01T00:00:00.000Z to open)'
      })
    )
  })

  it('does not mix versions in one selection (ALL takes only the highest)', () => {
    const c = config(
      [
        { url: 'https://a-v2', v: 2, op: 'a', start: '2025-01-01T00:00:00Z' },
        { url: 'https://b-v1', v: 1, op: 'b', start: '2025-01-01T00:00:00Z' }
      ],
      { selector: 'ALL' }
    )
    expect(urls(c)).toEqual(['https://a-v2'])
  })
})

describe('selectors and operators', () => {
  const three = (sel: Record<string, unknown>) =>
    config(
      [
        { url: 'https://a-old', op: 'a.dev', start: '2024-01-01T00:00:00Z' },
        { url: 'https://a-new', op: 'a.dev', start: '2025-01-01T00:00:00Z' },
        { url: 'https://b', op: 'b.dev', start: '2023-01-01T00:00:00Z' },
        { url: 'https://c', op: 'c.dev', start: '2022-01-01T00:00:00Z' }
      ],
      sel
    )

  it('ALL: one service per operator, the newest of each', () => {
    expect(urls(three({ selector: 'ALL' }))).toEqual(['https://a-new', 'https://b', 'https://c'])
  })

  it('ANY: one service, the newest (deterministic)', () => {
    expect(urls(three({ selector: 'ANY' }))).toEqual(['https://a-new'])
  })

  it('EXACT n: n services from distinct operators, newest first', () => {
    expect(urls(three({ selector: 'EXACT', count: 2 }))).toEqual(['https://a-new', 'https://b'])
    expect(urls(three({ selector: 'EXACT', count: 3 }))).toEqual(['https://a-new', 'https://b', 'https://c'])
  })

  it('EXACT n fails when fewer distinct operators are valid now', () => {
    const c = config(
      [
        { url: 'https://a1', op: 'a.dev', start: '2024-01-01T00:00:00Z' },
        { url: 'https://a2', op: 'a.dev', start: '2025-01-01T00:00:00Z' },
        { url: 'https://b', op: 'b.dev', start: '2024-01-01T00:00:00Z', end: '2025-01-01T00:00:00Z' }
      ],
      { selector: 'EXACT', count: 2 }
    )
    expect(() => urls(c)).toThrow(
      expect.objectContaining({
        code: 'SIGNING_CONFIG_NO_SERVICE',
        message:
          'signing config sc.json: rekorTlogConfig asks for EXACT 2 services from distinct operators, but only 1 ' +
          'rekorTlogUrls is usable at 2026-06-01T12:00:00.000Z (https://a2 by a.dev)'
      })
    )
  })

  it('groups services without an operator together, as sigstore-go does', () => {
    const c = config(
      [
        { url: 'https://x', op: '', start: '2025-01-01T00:00:00Z' },
        { url: 'https://y', op: '', start: '2024-01-01T00:00:00Z' }
      ],
      { selector: 'ALL' }
    )
    expect(urls(c)).toEqual(['https://x'])
  })
})

describe('selectService (Fulcio, OIDC: one)', () => {
  it('takes the newest valid service of the highest supported version', () => {
    const c = config([{ url: 'https://r' }], { selector: 'ANY' }, [
      { url: 'https://ca-old', start: '2022-01-01T00:00:00Z' },
      { url: 'https://ca-new', start: '2026-01-01T00:00:00Z' },
      { url: 'https://ca-next', start: '2026-12-01T00:00:00Z' }
    ])
    expect(selectService(c, 'caUrls', [1], NOW).url).toBe('https://ca-new')
    expect(() => selectService(c, 'caUrls', [2], NOW)).toThrow(
      /no service in caUrls is valid .* majorApiVersion 2/
    )
  })
})

describe('the public-good documents', () => {
  const at = (json: unknown, now: Date) =>
    selectSigningServices(parseSigningConfig(json, 'public-good'), SUPPORTED_API_VERSIONS, now)

  it('default: Fulcio, Rekor v1, the TSA, the OIDC provider', () => {
    expect(at(PUBLIC_GOOD_SIGNING_CONFIG, NOW)).toEqual({
      fulcio: { url: 'https://fulcio.sigstore.dev', majorApiVersion: 1, operator: 'sigstore.dev' },
      oidc: { url: 'https://oauth2.sigstore.dev/auth', majorApiVersion: 1, operator: 'sigstore.dev' },
      rekor: [{ url: 'https://rekor.sigstore.dev', majorApiVersion: 1, operator: 'sigstore.dev' }],
      tsa: [
        {
          url: 'https://timestamp.sigstore.dev/api/v1/timestamp',
          majorApiVersion: 1,
          operator: 'sigstore.dev'
        }
      ]
    })
  })

  it('Rekor v2 opt-in: the v2 shard from 2026-01-01 when v2 is supported, v1 before it or without v2', () => {
    expect(at(PUBLIC_GOOD_REKOR_V2_SIGNING_CONFIG, NOW).rekor).toEqual([
      { url: 'https://log2025-1.rekor.sigstore.dev', majorApiVersion: 2, operator: 'sigstore.dev' }
    ])
    expect(at(PUBLIC_GOOD_REKOR_V2_SIGNING_CONFIG, new Date('2025-12-31T23:59:59Z')).rekor[0]!.url).toBe(
      'https://rekor.sigstore.dev'
    )
    const v1Only = selectSigningServices(
      parseSigningConfig(PUBLIC_GOOD_REKOR_V2_SIGNING_CONFIG, 'x'),
      { ...SUPPORTED_API_VERSIONS, rekor: [1] },
      NOW
    )
    expect(v1Only.rekor[0]!.url).toBe('https://rekor.sigstore.dev')
  })
})
