import { describe, expect, it } from '@jest/globals'
import type { FileReport } from '../../../../src/pipeline/attest-files.js'
import { summaryMarkdown } from '../../../../src/pipeline/run/summary.js'
import type { Digest } from '../../../../src/oci/name.js'
import type { FileSubject } from '../../../../src/subject/index.js'

const app: FileSubject = {
  source: 'file',
  input: 'dist/*',
  name: 'app.tar.gz',
  digest: `sha256:${'a'.repeat(64)}` as Digest,
  ref: 'dist/app.tar.gz',
  path: 'dist/app.tar.gz'
}
const listed: FileSubject = {
  source: 'file',
  input: 'SHA256SUMS',
  name: 'docs.zip',
  digest: app.digest,
  ref: 'docs.zip'
}
const files: FileReport = {
  files: [app, listed],
  statements: [
    {
      kind: 'provenance-v1',
      predicateType: 'https://slsa.dev/provenance/v1',
      rekorLogIndex: '7',
      bundlePath: '/t/v1'
    }
  ],
  signatures: [
    { subject: app, item: { kind: 'signature-blob', rekorLogIndex: '6', bundlePath: '/t/app.sig' } }
  ],
  warnings: []
}

describe('job summary with files', () => {
  it('lists each file, says which are signed, links the statement and prints the commands', () => {
    const md = summaryMarkdown({
      plan: { subjects: [], files: files.files, digests: {}, skipped: [] },
      report: { subjects: [], fulcioRequests: 1, rekorEntries: 2, identity: 'id', issuer: 'iss' },
      files,
      dryRun: false,
      dryRunReason: '',
      rekorUrl: 'https://rekor.example',
      formats: ['legacy', 'referrers'],
      repository: 'o/r',
      wouldPush: [],
      sbomPackages: {},
      pushed: true,
      timings: []
    })
    expect(md).toContain('### Files (2)')
    expect(md).toContain(`| <code>app.tar.gz</code> | <code>${app.digest}</code> | sign-blob bundle |`)
    expect(md).toContain(
      '| <code>docs.zip</code> | <code>' + app.digest + '</code> | listed only (checksums line) |'
    )
    expect(md).toContain(
      'provenance-v1 Rekor <a href="https://rekor.example/api/v1/log/entries?logIndex=7">7</a>'
    )
    expect(md).toContain("cosign verify-blob --bundle '/t/app.sig'")
    expect(md).not.toContain(
      "cosign verify-blob --bundle '/t/app.sig' --certificate-identity 'id' --certificate-oidc-issuer 'iss' 'docs.zip'"
    )
    expect(md).toContain("gh attestation verify 'docs.zip' --bundle '/t/v1' --repo o/r")
  })
})
