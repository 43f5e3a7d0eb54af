// Without the installer's binaries the bed refuses to start its real Sigstore servers and names the command.
import { expect, it } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { run } from '../../bed/tools/run.js'

const REAL_SERVERS = fileURLToPath(new URL('../../bed/sigstore/real-servers.ts', import.meta.url))

it('rekor-tiles and timestamp-authority missing: an error naming the binary and `npm run testbed:install`', async () => {
  const empty = await mkdtemp(join(tmpdir(), 'oci-attest-no-tools-'))
  try {
    // A child process: the pins resolve their paths from OCI_ATTEST_TOOLS_DIR when first imported.
    const script = `
      const m = await import(${JSON.stringify(REAL_SERVERS)})
      for (const start of [m.startRekorTiles, m.startRealTsa])
        await start(${JSON.stringify(join(empty, 'dir'))}).then(() => console.log('started'), e => console.log(e.message))`
    const r = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      env: { ...process.env, OCI_ATTEST_TOOLS_DIR: empty },
      timeoutMs: 60_000
    })
    const lines = r.stdout.trim().split('\n')
    expect(lines).toEqual([
      `rekor-tiles v2.3.0 (POSIX) is not installed at ${empty}/bin/rekor-tiles-posix-v2.3.0; \`npm run testbed:install\` builds it`,
      `timestamp-authority v2.1.3 (test/bed/tools/tsa-server) is not installed at ${empty}/bin/tsa-server; \`npm run testbed:install\` builds it`
    ])
  } finally {
    await rm(empty, { recursive: true, force: true })
  }
})
