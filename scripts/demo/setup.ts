// What the demo installs: only what it runs. The registry from Debian and the Node Sigstore stack by default;
// stock cosign and sigstore-python when asked for (or when `npm test` already put them in .tools/).
import { existsSync } from 'node:fs'
import { ensureAptTools } from '../../test/bed/tools/apt-tools.js'
import { ensureGoTool, goToolOk } from '../../test/bed/tools/go-tools.js'
import { COSIGN_V2, COSIGN_V3, REKOR_TILES, SIGSTORE_PYTHON, TSA_SERVER } from '../../test/bed/tools/pins.js'
import { ensureSourceGoTool } from '../../test/bed/tools/source-go-tools.js'
import { ensureSigstorePython, sigstorePythonVersion } from '../../test/bed/tools/python-tools.js'

export interface DemoOptions {
  withCosign: boolean
  withSigstorePython: boolean
  /** The real rekor-tiles and timestamp-authority, built with Go, and a signing config choosing them. */
  rekorV2: boolean
}

export interface DemoPeers {
  cosign: boolean
  sigstorePython: boolean
}

type Say = (line: string) => void

async function step(say: Say, what: string, why: string, estimate: string, work: () => Promise<unknown>) {
  const started = Date.now()
  let done = false
  say(`${what} (${why}; about ${estimate} the first time)`)
  // A heartbeat, so a quiet apt-get or go build does not look like a hang.
  const timer = setInterval(
    () => !done && say(`  … still installing ${what} (${Math.round((Date.now() - started) / 1000)} s)`),
    20_000
  )
  try {
    const did = await work()
    if (did !== false && !(Array.isArray(did) && did.length === 0))
      say(`  ${what}: ready in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  } finally {
    done = true
    clearInterval(timer)
  }
}

/** Installs what this demo run needs and tells which stock verifiers it will run. */
export async function setUpDemo(opts: DemoOptions, say: Say): Promise<DemoPeers> {
  await step(
    say,
    'checking the registry (distribution 2.8 from Debian)',
    'the registry the demo pushes to',
    '20 s',
    () => ensureAptTools(line => say(`  ${line}`))
  )
  if (opts.withCosign) {
    for (const pin of [COSIGN_V3, COSIGN_V2])
      await step(say, `building ${pin.label} with Go`, 'stock verifier, --with-cosign', '3–6 min', () =>
        ensureGoTool(pin, line => say(`  ${line}`))
      )
  }
  if (opts.rekorV2) {
    await step(say, `building ${REKOR_TILES.label} with Go`, 'the Rekor v2 log, --rekor-v2', '3–5 min', () =>
      ensureGoTool(REKOR_TILES, line => say(`  ${line}`))
    )
    await step(
      say,
      'building timestamp-authority v2.1.3 with Go',
      'the TSA Rekor v2 needs, --rekor-v2',
      '4–7 min',
      () => ensureSourceGoTool(TSA_SERVER, line => say(`  ${line}`))
    )
  }
  if (opts.withSigstorePython)
    await step(
      say,
      `installing ${SIGSTORE_PYTHON.label} with pip`,
      'stock verifier, --with-sigstore-python',
      '30 s',
      () => ensureSigstorePython(line => say(`  ${line}`))
    )
  const cosign = (await goToolOk(COSIGN_V3)) && (await goToolOk(COSIGN_V2))
  const sigstorePython =
    existsSync(SIGSTORE_PYTHON.python) &&
    (await sigstorePythonVersion()) === `sigstore ${SIGSTORE_PYTHON.version}`
  if (!cosign)
    say(
      'stock cosign is not installed: the demo verifies with oci-attest only. `npm run demo -- --with-cosign` builds the pinned cosign v2 and v3 (needs Go; about 10 min once on 2 cores)'
    )
  if (!sigstorePython)
    say(
      'sigstore-python is not installed: `npm run demo -- --with-sigstore-python` adds it (pip, about 30 s once)'
    )
  return { cosign, sigstorePython }
}
