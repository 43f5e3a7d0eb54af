// Debian's docker-registry (distribution 2.8: no referrers API, like GHCR), one process per configuration.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { distributionConfig, type DistributionAuth } from './distribution-config.js'
import { onFreePort } from './port-retry.js'
import type { RunningRegistry } from './running.js'
import { startTiedChild } from './tied-child.js'
import { waitForV2 } from './wait-ready.js'

export async function startDistribution(
  name: string,
  dir: string,
  auth: DistributionAuth
): Promise<RunningRegistry<{ host: string }>> {
  const home = join(dir, name)
  const storageDir = join(home, 'storage')
  await mkdir(storageDir, { recursive: true })
  const configPath = join(home, 'config.yml')
  const logFile = join(dir, `${name}.log`)
  return onFreePort(async host => {
    await writeFile(configPath, distributionConfig({ host, storageDir, auth }))
    const child = startTiedChild(name, 'docker-registry', ['serve', configPath], { logFile })
    try {
      await waitForV2(host, child, logFile)
    } catch (err) {
      await child.stop()
      throw err
    }
    return { state: { host }, children: [child], close: () => child.stop() }
  })
}
