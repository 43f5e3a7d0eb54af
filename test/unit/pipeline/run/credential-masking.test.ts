// Every credential the run reads is masked in every form it can leak in, including Docker config ones.
import { describe, expect, it } from '@jest/globals'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { registryCredentials } from '../../../../src/pipeline/run/credentials.js'

describe('credential masking', () => {
  it('masks Docker config identity tokens, auth passwords and the base64 user:password form', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oci-attest-mask-'))
    const auth = Buffer.from('robot:s3cret-pass').toString('base64')
    await writeFile(
      join(dir, 'config.json'),
      JSON.stringify({
        auths: { 'tok.example.com': { identitytoken: 'refresh-xyz' }, 'pw.example.com': { auth } }
      })
    )
    const masked: string[] = []
    const creds = registryCredentials(
      {},
      ['tok.example.com'],
      { env: { DOCKER_CONFIG: dir, HOME: dir } },
      s => masked.push(s)
    )
    expect(await creds.get('tok.example.com')).toMatchObject({ identityToken: 'refresh-xyz' })
    expect(await creds.get('pw.example.com')).toMatchObject({ username: 'robot', password: 's3cret-pass' })
    expect(masked).toEqual(expect.arrayContaining(['refresh-xyz', 's3cret-pass', auth]))
  })

  it('masks the base64 form of the registry-password input too', async () => {
    const masked: string[] = []
    const creds = registryCredentials(
      { registryUsername: 'u', registryPassword: 'p4ss' },
      ['r.example.com'],
      { env: { DOCKER_CONFIG: '/nonexistent' } },
      s => masked.push(s)
    )
    await creds.get('r.example.com')
    expect(masked).toEqual(['p4ss', Buffer.from('u:p4ss').toString('base64')])
  })
})
