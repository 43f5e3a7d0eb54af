import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { X509Certificate } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { startLocalStack, type LocalStack } from './support/local-stack.js'

let local: LocalStack
let rootPem: string
let untrustedPem: string
beforeAll(async () => {
  local = await startLocalStack()
  const chain =
    readFileSync(local.stack.tsaCertChainPath, 'utf8').match(
      /-----BEGIN[\s\S]+?-----END CERTIFICATE-----\n/g
    ) ?? []
  expect(chain).toHaveLength(3)
  rootPem = join(local.dir, 'tsa-root.pem')
  untrustedPem = join(local.dir, 'tsa-untrusted.pem')
  writeFileSync(rootPem, chain[2] ?? '')
  writeFileSync(untrustedPem, (chain[0] ?? '') + (chain[1] ?? ''))
})
afterAll(async () => local.stop())

const openssl = (args: string[]) =>
  execFileSync('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString()

async function stamp(
  data: string,
  flags: string[]
): Promise<{ dataPath: string; replyPath: string; status: number }> {
  const dataPath = join(local.dir, `data-${flags.join('')}.txt`)
  const queryPath = `${dataPath}.tsq`
  const replyPath = `${dataPath}.tsr`
  writeFileSync(dataPath, data)
  openssl(['ts', '-query', '-data', dataPath, '-sha256', ...flags, '-out', queryPath])
  const res = await fetch(local.stack.tsaUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/timestamp-query' },
    body: readFileSync(queryPath)
  })
  expect(res.headers.get('content-type')).toBe('application/timestamp-reply')
  writeFileSync(replyPath, Buffer.from(await res.arrayBuffer()))
  return { dataPath, replyPath, status: res.status }
}

describe('RFC 3161 timestamp authority', () => {
  it.each([[['-cert']], [['-no_nonce']]])(
    'answers a query (%j) with a token openssl verifies against the chain',
    async flags => {
      const { dataPath, replyPath, status } = await stamp('artifact to stamp', flags)
      expect(status).toBe(200)
      const text = openssl(['ts', '-reply', '-in', replyPath, '-text'])
      expect(text).toMatch(/Status: Granted/)
      expect(text).toMatch(/Hash Algorithm: sha256/)
      expect(
        openssl([
          'ts',
          '-verify',
          '-in',
          replyPath,
          '-data',
          dataPath,
          '-CAfile',
          rootPem,
          '-untrusted',
          untrustedPem
        ])
      ).toMatch(/Verification: OK/)
    }
  )

  it('gives a token that fails verification for other data', async () => {
    const { replyPath } = await stamp('original', ['-cert'])
    const other = join(local.dir, 'other.txt')
    writeFileSync(other, 'tampered')
    expect(() =>
      openssl([
        'ts',
        '-verify',
        '-in',
        replyPath,
        '-data',
        other,
        '-CAfile',
        rootPem,
        '-untrusted',
        untrustedPem
      ])
    ).toThrow()
  })

  it('signs with a leaf whose only, critical, extended key usage is timeStamping', () => {
    const leaf = new X509Certificate(
      readFileSync(untrustedPem, 'utf8').split(/(?<=-----END CERTIFICATE-----\n)/)[0] ?? ''
    )
    expect(leaf.keyUsage).toEqual(['1.3.6.1.5.5.7.3.8'])
    expect(openssl(['x509', '-in', untrustedPem, '-noout', '-ext', 'extendedKeyUsage'])).toMatch(/critical/)
  })

  it('serves its chain and rejects a body that is not a timestamp query', async () => {
    const chain = await (await fetch(local.stack.tsaUrl + '/certchain')).text()
    expect(chain).toBe(readFileSync(local.stack.tsaCertChainPath, 'utf8'))
    expect((await fetch(local.stack.tsaUrl, { method: 'POST', body: 'nope' })).status).toBe(400)
  })
})
