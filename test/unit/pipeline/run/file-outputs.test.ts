import { describe, expect, it } from '@jest/globals'
import type { FileReport } from '../../../../src/pipeline/attest-files.js'
import type { AttestReport } from '../../../../src/pipeline/attest-subjects.js'
import { bundlePathsOf, entryLink, fileAttestationsOf } from '../../../../src/pipeline/run/outputs.js'
import { fileVerifyCommands } from '../../../../src/pipeline/run/verify-commands.js'
import type { Digest } from '../../../../src/oci/name.js'
import type { FileSubject } from '../../../../src/subject/index.js'

const digest = (c: string) => `sha256:${c.repeat(64)}` as Digest
const app: FileSubject = {
  source: 'file',
  input: 'dist/*',
  name: 'app.tar.gz',
  digest: digest('a'),
  ref: 'dist/app.tar.gz',
  path: '/w/dist/app.tar.gz'
}
const listed: FileSubject = {
  source: 'file',
  input: 'SUMS',
  name: 'docs.zip',
  digest: digest('b'),
  ref: 'docs.zip'
}
const files: FileReport = {
  files: [app, listed],
  statements: [
    {
      kind: 'provenance-v0.2',
      predicateType: 'https://slsa.dev/provenance/v0.2',
      rekorLogIndex: '8',
      bundlePath: '/t/s/v02'
    },
    {
      kind: 'provenance-v1',
      predicateType: 'https://slsa.dev/provenance/v1',
      rekorLogIndex: '7',
      bundlePath: '/t/s/v1'
    }
  ],
  signatures: [
    { subject: app, item: { kind: 'signature-blob', rekorLogIndex: '6', bundlePath: '/t/app.sig' } }
  ],
  warnings: []
}
const empty: AttestReport = {
  subjects: [],
  fulcioRequests: 1,
  rekorEntries: 3,
  identity: 'id',
  issuer: 'iss'
}

describe('file outputs', () => {
  it('lists each file with its own signature and every statement that names it, statements in kind order', () => {
    const out = fileAttestationsOf(files, {
      link: i => `https://rekor.example/api/v1/log/entries?logIndex=${i}`,
      dryRun: false
    })
    expect(out.map(a => [a.subject, a.kind, a.rekorLogIndex, a.bundlePath, a.subjectKind])).toEqual([
      ['app.tar.gz', 'signature-blob', 6, '/t/app.sig', 'file'],
      ['app.tar.gz', 'provenance-v1', 7, '/t/s/v1', 'file'],
      ['app.tar.gz', 'provenance-v0.2', 8, '/t/s/v02', 'file'],
      ['docs.zip', 'provenance-v1', 7, '/t/s/v1', 'file'],
      ['docs.zip', 'provenance-v0.2', 8, '/t/s/v02', 'file']
    ])
    expect(
      fileAttestationsOf(files, { link: i => `https://rekor.example/${i}`, dryRun: true }).some(
        a => 'rekorLogIndex' in a
      )
    ).toBe(false)
  })

  it('puts each bundle in bundle-paths once', () => {
    expect(bundlePathsOf(empty, files)).toEqual(['/t/app.sig', '/t/s/v1', '/t/s/v02'])
    expect(bundlePathsOf(empty)).toEqual([])
  })

  it('prints verify-blob for signed files only, and a typed verify-blob-attestation per statement', () => {
    const cmds = fileVerifyCommands({
      files: [{ path: '/w/dist/app.tar.gz', signature: '/t/app.sig' }, { path: 'docs.zip' }],
      statements: files.statements,
      identity: 'https://github.com/o/r/.github/workflows/r.yml@refs/heads/main',
      issuer: 'https://token.actions.githubusercontent.com',
      repository: 'o/r'
    })
    const who =
      "--certificate-identity 'https://github.com/o/r/.github/workflows/r.yml@refs/heads/main' --certificate-oidc-issuer 'https://token.actions.githubusercontent.com'"
    expect(cmds).toEqual([
      `cosign verify-blob --bundle '/t/app.sig' ${who} '/w/dist/app.tar.gz'`,
      `cosign verify-blob-attestation --bundle '/t/s/v02' --type slsaprovenance ${who} '/w/dist/app.tar.gz'`,
      `cosign verify-blob-attestation --bundle '/t/s/v1' --type slsaprovenance1 ${who} '/w/dist/app.tar.gz'`,
      `gh attestation verify '/w/dist/app.tar.gz' --bundle '/t/s/v1' --repo o/r`,
      `cosign verify-blob-attestation --bundle '/t/s/v02' --type slsaprovenance ${who} 'docs.zip'`,
      `cosign verify-blob-attestation --bundle '/t/s/v1' --type slsaprovenance1 ${who} 'docs.zip'`,
      `gh attestation verify 'docs.zip' --bundle '/t/s/v1' --repo o/r`
    ])
  })
})

describe('entry links', () => {
  it('link a Rekor v1 entry by its index, and a Rekor v2 entry by its log (tiles have no lookup by index)', () => {
    const v1 = entryLink('https://rekor.example/')
    expect(v1('12')).toBe('https://rekor.example/api/v1/log/entries?logIndex=12')
    expect(entryLink('https://rekor.sigstore.dev')('7')).toBe('https://search.sigstore.dev/?logIndex=7')
    const chosen = {
      url: 'https://log2025-1.rekor.sigstore.dev',
      majorApiVersion: 2,
      operator: '',
      from: 'signing-config' as const
    }
    const services = { fulcio: { ...chosen, majorApiVersion: 1 }, rekor: [chosen], tsa: [] }
    expect(entryLink('https://log2025-1.rekor.sigstore.dev/', services)('7')).toBe(
      'https://log2025-1.rekor.sigstore.dev'
    )
  })
})
