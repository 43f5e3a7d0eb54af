import { execFile } from 'node:child_process'
import { RegistryError } from '../errors.js'
import type { Credential } from './credentials.js'

const NOT_FOUND = /credentials not found|not found in native keychain|no credentials/i

/**
 * Runs `docker-credential-<name> get` with the server URL on stdin (the docker credential-helper protocol).
 * Undefined when the helper has nothing for the server; errors when the helper itself fails.
 */
export function runCredentialHelper(
  name: string,
  serverUrl: string,
  env: NodeJS.ProcessEnv
): Promise<Credential | undefined> {
  const program = `docker-credential-${name}`
  return new Promise((resolve, reject) => {
    const child = execFile(
      program,
      ['get'],
      { env, timeout: 30000, maxBuffer: 1024 * 1024 },
      (err, stdout, stderr) => {
        const out = `${stdout}`.trim()
        if (err) {
          if (NOT_FOUND.test(out) || NOT_FOUND.test(`${stderr}`)) return resolve(undefined)
          const why =
            (err as NodeJS.ErrnoException).code === 'ENOENT'
              ? 'is not on PATH'
              : `failed (${err.message.split('\n')[0]})`
          return reject(
            new RegistryError(
              'CREDENTIALS_UNAVAILABLE',
              `credential helper ${program} ${why} while looking up ${serverUrl}; install it or remove it from the docker config`,
              { cause: err }
            )
          )
        }
        let parsed: { Username?: string; Secret?: string }
        try {
          parsed = JSON.parse(out) as { Username?: string; Secret?: string }
        } catch (cause) {
          return reject(
            new RegistryError(
              'CREDENTIALS_UNAVAILABLE',
              `credential helper ${program} printed something other than JSON for ${serverUrl}`,
              { cause }
            )
          )
        }
        if (!parsed.Secret) return resolve(undefined)
        if (parsed.Username === '<token>') return resolve({ identityToken: parsed.Secret })
        resolve({ username: parsed.Username ?? '', password: parsed.Secret })
      }
    )
    child.stdin?.on('error', () => undefined)
    child.stdin?.end(serverUrl)
  })
}
