// Every bundle is also left on disk (`<subject>-<kind>.sigstore.json`) for later steps and other verifiers.
import { mkdir, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The runner's temp directory when the caller has one (run() passes RUNNER_TEMP), else the system's. */
export function bundleDirectory(runnerTemp?: string): string {
  return runnerTemp || tmpdir()
}

/** `127.0.0.1:5000/team/app@sha256:ab…` + `provenance-v1` → a file name without path separators. */
export function bundleFileName(repository: string, digest: string, kind: string): string {
  const safe = `${repository}@${digest}`.replace(/[^A-Za-z0-9._@-]+/g, '_').replace(/:/g, '-')
  return `${safe}-${kind}.sigstore.json`
}

export async function writeBundleFile(
  dir: string,
  repository: string,
  digest: string,
  kind: string,
  bundleJson: Buffer
): Promise<string> {
  await mkdir(dir, { recursive: true })
  const path = join(dir, bundleFileName(repository, digest, kind))
  await writeFile(path, bundleJson)
  return path
}
