// Public Rekor publishes repository and workflow names forever; a private repository must opt in knowingly.
import { SigstoreError } from '../error.js'
import type { GitHubClaims } from '../../github/claims.js'

const PUBLIC_GOOD_REKOR_HOST = 'rekor.sigstore.dev'

/** Rekor v1 and Rekor v2's yearly shards (log2025-1.rekor.sigstore.dev…) are all public. */
export function isPublicGoodRekor(rekorUrl: string): boolean {
  const host = new URL(rekorUrl).hostname
  return host === PUBLIC_GOOD_REKOR_HOST || host.endsWith(`.${PUBLIC_GOOD_REKOR_HOST}`)
}

export function assertRekorAllowed(
  claims: Pick<GitHubClaims, 'repository' | 'repository_visibility'>,
  rekorUrl: string,
  allowPublicRekorForPrivateRepos: boolean
): void {
  if (!isPublicGoodRekor(rekorUrl) || allowPublicRekorForPrivateRepos) return
  if (claims.repository_visibility === 'public') return
  throw new SigstoreError(
    'PUBLIC_REKOR_PRIVATE_REPOSITORY',
    `repository ${claims.repository} is ${claims.repository_visibility ?? 'of unknown visibility'}, and logging to ` +
      `the public Rekor (${rekorUrl}) would publish its name, workflow and commit in a permanent public log. ` +
      'Either set allow-public-rekor-for-private-repos: true to accept that, or point fulcio-url, rekor-url and ' +
      'trusted-root at your own Sigstore instance'
  )
}
