// "referrers": the bed's OCI 1.1 registry (test/bed/tools/referrers-registry), which answers the referrers API.
import { join } from 'node:path'
import type { AnonymousRegistryState } from '../state.js'
import { REFERRERS_REGISTRY } from '../tools/pins.js'
import { onFreePort } from './port-retry.js'
import type { RunningRegistry } from './running.js'
import { startTiedChild } from './tied-child.js'
import { waitForV2 } from './wait-ready.js'

export function startReferrersRegistry(dir: string): Promise<RunningRegistry<AnonymousRegistryState>> {
  const logFile = join(dir, 'referrers.log')
  return onFreePort(async host => {
    // Its storage is in memory: the bed starts fresh each time anyway.
    const child = startTiedChild('referrers', REFERRERS_REGISTRY.path, ['--address', host], { logFile })
    try {
      await waitForV2(host, child, logFile)
    } catch (err) {
      await child.stop()
      throw err
    }
    return { state: { host, auth: 'none' as const }, children: [child], close: () => child.stop() }
  })
}
