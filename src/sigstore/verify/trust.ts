// Trust material for verification: a given trusted_root.json (private instances, the test bed) or public-good TUF.
import { readFile } from 'node:fs/promises'
import { TrustedRoot } from '@sigstore/protobuf-specs'
import { toTrustMaterial } from '@sigstore/verify'
import type { TrustMaterial } from '@sigstore/verify'
import { SigstoreError } from '../error.js'
import { publicGoodTarget } from '../tuf.js'

export async function loadTrustMaterial(trustedRootPath?: string): Promise<TrustMaterial> {
  if (!trustedRootPath) {
    // Public good: the TUF-distributed root, fetched and checked by @sigstore/tuf.
    return toTrustMaterial(TrustedRoot.fromJSON(JSON.parse(await publicGoodTarget('trusted_root.json'))))
  }
  let json: unknown
  try {
    json = JSON.parse(await readFile(trustedRootPath, 'utf8'))
  } catch (cause) {
    throw new SigstoreError(
      'TRUSTED_ROOT_INVALID',
      `trusted root ${trustedRootPath} cannot be read as JSON; give the trusted_root.json of your Sigstore instance`,
      { cause }
    )
  }
  try {
    return toTrustMaterial(TrustedRoot.fromJSON(json))
  } catch (cause) {
    throw new SigstoreError(
      'TRUSTED_ROOT_INVALID',
      `trusted root ${trustedRootPath} is not a Sigstore TrustedRoot`,
      {
        cause
      }
    )
  }
}
