import { describe, expect, it } from '@jest/globals'
import {
  parseSigningConfig,
  parseSigningConfigText,
  SIGNING_CONFIG_MEDIA_TYPE
} from '../../../../src/sigstore/signing-config/index.js'
import {
  PUBLIC_GOOD_REKOR_V2_SIGNING_CONFIG,
  PUBLIC_GOOD_SIGNING_CONFIG
} from '../../../fixtures/sigstore/public-good-signing-configs.js'

const service = (url: string, extra: Record<string, unknown> = {}) => ({
  url,
  majorApiVersion: 1,
  validFor: { start: '2024-01-01T00:00:00Z' },
  operator: 'example.com',
  ...extra
})
const doc = (over: Record<string, unknown> = {}) => ({
  mediaType: SIGNING_CONFIG_MEDIA_TYPE,
  caUrls: [service('https://fulcio.example.com')],
  rekorTlogUrls: [service('https://rekor.example.com')],
  rekorTlogConfig: { selector: 'ANY' },
  ...over
})
const refused = (json: unknown) => {
  try {
    parseSigningConfig(json, 'sc.json')
  } catch (err) {
    return { code: (err as { code?: string }).code, message: (err as Error).message }
  }
  throw new Error('parsed')
}

describe('parseSigningConfig', () => {
  it('reads public good default document: services with versions, windows, operators; selectors', () => {
    const c = parseSigningConfig(PUBLIC_GOOD_SIGNING_CONFIG, 'public-good')
    expect(c.caUrls).toEqual([
      {
        url: 'https://fulcio.sigstore.dev',
        majorApiVersion: 1,
        validFor: { start: new Date('2022-04-13T20:06:15.000Z') },
        operator: 'sigstore.dev',
        path: '$.caUrls[0]'
      }
    ])
    expect(c.rekorTlogUrls.map(s => [s.url, s.majorApiVersion])).toEqual([['https://rekor.sigstore.dev', 1]])
    expect(c.tsaUrls.map(s => s.url)).toEqual(['https://timestamp.sigstore.dev/api/v1/timestamp'])
    expect(c.oidcUrls.map(s => s.url)).toEqual(['https://oauth2.sigstore.dev/auth'])
    expect([c.rekorTlogConfig, c.tsaConfig]).toEqual([{ selector: 'ANY' }, { selector: 'ANY' }])
    const v2 = parseSigningConfig(PUBLIC_GOOD_REKOR_V2_SIGNING_CONFIG, 'public-good-rekor-v2')
    expect(v2.rekorTlogUrls.map(s => [s.url, s.majorApiVersion, s.path])).toEqual([
      ['https://log2025-1.rekor.sigstore.dev', 2, '$.rekorTlogUrls[0]'],
      ['https://rekor.sigstore.dev', 1, '$.rekorTlogUrls[1]']
    ])
  })

  it('takes protojson forms: numeric selectors, counts as strings, absent lists, open windows', () => {
    const c = parseSigningConfig(
      doc({
        caUrls: [{ url: 'https://fulcio.example.com/', majorApiVersion: '1' }],
        rekorTlogUrls: [service('https://a.example'), service('https://b.example')],
        rekorTlogConfig: { selector: 3, count: '2' }
      }),
      'sc.json'
    )
    expect(c.caUrls[0]).toEqual({
      url: 'https://fulcio.example.com',
      majorApiVersion: 1,
      validFor: {},
      operator: '',
      path: '$.caUrls[0]'
    })
    expect(c.rekorTlogConfig).toEqual({ selector: 'EXACT', count: 2 })
    expect([c.oidcUrls, c.tsaUrls, c.tsaConfig]).toEqual([[], [], undefined])
    // A missing majorApiVersion is proto3's 0: a service not yet released, never selected.
    expect(
      parseSigningConfig(doc({ caUrls: [{ url: 'https://f.example' }] }), 'x').caUrls[0]!.majorApiVersion
    ).toBe(0)
  })

  it('reads the proto field names protojson also accepts (ca_urls, major_api_version, valid_for…)', () => {
    const c = parseSigningConfig(
      {
        media_type: SIGNING_CONFIG_MEDIA_TYPE,
        ca_urls: [
          { url: 'https://f.example', major_api_version: 1, valid_for: { start: '2024-01-01T00:00:00Z' } }
        ],
        rekor_tlog_urls: [{ url: 'https://r.example', major_api_version: 2 }],
        rekor_tlog_config: { selector: 'ANY' }
      },
      'sc.json'
    )
    expect([
      c.caUrls[0]!.majorApiVersion,
      c.caUrls[0]!.validFor.start,
      c.rekorTlogUrls[0]!.majorApiVersion
    ]).toEqual([1, new Date('2024-01-01T00:00:00Z'), 2])
    expect(c.rekorTlogConfig).toEqual({ selector: 'ANY' })
  })

  it.each([
    ['not an object', [], '$ must be a JSON object (a Sigstore SigningConfig)'],
    [
      'v0.1 media type',
      doc({ mediaType: 'application/vnd.dev.sigstore.signingconfig.v0.1+json' }),
      `$.mediaType is "application/vnd.dev.sigstore.signingconfig.v0.1+json"; only ${SIGNING_CONFIG_MEDIA_TYPE} is read`
    ],
    ['no media type', doc({ mediaType: undefined }), '$.mediaType is null; only'],
    ['a list that is not one', doc({ caUrls: { url: 'x' } }), '$.caUrls must be a list of services'],
    ['a service without url', doc({ caUrls: [{ majorApiVersion: 1 }] }), '$.caUrls[0].url is required'],
    [
      'a relative url',
      doc({ rekorTlogUrls: [service('rekor.example.com')] }),
      '$.rekorTlogUrls[0].url "rekor.example.com" is not a URL'
    ],
    [
      'a non-http url',
      doc({ caUrls: [service('ftp://f.example')] }),
      '$.caUrls[0].url "ftp://f.example" must be an http(s) URL'
    ],
    [
      'a negative version',
      doc({ caUrls: [service('https://f.example', { majorApiVersion: -1 })] }),
      '$.caUrls[0].majorApiVersion -1 is not a non-negative integer'
    ],
    [
      'a fractional version',
      doc({ caUrls: [service('https://f.example', { majorApiVersion: 1.5 })] }),
      '$.caUrls[0].majorApiVersion 1.5 is not'
    ],
    [
      'a date that is not RFC 3339',
      doc({ caUrls: [service('https://f.example', { validFor: { start: '2024-01-01' } })] }),
      '$.caUrls[0].validFor.start "2024-01-01" is not an RFC 3339 time'
    ],
    [
      'an impossible date',
      doc({ caUrls: [service('https://f.example', { validFor: { end: '2024-13-40T00:00:00Z' } })] }),
      '$.caUrls[0].validFor.end "2024-13-40T00:00:00Z" is not'
    ],
    [
      'a day the month does not have',
      doc({ caUrls: [service('https://f.example', { validFor: { start: '2025-02-29T00:00:00Z' } })] }),
      '$.caUrls[0].validFor.start "2025-02-29T00:00:00Z" is not'
    ],
    [
      'an end before its start',
      doc({
        caUrls: [
          service('https://f.example', {
            validFor: { start: '2025-01-01T00:00:00Z', end: '2024-01-01T00:00:00Z' }
          })
        ]
      }),
      '$.caUrls[0].validFor.end is before its start'
    ],
    [
      'an operator that is not a string',
      doc({ caUrls: [service('https://f.example', { operator: 7 })] }),
      '$.caUrls[0].operator must be a string'
    ],
    [
      'Rekor services without a config',
      doc({ rekorTlogConfig: undefined }),
      '$.rekorTlogConfig is required when rekorTlogUrls lists services'
    ],
    [
      'TSAs without a config',
      doc({ tsaUrls: [service('https://t.example')] }),
      '$.tsaConfig is required when tsaUrls lists services'
    ],
    [
      'an unset selector',
      doc({ rekorTlogConfig: { selector: 'SERVICE_SELECTOR_UNDEFINED' } }),
      '$.rekorTlogConfig.selector is "SERVICE_SELECTOR_UNDEFINED"; give ANY, ALL or EXACT'
    ],
    ['a missing selector', doc({ rekorTlogConfig: {} }), '$.rekorTlogConfig.selector is null'],
    [
      'EXACT without count',
      doc({ rekorTlogConfig: { selector: 'EXACT' } }),
      '$.rekorTlogConfig.count must be greater than 0 with selector EXACT'
    ],
    [
      'EXACT 0',
      doc({ rekorTlogConfig: { selector: 'EXACT', count: 0 } }),
      '$.rekorTlogConfig.count must be greater than 0'
    ],
    [
      'EXACT above the list',
      doc({ rekorTlogConfig: { selector: 'EXACT', count: 2 } }),
      '$.rekorTlogConfig.count is 2, but rekorTlogUrls lists 1 service(s)'
    ]
  ])('refuses %s, naming the file and the JSON path', (_what, json, message) => {
    const r = refused(json)
    expect(r.code).toBe('SIGNING_CONFIG_INVALID')
    expect(r.message).toContain(`signing config sc.json: ${message}`)
  })

  it('refuses text that is not JSON, naming the file', () => {
    expect(() => parseSigningConfigText('{"mediaType":', '/etc/sc.json')).toThrow(
      expect.objectContaining({
        code: 'SIGNING_CONFIG_INVALID',
        message: expect.stringMatching(/^signing config \/etc\/sc.json: \$ is not JSON/)
      })
    )
  })
})
