// Public Rekor publishes repository and workflow names forever; a private repository must opt in knowingly.
import { SigstoreError } from '../error.js'
import type { GitHubClaims } from '../../github/claims.js'

const PUBLIC_GOOD_REKOR_HOSTS = ['rekor.sigstore.dev']

export function isPublicGoodRekor(rekorUrl: string): boolean {
  return PUBLIC_GOOD_REKOR_HOSTS.includes(new URL(rekorUrl).hostname)
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
