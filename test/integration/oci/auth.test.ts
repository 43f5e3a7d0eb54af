import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHttpClient } from '../../../src/http/index.js'
import {
  anonymous,
  dockerConfigCredentials,
  OCI_MANIFEST,
  RegistryClient,
  staticCredentials,
  type CredentialProvider,
  type ImageReference,
  type RegistryError
} from '../../../src/oci/index.js'
import type { BasicRegistryState, BearerRegistryState } from '../../bed/state.js'
import { bed, pushImageBlobs, repoOn } from './fixtures.js'

const http = createHttpClient({ minDelayMs: 10, maxDelayMs: 100 })
const clientWith = (credentials: CredentialProvider) => new RegistryClient({ http, credentials })

async function roundTrip(client: RegistryClient, repo: ImageReference): Promise<void> {
  const image = await pushImageBlobs(client, repo)
  await client.putManifest(repo.withTag('v1'), image.bytes, OCI_MANIFEST)
  expect((await client.getManifest(repo.withTag('v1'))).digest).toBe(image.digest)
  expect((await client.readBlob(repo, image.layer.descriptor.digest)).equals(image.layer.bytes)).toBe(true)
}

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oci-attest-auth-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

async function dockerConfig(name: string, config: unknown): Promise<CredentialProvider> {
  const path = join(dir, `${name}.json`)
  await writeFile(path, JSON.stringify(config))
  return dockerConfigCredentials({ path, env: { ...process.env, PATH: `${dir}:${process.env.PATH}` } })
}

describe('Basic auth (distribution + htpasswd)', () => {
  let basic: BasicRegistryState
  beforeAll(() => {
    basic = bed().registries.basic
  })

  it('pushes and pulls with explicit credentials', async () => {
    await roundTrip(
      clientWith(staticCredentials({ [basic.host]: { username: basic.username, password: basic.password } })),
      repoOn('basic')
    )
  })

  it('pushes and pulls with credentials from docker config auths and from a credential helper', async () => {
    const auth = Buffer.from(`${basic.username}:${basic.password}`).toString('base64')
    await roundTrip(
      clientWith(await dockerConfig('basic-auths', { auths: { [basic.host]: { auth } } })),
      repoOn('basic')
    )
    await writeFile(
      join(dir, 'docker-credential-bed'),
      `#!/bin/sh\nread -r host\n[ "$host" = "${basic.host}" ] || { echo "credentials not found"; exit 1; }\n` +
        `printf '{"ServerURL":"%s","Username":"${basic.username}","Secret":"${basic.password}"}' "$host"\n`
    )
    await chmod(join(dir, 'docker-credential-bed'), 0o755)
    await roundTrip(clientWith(await dockerConfig('basic-store', { credsStore: 'bed' })), repoOn('basic'))
  })

  it('refuses anonymous and wrong credentials with a message that names the registry, never the password', async () => {
    const repo = repoOn('basic')
    const none = await clientWith(anonymous)
      .getManifest(repo.withTag('v1'))
      .catch((e: unknown) => e)
    expect((none as RegistryError).code).toBe('REGISTRY_UNAUTHORIZED')
    expect((none as Error).message).toContain(`log in to ${basic.host}`)
    const wrong = await clientWith(
      staticCredentials({ [basic.host]: { username: basic.username, password: 'not-it' } })
    )
      .getManifest(repo.withTag('v1'))
      .catch((e: unknown) => e)
    expect((wrong as RegistryError).code).toBe('REGISTRY_UNAUTHORIZED')
    expect((wrong as Error).message).toContain(`user "${basic.username}"`)
    expect((wrong as Error).message).not.toContain('not-it')
  })

  it('does not hand credentials for one host to another port on the same machine', async () => {
    const elsewhere = `127.0.0.1:${Number(basic.host.split(':')[1]) + 1}`
    const creds = await dockerConfig('other-port', {
      auths: { [elsewhere]: { username: basic.username, password: basic.password } }
    })
    const err = await clientWith(creds)
      .getManifest(repoOn('basic').withTag('v1'))
      .catch((e: unknown) => e)
    expect((err as RegistryError).code).toBe('REGISTRY_UNAUTHORIZED')
  })
})

describe('Bearer token auth (distribution + the bed token server)', () => {
  let bearer: BearerRegistryState
  const tokenLog = async (): Promise<
    { method: string; path: string; status: number; authorization: string }[]
  > => (await http.request(`${bearer.tokenAdminUrl}/log`)).json()
  const forRepo = <T extends { path: string }>(log: T[], repo: ImageReference): T[] =>
    log.filter(r => decodeURIComponent(r.path).includes(`repository:${repo.repository}:`))

  const login = () =>
    staticCredentials({ [bearer.host]: { username: bearer.username, password: bearer.password } })

  beforeAll(() => {
    bearer = bed().registries.bearer
  })

  it('fetches a token with Basic credentials, caches it per scope, and pushes and pulls', async () => {
    const client = clientWith(login())
    const repo = repoOn('bearer')
    await roundTrip(client, repo)
    for (let i = 0; i < 3; i++) await client.getManifest(repo.withTag('v1'))
    const requests = forRepo(await tokenLog(), repo)
    expect(requests.every(r => r.method === 'GET' && r.authorization === 'Basic' && r.status === 200)).toBe(
      true
    )
    // one token for pull (the first HEAD of a blob), one for pull,push; none per request after that
    expect(requests.length).toBeGreaterThanOrEqual(1)
    expect(requests.length).toBeLessThanOrEqual(2)
  })

  it('trades a docker config identitytoken for access tokens with the OAuth2 refresh-token grant', async () => {
    const creds = await dockerConfig('bearer-identity', {
      auths: { [bearer.host]: { identitytoken: bearer.identityToken } }
    })
    const before = (await tokenLog()).length
    await roundTrip(clientWith(creds), repoOn('bearer'))
    const posts = (await tokenLog()).slice(before).filter(r => r.method === 'POST')
    expect(posts.length).toBeGreaterThan(0)
    expect(posts.every(r => r.status === 200)).toBe(true)
  })

  it('mounts across repositories, asking pull on the source in the same token', async () => {
    const client = clientWith(login())
    const source = repoOn('bearer')
    const image = await pushImageBlobs(client, source)
    const target = repoOn('bearer')
    const { digest, size } = image.layer.descriptor
    expect(await client.mountBlob(target, digest, source, { data: image.layer.bytes, size })).toEqual({
      mounted: true,
      uploaded: false
    })
    expect(await client.blobExists(target, digest)).toBe(true)
  })

  it('pulls anonymously where the token server allows it, and refuses anonymous push', async () => {
    const repo = repoOn('bearer', bearer.anonymousPullPrefix.replace(/\/$/, ''))
    const image = await pushImageBlobs(clientWith(login()), repo)
    const client = clientWith(anonymous)
    expect(await client.blobExists(repo, image.layer.descriptor.digest)).toBe(true)
    const push = await client
      .uploadBlob(
        repo,
        Buffer.from('x'),
        'sha256:2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881',
        1
      )
      .catch((e: unknown) => e)
    expect((push as RegistryError).code).toBe('REGISTRY_UNAUTHORIZED')
  })

  it('reports a refused password as AUTH_FAILED from the token service', async () => {
    const err = await clientWith(
      staticCredentials({ [bearer.host]: { username: bearer.username, password: 'wrong' } })
    )
      .getManifest(repoOn('bearer').withTag('v1'))
      .catch((e: unknown) => e)
    expect((err as RegistryError).code).toBe('AUTH_FAILED')
    expect((err as Error).message).toContain(bearer.host)
    expect((err as Error).message).not.toContain('wrong')
  })
})
