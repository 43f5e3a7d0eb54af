// A signing config read the way public good's is, through a TUF repository (here the bed's mirror, with its
// pinned root): the same client reads the trusted root, and selection picks the bed's services.
import { describe, expect, test } from '@jest/globals'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { join } from 'node:path'
import { readBedState, requireSigstore } from '../../bed/state.js'
import { loadSigningConfig, resolveServices } from '../../../src/sigstore/signing-config/index.js'
import { tufTargets } from '../../../src/sigstore/tuf.js'

const state = readBedState()
const s = requireSigstore(state)

describe('signing config through TUF', () => {
  mkdirSync(join(state.dir, 'tmp'), { recursive: true })
  const reader = () =>
    tufTargets({
      mirrorURL: s.tufUrl,
      rootPath: s.tufRootPath,
      cachePath: mkdtempSync(join(state.dir, 'tmp', 'tuf-'))
    })

  test('signing_config.v0.2.json comes with the trusted root from one refresh and selects the bed services', async () => {
    const read = reader()
    const root = JSON.parse(await read('trusted_root.json')) as { mediaType: string }
    expect(root.mediaType).toMatch(/^application\/vnd\.dev\.sigstore\.trustedroot/)
    const services = await resolveServices({ explicit: {}, load: choice => loadSigningConfig(choice, read) })
    const chosen = { majorApiVersion: 1, operator: 'oci-attest test bed', from: 'signing-config' }
    expect(services).toEqual({
      signingConfig: 'public-good',
      fulcio: { url: s.fulcioUrl, ...chosen },
      rekor: [{ url: s.rekorUrl, ...chosen }],
      tsa: []
    })
  })

  test('a target the repository does not publish is a TUF error, not an empty config', async () => {
    await expect(loadSigningConfig({ kind: 'public-good-rekor-v2' }, reader())).rejects.toMatchObject({
      code: 'TUF_FIND_TARGET_ERROR',
      message: 'target signing_config_rekor_v2.v0.2.json not found'
    })
  })
})
