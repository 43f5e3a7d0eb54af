import type { HttpClient } from '../../http/index.js'
import { RegistryError } from '../errors.js'
import { parseChallenges, type Challenge } from './challenge.js'
import { describeCredential, type CredentialProvider } from './credentials.js'
import { fetchToken, type Token } from './token.js'

export type Access = 'pull' | 'push'

/** `repository:<name>:pull` or `repository:<name>:pull,push`, the scopes registries' token services know. */
export function repositoryScope(repository: string, access: Access): string {
  return `repository:${repository}:${access === 'push' ? 'pull,push' : 'pull'}`
}

/**
 * Turns registry challenges into Authorization headers. Remembers each registry's challenge so later
 * requests authenticate up front, and caches bearer tokens per registry + scope set until they expire.
 */
export class Authenticator {
  private readonly challenges = new Map<string, Challenge>()
  private readonly tokens = new Map<string, Promise<Token>>()

  constructor(
    private readonly http: HttpClient,
    private readonly credentials: CredentialProvider,
    private readonly now: () => number = Date.now
  ) {}

  /** The header to send before any challenge, when this registry already challenged us once. */
  async authorization(registry: string, scopes: string[]): Promise<string | undefined> {
    const challenge = this.challenges.get(registry)
    return challenge ? this.headerFor(registry, challenge, scopes) : undefined
  }

  /** Learns from a 401 and answers the header to retry with; throws when we have nothing to offer. */
  async onUnauthorized(
    registry: string,
    scopes: string[],
    wwwAuthenticate: string | null,
    sent?: string
  ): Promise<string> {
    const challenges = parseChallenges(wwwAuthenticate ?? '')
    const challenge =
      challenges.find(c => c.scheme === 'bearer') ?? challenges.find(c => c.scheme === 'basic')
    if (!challenge)
      throw new RegistryError(
        'REGISTRY_UNAUTHORIZED',
        `${registry} answered 401 without a Basic or Bearer challenge`,
        {
          status: 401
        }
      )
    this.challenges.set(registry, challenge)
    const wanted = [...scopes]
    if (challenge.params.scope)
      for (const s of challenge.params.scope.split(' ')) if (s && !wanted.includes(s)) wanted.push(s)
    if (sent) this.tokens.delete(this.tokenKey(registry, challenge, wanted))
    const header = await this.headerFor(registry, challenge, wanted)
    if (!header || header === sent) throw await this.refused(registry, wanted)
    return header
  }

  /** The error for a registry that still answers 401 to the best we can send. */
  async refused(registry: string, scopes: string[]): Promise<RegistryError> {
    const cred = await this.credentials.get(registry)
    return new RegistryError(
      'REGISTRY_UNAUTHORIZED',
      `${registry} refused ${describeCredential(cred)} for ${scopes.join(' ')}; ` +
        (cred
          ? 'check that the credentials grant this access'
          : `log in to ${registry} (docker login) or pass credentials`),
      { status: 401 }
    )
  }

  private tokenKey(registry: string, challenge: Challenge, scopes: string[]): string {
    return `${registry}\n${challenge.params.realm ?? ''}\n${challenge.params.service ?? ''}\n${[...scopes].sort().join(' ')}`
  }

  private async headerFor(
    registry: string,
    challenge: Challenge,
    scopes: string[]
  ): Promise<string | undefined> {
    const cred = await this.credentials.get(registry)
    if (challenge.scheme === 'basic') {
      if (!cred) return undefined
      if (!('password' in cred))
        throw new RegistryError(
          'AUTH_FAILED',
          `${registry} wants Basic auth but its credential is ${describeCredential(cred)}`
        )
      return `Basic ${Buffer.from(`${cred.username}:${cred.password}`).toString('base64')}`
    }
    if (cred && 'registryToken' in cred) return `Bearer ${cred.registryToken}`
    const key = this.tokenKey(registry, challenge, scopes)
    let pending = this.tokens.get(key)
    if (pending) {
      const token = await pending.catch(() => undefined)
      if (token && token.expiresAt > this.now()) return `Bearer ${token.token}`
      if (this.tokens.get(key) === pending) this.tokens.delete(key)
    }
    pending = fetchToken(this.http, registry, challenge, scopes, cred, this.now)
    this.tokens.set(key, pending)
    pending.catch(() => this.tokens.delete(key))
    return `Bearer ${(await pending).token}`
  }
}
