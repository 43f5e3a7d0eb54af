// TUF-distributed trust: one client per repository, so the trusted root and the signing config come from one
// metadata refresh and one cache. Public good's (tuf-repo-cdn.sigstore.dev, sigstore-js's embedded root) is
// the default; a mirror and its pinned root.json reach the same code for a private instance or the bed.
import type { TUF, TUFOptions } from '@sigstore/tuf'

/** A target's text, checked against the signed TUF metadata by @sigstore/tuf. */
export type TufTargetReader = (name: string) => Promise<string>

export function tufTargets(options: TUFOptions = {}): TufTargetReader {
  let client: Promise<TUF> | undefined
  return async name => {
    client ??= import('@sigstore/tuf').then(tuf => tuf.initTUF(options))
    const tuf = client
    try {
      return await (await tuf).getTarget(name)
    } catch (err) {
      // A failed refresh is not kept: a later call tries again.
      if (client === tuf) client = undefined
      throw err
    }
  }
}

export const publicGoodTarget: TufTargetReader = tufTargets()
