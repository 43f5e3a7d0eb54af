import { describe, expect, it } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { getInputs } from '../../../../src/pipeline/run/inputs.js'
import { Phases } from '../../../../src/pipeline/run/phases.js'
import {
  needsTuf,
  publishFormats,
  runServices,
  serviceLines,
  servicesStep
} from '../../../../src/pipeline/run/services-step.js'
import type { Ui } from '../../../../src/pipeline/run/ui.js'
import { parseSigningConfig } from '../../../../src/sigstore/signing-config/index.js'
import type { SigningConfigChoice } from '../../../../src/sigstore/signing-config/index.js'
import {
  PUBLIC_GOOD_REKOR_V2_SIGNING_CONFIG,
  PUBLIC_GOOD_SIGNING_CONFIG
} from '../../../fixtures/sigstore/public-good-signing-configs.js'

const actionYml = parse(readFileSync('action.yml', 'utf8')) as {
  inputs: Record<string, { default?: string }>
}
const dir = mkdtempSync(join(tmpdir(), 'signing-config-inputs-'))
const file = (name: string, content: unknown): string => {
  const path = join(dir, name)
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
  return path
}
const inputs = (values: Record<string, string>) =>
  getInputs(name => values[name] ?? actionYml.inputs[name]?.default ?? '')
const NOW = new Date('2026-12-03T00:00:00Z')
const load = async (c: SigningConfigChoice) =>
  c.kind === 'file'
    ? c.config
    : parseSigningConfig(
        c.kind === 'public-good' ? PUBLIC_GOOD_SIGNING_CONFIG : PUBLIC_GOOD_REKOR_V2_SIGNING_CONFIG,
        c.kind
      )

describe('signing-config input', () => {
  it('takes the two public-good names, and reads and checks a path up front', () => {
    expect(inputs({ subjects: 'r/x:1', 'signing-config': 'public-good' }).signingConfig).toEqual({
      kind: 'public-good'
    })
    expect(inputs({ subjects: 'r/x:1', 'signing-config': 'public-good-rekor-v2' }).signingConfig).toEqual({
      kind: 'public-good-rekor-v2'
    })
    const path = file('ok.json', PUBLIC_GOOD_SIGNING_CONFIG)
    const choice = inputs({ subjects: 'r/x:1', 'signing-config': path }).signingConfig
    expect(
      choice?.kind === 'file' && [choice.path, choice.config.source, choice.config.caUrls[0]!.url]
    ).toEqual([path, path, 'https://fulcio.sigstore.dev'])
  })

  it('refuses an unreadable or invalid document as an error of the input, naming file and JSON path', () => {
    const missing = join(dir, 'missing.json')
    expect(() => inputs({ subjects: 'r/x:1', 'signing-config': missing })).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        input: 'signing-config',
        message: expect.stringContaining(
          `input "signing-config": signing config ${missing} cannot be read (ENOENT)`
        )
      })
    )
    const bad = file('bad.json', { ...PUBLIC_GOOD_SIGNING_CONFIG, rekorTlogConfig: { selector: 'SOME' } })
    expect(() => inputs({ subjects: 'r/x:1', 'signing-config': bad })).toThrow(
      `input "signing-config": signing config ${bad}: $.rekorTlogConfig.selector is "SOME"; give ANY, ALL or EXACT (with count)`
    )
  })
})

describe('runServices', () => {
  it('keeps the default path: public good chooses fulcio.sigstore.dev and rekor.sigstore.dev (v1), no TSA', async () => {
    const s = await runServices(inputs({ subjects: 'r/x:1' }), { now: NOW, load })
    expect(serviceLines(s)).toEqual([
      'Fulcio https://fulcio.sigstore.dev (API v1)',
      'Rekor https://rekor.sigstore.dev (API v1)',
      'no TSA'
    ])
    expect(s.signingConfig).toBe('public-good')
  })

  it('with a Rekor v2 choice publishes bundles only, and refuses legacy when it was asked for', async () => {
    const v2 = await runServices(inputs({ subjects: 'r/x:1', 'signing-config': 'public-good-rekor-v2' }), {
      now: NOW,
      load
    })
    expect(publishFormats(inputs({ subjects: 'r/x:1' }), v2)).toEqual(['referrers'])
    expect(publishFormats(inputs({ subjects: 'r/x:1', formats: 'referrers' }), v2)).toEqual(['referrers'])
    expect(() => publishFormats(inputs({ subjects: 'r/x:1', formats: 'legacy,referrers' }), v2)).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        input: 'formats',
        message: expect.stringMatching(
          /^input "formats": legacy .* Rekor https:\/\/log2025-1\.rekor\.sigstore\.dev is a v2 log.*set formats: referrers.*sign to a Rekor v1 log/
        )
      })
    )
    const v1 = await runServices(inputs({ subjects: 'r/x:1' }), { now: NOW, load })
    expect(publishFormats(inputs({ subjects: 'r/x:1' }), v1)).toEqual(['legacy', 'referrers'])
  })

  it('needs TUF only for a public-good config the URL inputs do not make unnecessary', () => {
    expect(needsTuf(inputs({ subjects: 'r/x:1' }))).toBe(true)
    expect(needsTuf(inputs({ subjects: 'r/x:1', 'fulcio-url': 'http://f', 'rekor-url': 'http://r' }))).toBe(
      false
    )
    expect(needsTuf(inputs({ subjects: 'r/x:1', 'rekor-url': 'http://r' }))).toBe(true)
    expect(
      needsTuf(
        inputs({
          subjects: 'r/x:1',
          'fulcio-url': 'http://f',
          'rekor-url': 'http://r',
          'signing-config': 'public-good'
        })
      )
    ).toBe(true)
    expect(
      needsTuf(inputs({ subjects: 'r/x:1', 'signing-config': file('f.json', PUBLIC_GOOD_SIGNING_CONFIG) }))
    ).toBe(false)
  })
})

describe('servicesStep', () => {
  const recording = () => {
    const lines: string[] = []
    const ui = {
      info: (l: string) => lines.push(`info ${l}`),
      warning: (l: string) => lines.push(`warning ${l}`),
      group: <T>(_name: string, work: () => Promise<T>) => work()
    } as unknown as Ui
    return { lines, ui }
  }

  it('a dry run that would need TUF chooses nothing; explicit URLs are checked and logged', async () => {
    const dry = recording()
    expect(
      await servicesStep(inputs({ subjects: 'r/x:1' }), true, new Phases(dry.ui), dry.ui)
    ).toBeUndefined()
    expect(dry.lines).toEqual([])
    const given = inputs({ subjects: 'r/x:1', 'fulcio-url': 'http://f.test', 'rekor-url': 'http://r.test' })
    const real = recording()
    const s = await servicesStep(given, false, new Phases(real.ui), real.ui)
    expect(s?.rekor.map(r => r.url)).toEqual(['http://r.test'])
    expect(real.lines[0]).toBe(
      'info Fulcio http://f.test (API v1), Rekor http://r.test (API v1), no TSA (inputs)'
    )
  })

  it('warns when the URL inputs leave nothing to a signing config that was set', async () => {
    const path = file('unused.json', PUBLIC_GOOD_SIGNING_CONFIG)
    const r = recording()
    await servicesStep(
      inputs({
        subjects: 'r/x:1',
        'signing-config': path,
        'fulcio-url': 'http://f.test',
        'rekor-url': 'http://r.test'
      }),
      false,
      new Phases(r.ui),
      r.ui
    )
    expect(r.lines[0]).toBe(
      'warning signing-config is set, but fulcio-url and rekor-url override every service it would choose'
    )
  })
})
