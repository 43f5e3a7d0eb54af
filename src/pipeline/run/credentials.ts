// Registry credentials in the order the README promises: inputs, Docker config / helpers, github-token for ghcr.io.
import { chainCredentials, dockerConfigCredentials, staticCredentials } from '../../oci/index.js'
import type { Credential, CredentialProvider } from '../../oci/index.js'
import type { ActionInputs } from './inputs.js'

/** Every form a credential can appear in: the secret itself and the base64 `user:password` of Basic auth. */
export function secretForms(cred: Credential): string[] {
  if ('password' in cred)
    return [cred.password, Buffer.from(`${cred.username}:${cred.password}`).toString('base64')]
  if ('identityToken' in cred) return [cred.identityToken]
  return [cred.registryToken]
}

/** Masks each credential the moment it is read (the Docker config and helpers are read lazily). */
function masking(inner: CredentialProvider, mask: (secret: string) => void): CredentialProvider {
  return {
    get: async registry => {
      const cred = await inner.get(registry)
      if (cred) for (const secret of secretForms(cred)) if (secret) mask(secret)
      return cred
    }
  }
}

export function registryCredentials(
  inputs: Pick<ActionInputs, 'registryUsername' | 'registryPassword' | 'githubToken'>,
  /** The registries the subjects name: the login inputs are sent to these only. */
  hosts: readonly string[],
  environment: { env: NodeJS.ProcessEnv; actor?: string | undefined },
  mask: (secret: string) => void = () => undefined
): CredentialProvider {
  const providers: CredentialProvider[] = []
  if (inputs.registryUsername && inputs.registryPassword) {
    const login = { username: inputs.registryUsername, password: inputs.registryPassword }
    providers.push(staticCredentials(Object.fromEntries(hosts.map(h => [h, login]))))
  }
  // The whole environment: DOCKER_CONFIG, and what credential helpers (child processes) inherit.
  providers.push(dockerConfigCredentials({ env: environment.env }))
  if (inputs.githubToken) {
    // ghcr.io takes any user name with a GITHUB_TOKEN; the actor keeps its audit log readable.
    const username = environment.actor || 'github-actions'
    providers.push(staticCredentials({ 'ghcr.io': { username, password: inputs.githubToken } }))
  }
  return masking(chainCredentials(...providers), mask)
}
