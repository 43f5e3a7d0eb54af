import { describe, expect, it } from '@jest/globals'
import { setOutputs } from '../../../../src/pipeline/run/outputs.js'
import { summaryMarkdown } from '../../../../src/pipeline/run/summary.js'
import type { SummaryInput } from '../../../../src/pipeline/run/summary.js'
import type { Ui } from '../../../../src/pipeline/run/ui.js'
import type { SigstoreServices } from '../../../../src/sigstore/signing-config/index.js'

const FROM_CONFIG: SigstoreServices = {
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
}
const base: SummaryInput = {
  plan: { subjects: [], files: [], digests: {}, skipped: [] },
  report: { subjects: [], fulcioRequests: 0, rekorEntries: 0, identity: 'id', issuer: 'iss' },
  dryRun: false,
  dryRunReason: '',
  rekorUrl: 'https://rekor.sigstore.dev',
  formats: ['legacy', 'referrers'],
  wouldPush: [],
  sbomPackages: {},
  pushed: true,
  timings: []
}

describe('the services a run used, in the summary and the outputs', () => {
  it('names each service with its API version and the signing config that chose it', () => {
    expect(summaryMarkdown({ ...base, services: FROM_CONFIG })).toContain(
      'Sigstore services: Fulcio <code>https://fulcio.sigstore.dev</code> (API v1) · Rekor ' +
        '<code>https://rekor.sigstore.dev</code> (API v1) · no TSA, chosen by signing config <code>public-good</code>\n'
    )
    const mixed: SigstoreServices = {
      ...FROM_CONFIG,
      tsa: [{ url: 'http://127.0.0.1:9/ts', majorApiVersion: 1, operator: '', from: 'input' }]
    }
    expect(summaryMarkdown({ ...base, services: mixed })).toContain(
      '· TSA <code>http://127.0.0.1:9/ts</code> (API v1), chosen by signing config <code>public-good</code> and the URL inputs'
    )
    const { signingConfig: _none, ...inputsOnly } = mixed
    expect(summaryMarkdown({ ...base, services: inputsOnly })).toContain('(API v1), as given in the inputs')
    expect(summaryMarkdown({ ...base, dryRun: true, services: FROM_CONFIG })).toContain(
      'Sigstore services (what a real run would use): Fulcio'
    )
    expect(summaryMarkdown(base)).not.toContain('Sigstore services')
  })

  it('sets sigstore-services to the services as JSON, empty when none were chosen', async () => {
    const outputs: Record<string, string> = {}
    const ui = { setOutput: (k: string, v: string) => (outputs[k] = v) } as unknown as Ui
    const o = {
      digests: {},
      report: base.report,
      rekorUrl: base.rekorUrl,
      sbomPaths: {},
      dryRun: false,
      runnerTemp: '/tmp',
      recordPaths: false
    }
    await setOutputs(ui, { ...o, services: FROM_CONFIG })
    expect(JSON.parse(outputs['sigstore-services']!)).toEqual(FROM_CONFIG)
    await setOutputs(ui, { ...o, dryRun: true })
    expect(outputs['sigstore-services']).toBe('')
  })
})
