// sigstore-python verifies every bundle file the pipeline wrote, against the bed's trust configuration.
import { beforeAll, describe, expect, it } from '@jest/globals'
import type { BedState, RegistryName } from '../../bed/state.js'
import { run } from '../../bed/tools/run.js'
import { sigstorePythonVerifyCommand } from '../../bed/tools/sigstore-python-verify.js'
import type { SigningSession } from '../../../src/pipeline/session.js'
import { ISSUER, openSession, publishSample, readBedState, sbomFile, tempDir } from './fixture.js'
import type { Published } from './fixture.js'

let state: BedState
let session: SigningSession

beforeAll(async () => {
  state = readBedState()
  session = await openSession(state)
})

function verifyBundle(bundle: string, digest: string, identity: string, issuer = ISSUER) {
  const [python, args] = sigstorePythonVerifyCommand(state, { bundle, artifact: digest, identity, issuer })
  return run(python, args, { timeoutMs: 60_000 })
}

describe.each<RegistryName>(['referrers', 'distribution'])(
  'sigstore-python on bundles from the "%s" registry',
  registry => {
    let published: Published

    beforeAll(async () => {
      const bundleDir = await tempDir(state, 'bundles-')
      published = await publishSample(state, session, registry, 'interop/python', {
        sbom: { path: await sbomFile(state) },
        bundleDir
      })
    })

    it('verifies each bundle file (signature, provenance v1 and v0.2, SBOM) for the subject digest', async () => {
      const items = published.report.subjects[0]!.items.filter(i => i.bundlePath)
      expect(items.map(i => i.kind).sort()).toEqual([
        'provenance-v0.2',
        'provenance-v1',
        'sbom-cyclonedx',
        'signature'
      ])
      for (const item of items) {
        const r = await verifyBundle(
          item.bundlePath!,
          published.digest,
          session.identity.subjectAlternativeName
        )
        expect({ kind: item.kind, code: r.code, stderr: r.code === 0 ? '' : r.stderr }).toEqual({
          kind: item.kind,
          code: 0,
          stderr: ''
        })
        expect(r.stderr + r.stdout).toContain(`OK: SHA2_256:${published.digest.slice('sha256:'.length)}`)
      }
    })

    it('rejects another identity, another issuer and another digest', async () => {
      const bundle = published.report.subjects[0]!.items.find(i => i.kind === 'provenance-v1')!.bundlePath!
      const san = session.identity.subjectAlternativeName
      const otherIdentity = await verifyBundle(
        bundle,
        published.digest,
        'https://github.com/someone/else/.github/workflows/x.yml@refs/heads/main'
      )
      const otherIssuer = await verifyBundle(bundle, published.digest, san, 'https://accounts.google.com')
      const otherDigest = await verifyBundle(bundle, `sha256:${'0'.repeat(64)}`, san)
      expect([otherIdentity.code, otherIssuer.code, otherDigest.code].map(c => c === 0)).toEqual([
        false,
        false,
        false
      ])
    })
  }
)
