// Jest global teardown: stops the bed this run started (a reused, hand-started bed is left running).
const GRACE_MS = 10_000

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export default async function globalTeardown(): Promise<void> {
  const bed = globalThis.__OCI_ATTEST_BED__
  if (!bed || bed.pid <= 0) return
  globalThis.__OCI_ATTEST_BED__ = undefined
  try {
    // The bed is its own process group leader; SIGTERM lets it stop its servers in order.
    process.kill(-bed.pid, 'SIGTERM')
  } catch {
    return
  }
  const deadline = Date.now() + GRACE_MS
  while (alive(bed.pid) && Date.now() < deadline) await new Promise(r => setTimeout(r, 50))
  if (alive(bed.pid)) {
    try {
      process.kill(-bed.pid, 'SIGKILL')
    } catch {
      // gone meanwhile; its servers' watchdogs stop them when its pipes close
    }
  }
}
