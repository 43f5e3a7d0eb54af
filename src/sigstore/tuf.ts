// The public-good TUF repository (tuf-repo-cdn.sigstore.dev, sigstore-js's embedded root and cache): one client
// per process, so the trusted root and the signing config come from one metadata refresh.
import type { TUF } from '@sigstore/tuf'

let client: Promise<TUF> | undefined

/** A target's text, checked against the signed TUF metadata by @sigstore/tuf. */
export async function publicGoodTarget(name: string): Promise<string> {
  client ??= import('@sigstore/tuf').then(tuf => tuf.initTUF())
  const tuf = client
  try {
    return await (await tuf).getTarget(name)
  } catch (err) {
    // A failed refresh is not cached: a later call tries again.
    if (client === tuf) client = undefined
    throw err
  }
}
