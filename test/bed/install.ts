// Installs the test bed's pinned tools into .tools (git-ignored) when missing; quiet when everything is present.
// Run by `npm test` before Jest and by `npm run testbed:install`.
import { ensureAptTools } from './tools/apt-tools.js'
import { ensureGoTool } from './tools/go-tools.js'
import { InstallError } from './tools/install-error.js'
import { GO_TOOLS, SOURCE_GO_TOOLS } from './tools/pins.js'
import { ensureNtiaChecker, ensureSigstorePython } from './tools/python-tools.js'
import { ensureSourceGoTool } from './tools/source-go-tools.js'

const say = (line: string) => process.stdout.write(`testbed install: ${line}\n`)

async function timed(label: string, fn: () => Promise<boolean | string[]>): Promise<void> {
  const started = Date.now()
  const did = await fn()
  if (did === false || (Array.isArray(did) && did.length === 0)) return
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  say(`${Array.isArray(did) ? did.join(', ') : label} ready in ${seconds}s`)
}

async function main(): Promise<number> {
  const failures: unknown[] = []
  const attempt = (p: Promise<void>) => p.catch(err => failures.push(err))
  // Go builds one after another (they use every core); pip and apt are mostly network and run beside them.
  const goChain = (async () => {
    for (const tool of SOURCE_GO_TOOLS) await attempt(timed(tool.label, () => ensureSourceGoTool(tool, say)))
    for (const pin of GO_TOOLS) await attempt(timed(pin.label, () => ensureGoTool(pin, say)))
  })()
  await Promise.all([
    goChain,
    attempt(timed('Debian packages', () => ensureAptTools(say))),
    attempt(timed('sigstore-python', () => ensureSigstorePython(say))),
    attempt(timed('ntia-conformance-checker', () => ensureNtiaChecker(say)))
  ])
  for (const err of failures) {
    const text =
      err instanceof InstallError
        ? err.message
        : err instanceof Error
          ? (err.stack ?? err.message)
          : String(err)
    process.stderr.write(`testbed install: ${text}\n`)
  }
  return failures.length === 0 ? 0 : 1
}

process.exitCode = await main()
