import { describe, expect, it } from '@jest/globals'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { distributionConfig } from '../../bed/registries/distribution-config.js'
import { onFreePort } from '../../bed/registries/port-retry.js'
import { startTiedChild } from '../../bed/registries/tied-child.js'
import { RegistryStartError, waitForV2 } from '../../bed/registries/wait-ready.js'

describe('registry start-up errors', () => {
  it('a registry whose port is taken fails fast, naming its log', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oci-attest-bed-'))
    const squatter = createServer()
    await new Promise<void>(r => squatter.listen(0, '127.0.0.1', r))
    const port = (squatter.address() as { port: number }).port
    try {
      const host = `127.0.0.1:${port}`
      const config = join(dir, 'config.yml')
      await writeFile(
        config,
        distributionConfig({ host, storageDir: join(dir, 's'), auth: { kind: 'none' } })
      )
      const logFile = join(dir, 'taken.log')
      const child = startTiedChild('taken', 'docker-registry', ['serve', config], { logFile })
      const err = await waitForV2(host, child, logFile, 10_000).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(RegistryStartError)
      expect((err as RegistryStartError).childExited).toBe(true)
      expect((err as Error).message).toContain(logFile)
      expect((err as Error).message).toMatch(/address already in use/)
    } finally {
      squatter.close()
      await rm(dir, { recursive: true, force: true })
    }
  })

  it('onFreePort tries another port when the server lost the race, and gives up after three', async () => {
    const hosts: string[] = []
    const result = await onFreePort(async host => {
      hosts.push(host)
      if (hosts.length === 1) throw new RegistryStartError('lost the race', undefined, true)
      return host
    })
    expect(hosts).toHaveLength(2)
    expect(result).toBe(hosts[1])
    let calls = 0
    const always = onFreePort(async () => {
      calls++
      throw new RegistryStartError('always', undefined, true)
    })
    await expect(always).rejects.toThrow('always')
    expect(calls).toBe(3)
    // A timeout (server alive but silent) is not retried: it would only triple the wait.
    let timeouts = 0
    await expect(
      onFreePort(async () => {
        timeouts++
        throw new RegistryStartError('timed out')
      })
    ).rejects.toThrow('timed out')
    expect(timeouts).toBe(1)
  })
})
