import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RegistryError } from '../../../src/oci/index.js'
import { dockerConfigCredentials, dockerConfigPath } from '../../../src/oci/index.js'

let dir: string
let env: NodeJS.ProcessEnv

// A real credential helper speaking docker's protocol: server URL on stdin, JSON on stdout.
const HELPER = `#!/bin/sh
[ "$1" = get ] || exit 3
read -r server
echo "$server" >> "$(dirname "$0")/asked.log"
case "$server" in
  helped.example.com) echo '{"ServerURL":"helped.example.com","Username":"robot","Secret":"s3cret"}' ;;
  https://index.docker.io/v1/) echo '{"ServerURL":"https://index.docker.io/v1/","Username":"hubuser","Secret":"hubpass"}' ;;
  oauth.example.com) echo '{"ServerURL":"oauth.example.com","Username":"<token>","Secret":"refresh-me"}' ;;
  broken.example.com) echo 'kaboom' >&2; exit 2 ;;
  *) echo 'credentials not found in native keychain'; exit 1 ;;
esac
`

async function write(name: string, config: unknown): Promise<string> {
  const path = join(dir, name)
  await writeFile(path, JSON.stringify(config))
  return path
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oci-attest-dockercfg-'))
  await writeFile(join(dir, 'docker-credential-testhelper'), HELPER)
  await chmod(join(dir, 'docker-credential-testhelper'), 0o755)
  env = { ...process.env, PATH: `${dir}:${process.env.PATH}` }
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('docker config credentials', () => {
  it('finds the file through DOCKER_CONFIG, else ~/.docker', () => {
    expect(dockerConfigPath({ DOCKER_CONFIG: '/cfg' })).toBe('/cfg/config.json')
    expect(dockerConfigPath({})).toMatch(/\.docker\/config\.json$/)
  })

  it('decodes auths entries (base64 auth, username/password, identitytoken), matching hosts exactly', async () => {
    const path = await write('auths.json', {
      auths: {
        'https://ghcr.io': { auth: Buffer.from('octo:pa:ss').toString('base64') },
        '127.0.0.1:5000': { username: 'u', password: 'p' },
        'https://index.docker.io/v1/': { auth: Buffer.from('hub:pw').toString('base64') },
        'acr.example.com': { identitytoken: 'refresh' }
      }
    })
    const creds = dockerConfigCredentials({ path, env })
    expect(await creds.get('ghcr.io')).toEqual({ username: 'octo', password: 'pa:ss' })
    expect(await creds.get('127.0.0.1:5000')).toEqual({ username: 'u', password: 'p' })
    expect(await creds.get('index.docker.io')).toEqual({ username: 'hub', password: 'pw' })
    expect(await creds.get('acr.example.com')).toEqual({ identityToken: 'refresh' })
    expect(await creds.get('127.0.0.1:5001')).toBeUndefined()
    expect(await creds.get('evil-ghcr.io')).toBeUndefined()
    expect(await creds.get('sub.ghcr.io')).toBeUndefined()
  })

  it('runs credHelpers and credsStore through a real docker-credential-* program', async () => {
    const path = await write('helpers.json', {
      credHelpers: { 'helped.example.com': 'testhelper', 'oauth.example.com': 'testhelper' },
      credsStore: 'testhelper',
      auths: { 'fallback.example.com': { username: 'file', password: 'entry' } }
    })
    const creds = dockerConfigCredentials({ path, env })
    expect(await creds.get('helped.example.com')).toEqual({ username: 'robot', password: 's3cret' })
    expect(await creds.get('oauth.example.com')).toEqual({ identityToken: 'refresh-me' })
    expect(await creds.get('index.docker.io')).toEqual({ username: 'hubuser', password: 'hubpass' })
    expect(await creds.get('fallback.example.com')).toEqual({ username: 'file', password: 'entry' })
    expect(await creds.get('nobody.example.com')).toBeUndefined()
    // cached: asking again does not run the helper again
    await creds.get('helped.example.com')
    const { readFile } = await import('node:fs/promises')
    const asked = (await readFile(join(dir, 'asked.log'), 'utf8')).trim().split('\n')
    expect(asked.filter(a => a === 'helped.example.com')).toHaveLength(1)
    expect(asked).toContain('https://index.docker.io/v1/')
  })

  it('reports a failing or missing helper by name, without its output as a secret leak', async () => {
    const path = await write('broken.json', {
      credHelpers: { 'broken.example.com': 'testhelper', 'gone.example.com': 'absent' }
    })
    const creds = dockerConfigCredentials({ path, env })
    const broken = await creds.get('broken.example.com').catch((e: unknown) => e)
    expect((broken as RegistryError).code).toBe('CREDENTIALS_UNAVAILABLE')
    expect((broken as Error).message).toContain('docker-credential-testhelper')
    const gone = await creds.get('gone.example.com').catch((e: unknown) => e)
    expect((gone as RegistryError).code).toBe('CREDENTIALS_UNAVAILABLE')
    expect((gone as Error).message).toMatch(/docker-credential-absent is not on PATH/)
  })

  it('is anonymous without a config file and names a corrupt one', async () => {
    expect(
      await dockerConfigCredentials({ path: join(dir, 'none.json'), env }).get('ghcr.io')
    ).toBeUndefined()
    const path = join(dir, 'corrupt.json')
    await writeFile(path, '{not json')
    const err = await dockerConfigCredentials({ path, env })
      .get('ghcr.io')
      .catch((e: unknown) => e)
    expect((err as RegistryError).code).toBe('CREDENTIALS_UNAVAILABLE')
    expect((err as Error).message).toContain(path)
  })
})
