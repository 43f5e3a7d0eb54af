// The run asks for its OIDC token once, and again only when the cached one is about to expire.
import type { IdentityProvider } from '../sigstore/identity/provider.js'
import { decodeClaims } from '../sigstore/identity/verify-token.js'

const REFRESH_BEFORE_S = 60

export class CachedIdentityProvider implements IdentityProvider {
  readonly #inner: IdentityProvider
  readonly #now: () => number
  #token: Promise<string> | undefined

  constructor(inner: IdentityProvider, now: () => number = Date.now) {
    this.#inner = inner
    this.#now = now
  }

  async getToken(): Promise<string> {
    const pending = (this.#token ??= this.#inner.getToken())
    pending.catch(() => {
      if (this.#token === pending) this.#token = undefined
    })
    const token = await pending
    const exp = decodeClaims(token).exp
    if (typeof exp === 'number' && exp - this.#now() / 1000 < REFRESH_BEFORE_S) {
      if (this.#token === pending) this.#token = this.#inner.getToken()
      return this.#token
    }
    return token
  }
}
