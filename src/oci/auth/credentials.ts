/** What a registry login is made of; exactly one form is set. */
export type Credential =
  | { username: string; password: string }
  /** An OAuth2 refresh token (docker config `identitytoken`, helpers answering Username `<token>`). */
  | { identityToken: string; username?: string }
  /** A bearer token to send as is (docker config `registrytoken`). */
  | { registryToken: string }

/** Finds the credential for a registry host (exact host[:port]; Docker Hub is index.docker.io). */
export interface CredentialProvider {
  get(registry: string): Promise<Credential | undefined>
}

export const anonymous: CredentialProvider = { get: async () => undefined }

/** Credentials given explicitly (action inputs, CLI flags), keyed by registry host. */
export function staticCredentials(byRegistry: Record<string, Credential>): CredentialProvider {
  const map = new Map(Object.entries(byRegistry).map(([host, cred]) => [host.toLowerCase(), cred]))
  return { get: async registry => map.get(registry.toLowerCase()) }
}

/** Asks each provider in turn; the first that knows the registry wins. */
export function chainCredentials(...providers: CredentialProvider[]): CredentialProvider {
  return {
    get: async registry => {
      for (const provider of providers) {
        const found = await provider.get(registry)
        if (found) return found
      }
      return undefined
    }
  }
}

export function describeCredential(cred: Credential | undefined): string {
  if (!cred) return 'anonymous'
  if ('password' in cred) return `user "${cred.username}"`
  if ('identityToken' in cred) return 'an identity token'
  return 'a registry token'
}
