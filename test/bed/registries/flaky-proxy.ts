// "flaky": a reverse proxy in front of a registry, wrapped in the bed's fault injection, so tests can make
// registry calls fail (503/429), stall or reset on demand and read the log of what the client sent.
import { createServer } from 'node:http'
import { forwardTo } from '../http-forward.js'
import { withFaults } from '../http-faults.js'
import type { FlakyRegistryState } from '../state.js'
import type { RunningRegistry } from './running.js'

const registryError = (message: string) => ({
  errors: [{ code: 'UNKNOWN', message: `flaky proxy: ${message}` }]
})

export async function startFlakyProxy(upstream: string): Promise<RunningRegistry<FlakyRegistryState>> {
  const { handler, adminPath } = withFaults(forwardTo(upstream, registryError), { adminPath: '/__faults' })
  const server = createServer((req, res) => void handler(req, res))
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const host = `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  return {
    state: { host, auth: 'none', adminUrl: `http://${host}${adminPath}`, upstream },
    children: [],
    close: () =>
      new Promise(resolve => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
