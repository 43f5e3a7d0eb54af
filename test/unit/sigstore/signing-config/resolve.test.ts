import { describe, expect, it } from '@jest/globals'
import {
  loadSigningConfig,
  parseSigningConfig,
  resolveServices,
  SIGNING_CONFIG_MEDIA_TYPE
} from '../../../../src/sigstore/signing-config/index.js'
import type { SigningConfig, SigningConfigChoice } from '../../../../src/sigstore/signing-config/index.js'
import {
  PUBLIC_GOOD_REKOR_V2_SIGNING_CONFIG,
  PUBLIC_GOOD_SIGNING_CONFIG
} from '../../../fixtures/sigstore/public-good-signing-configs.js'

const NOW = new Date('2026-12-03T00:00:00Z')
const PG = parseSigningConfig(PUBLIC_GOOD_SIGNING_CONFIG, 'public-good (TUF target signing_config.v0.2.json)')
const PG_V2 = parseSigningConfig(
  PUBLIC_GOOD_REKOR_V2_SIGNING_CONFIG,
  'public-good-rekor-v2 (TUF target signing_config_rekor_v2.v0.2.json)'
)

/** A loader that records what it was asked for, serving the public-good fixtures. */
function loader() {
  const asked: string[] = []
  const load = async (c: SigningConfigChoice): Promise<SigningConfig> => {
    asked.push(c.kind)
    return c.kind === 'file' ? c.config : c.kind === 'public-good' ? PG : PG_V2
  }
  return { asked, load }
}

describe('resolveServices', () => {
  it('without inputs: public good default chooses fulcio.sigstore.dev and rekor.sigstore.dev v1, no TSA', async () => {
    const { asked, load } = loader()
    expect(await resolveServices({ explicit: {}, now: NOW, load })).toEqual({
      signingConfig: 'public-good',
      fulcio: {
        url: 'https://fulcio.sigstore.dev',
        majorApiVersion: 1,
        operator: 'sigstore.dev',
        from: 'signing-config'
      },
      rekor: [
        {
          url: 'https://rekor.sigstore.dev',
          majorApiVersion: 1,
          operator: 'sigstore.dev',
          from: 'signing-config'
        }
      ],
      tsa: []
    })
    expect(asked).toEqual(['public-good'])
  })

  it('reads no signing config when fulcio-url and rekor-url are both given and none was asked for', async () => {
    const { asked, load } = loader()
    const s = await resolveServices({
      explicit: {
        fulcioUrl: 'http://127.0.0.1:1',
        rekorUrl: 'http://127.0.0.1:2',
        tsaUrl: 'http://127.0.0.1:3/ts'
      },
      now: NOW,
      load
    })
    expect(asked).toEqual([])
    expect(s).toEqual({
      fulcio: { url: 'http://127.0.0.1:1', majorApiVersion: 1, operator: '', from: 'input' },
      rekor: [{ url: 'http://127.0.0.1:2', majorApiVersion: 1, operator: '', from: 'input' }],
      tsa: [{ url: 'http://127.0.0.1:3/ts', majorApiVersion: 1, operator: '', from: 'input' }]
    })
  })

  it('lets each URL input override what the config chooses', async () => {
    const { load } = loader()
    const s = await resolveServices({ explicit: { fulcioUrl: 'https://ca.example' }, now: NOW, load })
    expect([s.signingConfig, s.fulcio.url, s.fulcio.from, s.rekor[0]!.url, s.rekor[0]!.from]).toEqual([
      'public-good',
      'https://ca.example',
      'input',
      'https://rekor.sigstore.dev',
      'signing-config'
    ])
  })

  it('takes the Rekor v2 opt-in: its v2 log, and the TSA it names, which Rekor v2 entries need', async () => {
    const { load } = loader()
    const s = await resolveServices({
      choice: { kind: 'public-good-rekor-v2' },
      explicit: {},
      now: NOW,
      load
    })
    expect(s.rekor).toEqual([
      expect.objectContaining({
        url: 'https://log2025-1.rekor.sigstore.dev',
        majorApiVersion: 2,
        from: 'signing-config'
      })
    ])
    expect(s.tsa.map(t => t.url)).toEqual(['https://timestamp.sigstore.dev/api/v1/timestamp'])
  })

  it('takes the Rekor v2 opt-in when rekor-url overrides its log choice', async () => {
    const { asked, load } = loader()
    const s = await resolveServices({
      choice: { kind: 'public-good-rekor-v2' },
      explicit: { rekorUrl: 'https://rekor.sigstore.dev' },
      now: NOW,
      load
    })
    expect(asked).toEqual(['public-good-rekor-v2'])
    expect([
      s.signingConfig,
      s.fulcio.url,
      s.rekor.map(r => [r.url, r.majorApiVersion, r.from]),
      s.tsa
    ]).toEqual([
      'public-good-rekor-v2',
      'https://fulcio.sigstore.dev',
      [['https://rekor.sigstore.dev', 1, 'input']],
      []
    ])
  })

  it('uses a file config as given, and names its path', async () => {
    const config = parseSigningConfig(
      {
        ...PUBLIC_GOOD_SIGNING_CONFIG,
        caUrls: [{ url: 'https://ca.corp', majorApiVersion: 1, operator: 'corp' }],
        rekorTlogUrls: [{ url: 'https://log.corp', majorApiVersion: 1, operator: 'corp' }]
      },
      '/cfg/sc.json'
    )
    const { asked, load } = loader()
    const s = await resolveServices({
      choice: { kind: 'file', path: '/cfg/sc.json', config },
      explicit: {},
      now: NOW,
      load
    })
    expect(asked).toEqual(['file'])
    expect([s.signingConfig, s.fulcio.url, s.rekor[0]!.url]).toEqual([
      '/cfg/sc.json',
      'https://ca.corp',
      'https://log.corp'
    ])
  })

  it('refuses a config without the service the inputs leave to it, naming the input that would do', async () => {
    const config = parseSigningConfig(
      { mediaType: SIGNING_CONFIG_MEDIA_TYPE, caUrls: PUBLIC_GOOD_SIGNING_CONFIG.caUrls },
      'sc.json'
    )
    const choice: SigningConfigChoice = { kind: 'file', path: 'sc.json', config }
    await expect(resolveServices({ choice, explicit: {}, now: NOW })).rejects.toThrow(
      expect.objectContaining({
        code: 'SIGNING_CONFIG_NO_SERVICE',
        message: 'signing config sc.json: $.rekorTlogUrls lists no service; add one, or set rekor-url'
      })
    )
    const s = await resolveServices({ choice, explicit: { rekorUrl: 'https://log.corp' }, now: NOW })
    expect(s.rekor[0]!.url).toBe('https://log.corp')
  })

  it('refuses a selection of several logs (ALL, EXACT n > 1): one log per signature today', async () => {
    const config = parseSigningConfig(
      {
        ...PUBLIC_GOOD_SIGNING_CONFIG,
        rekorTlogUrls: [
          { url: 'https://log.a', majorApiVersion: 1, operator: 'a' },
          { url: 'https://log.b', majorApiVersion: 1, operator: 'b' }
        ],
        rekorTlogConfig: { selector: 'ALL' }
      },
      'sc.json'
    )
    await expect(
      resolveServices({ choice: { kind: 'file', path: 'sc.json', config }, explicit: {}, now: NOW })
    ).rejects.toThrow(
      expect.objectContaining({
        code: 'SIGNING_CONFIG_UNSUPPORTED',
        message: expect.stringContaining('selects 2 Rekor logs (https://log.a, https://log.b)')
      })
    )
  })
})

describe('loadSigningConfig', () => {
  it('reads public good documents from their TUF targets', async () => {
    const asked: string[] = []
    const target = async (name: string) => {
      asked.push(name)
      return JSON.stringify(
        name.includes('rekor_v2') ? PUBLIC_GOOD_REKOR_V2_SIGNING_CONFIG : PUBLIC_GOOD_SIGNING_CONFIG
      )
    }
    const pg = await loadSigningConfig({ kind: 'public-good' }, target)
    const v2 = await loadSigningConfig({ kind: 'public-good-rekor-v2' }, target)
    expect(asked).toEqual(['signing_config.v0.2.json', 'signing_config_rekor_v2.v0.2.json'])
    expect([pg.source, pg.rekorTlogUrls.length, v2.source, v2.rekorTlogUrls.length]).toEqual([
      'public-good (TUF target signing_config.v0.2.json)',
      1,
      'public-good-rekor-v2 (TUF target signing_config_rekor_v2.v0.2.json)',
      2
    ])
  })
})
