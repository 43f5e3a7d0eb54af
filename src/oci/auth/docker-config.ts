import { readFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { RegistryError } from '../errors.js'
import { DOCKER_HUB, DOCKER_HUB_ALIASES } from '../reference.js'
import { runCredentialHelper } from './cred-helper.js'
import type { Credential, CredentialProvider } from './credentials.js'

/** The server URL docker itself stores Docker Hub credentials under. */
export const DOCKER_HUB_SERVER = 'https://index.docker.io/v1/'

interface AuthEntry {
  auth?: string
  username?: string
  password?: string
  identitytoken?: string
  registrytoken?: string
}

interface DockerConfigFile {
  auths?: Record<string, AuthEntry>
  credHelpers?: Record<string, string>
  credsStore?: string
}

export interface DockerConfigOptions {
  /** Defaults to $DOCKER_CONFIG/config.json, else ~/.docker/config.json. */
  path?: string
  /** The caller's environment: DOCKER_CONFIG, and what credential helpers (child processes) inherit. */
  env: NodeJS.ProcessEnv
  runHelper?: typeof runCredentialHelper
}

export function dockerConfigPath(env: NodeJS.ProcessEnv): string {
  return join(env.DOCKER_CONFIG || join(homedir(), '.docker'), 'config.json')
}

/** `https://ghcr.io/v2/` and `ghcr.io` name the same host; docker's own key normalisation. */
function keyHost(key: string): string {
  const host = key.replace(/^[a-z]+:\/\//i, '').split('/')[0] ?? ''
  const lower = host.toLowerCase()
  return DOCKER_HUB_ALIASES.has(lower) ? DOCKER_HUB : lower
}

function fromEntry(entry: AuthEntry, path: string, key: string): Credential | undefined {
  if (entry.identitytoken) return { identityToken: entry.identitytoken }
  if (entry.registrytoken) return { registryToken: entry.registrytoken }
  if (entry.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon < 0)
      throw new RegistryError(
        'CREDENTIALS_UNAVAILABLE',
        `${path}: auths["${key}"].auth is not base64 of "user:password"`
      )
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) }
  }
  if (entry.username && entry.password) return { username: entry.username, password: entry.password }
  return undefined
}

/** Credentials from docker's config: credHelpers, then credsStore, then auths; hosts match exactly. */
export function dockerConfigCredentials(opts: DockerConfigOptions): CredentialProvider {
  const env = opts.env
  const path = opts.path ?? dockerConfigPath(env)
  const runHelper = opts.runHelper ?? runCredentialHelper
  let config: Promise<DockerConfigFile | undefined> | undefined
  const found = new Map<string, Promise<Credential | undefined>>()

  const load = async (): Promise<DockerConfigFile | undefined> => {
    let text: string
    try {
      text = await readFile(path, 'utf8')
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
      throw new RegistryError('CREDENTIALS_UNAVAILABLE', `cannot read docker config ${path}`, { cause: err })
    }
    try {
      return JSON.parse(text) as DockerConfigFile
    } catch (cause) {
      throw new RegistryError(
        'CREDENTIALS_UNAVAILABLE',
        `docker config ${path} is not valid JSON; fix or remove it`,
        { cause }
      )
    }
  }

  const lookup = async (registry: string): Promise<Credential | undefined> => {
    const file = await (config ??= load())
    if (!file) return undefined
    const host = keyHost(registry)
    const serverUrl = host === DOCKER_HUB ? DOCKER_HUB_SERVER : host
    const helper = Object.entries(file.credHelpers ?? {}).find(([key]) => keyHost(key) === host)?.[1]
    if (helper) return runHelper(helper, serverUrl, env)
    if (file.credsStore) {
      const stored = await runHelper(file.credsStore, serverUrl, env)
      if (stored) return stored
    }
    const entry = Object.entries(file.auths ?? {}).find(([key]) => keyHost(key) === host)
    return entry ? fromEntry(entry[1], path, entry[0]) : undefined
  }

  return {
    get: registry => {
      const key = registry.toLowerCase()
      let hit = found.get(key)
      if (!hit) {
        hit = lookup(key)
        found.set(key, hit)
        hit.catch(() => found.delete(key))
      }
      return hit
    }
  }
}
