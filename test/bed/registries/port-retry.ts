// Picking a free port and binding it in another process races with everything else on the machine
// (parallel test runs); a server that lost the race is started again on a new port.
import { freePort } from './free-port.js'
import { RegistryStartError } from './wait-ready.js'

const ATTEMPTS = 3

export async function onFreePort<T>(start: (host: string) => Promise<T>): Promise<T> {
  let last: unknown
  for (let i = 0; i < ATTEMPTS; i++) {
    const host = `127.0.0.1:${await freePort()}`
    try {
      return await start(host)
    } catch (err) {
      if (!(err instanceof RegistryStartError && err.childExited)) throw err
      last = err
    }
  }
  throw last
}
