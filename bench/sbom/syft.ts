// Syft (pinned, see paths.ts) against a registry image; its JSON reduced to what parity compares.
import { readFile } from 'node:fs/promises'
import { SYFT } from './paths.js'
import { measure, type Measured } from './measure.js'

export interface SyftPackage {
  name: string
  version: string
  type: string
  purl: string
  foundBy: string
  locations: string[]
}

export const SYFT_ENV = {
  SYFT_REGISTRY_INSECURE_USE_HTTP: 'true',
  SYFT_CHECK_FOR_APP_UPDATE: 'false',
  SYFT_PARALLELISM: '2'
}

export async function runSyft(ref: string, outFile: string): Promise<Measured> {
  const m = await measure(SYFT, ['scan', `registry:${ref}`, '-o', `syft-json=${outFile}`, '-q'], SYFT_ENV)
  if (m.exitCode !== 0) throw new Error(`syft failed on ${ref}: ${m.stderr.slice(-2000)}`)
  return m
}

export async function readSyftPackages(file: string): Promise<SyftPackage[]> {
  const doc = JSON.parse(await readFile(file, 'utf8')) as {
    artifacts: Array<{
      name: string
      version: string
      type: string
      purl?: string
      foundBy: string
      locations?: Array<{ path: string }>
    }>
  }
  return doc.artifacts.map(a => ({
    name: a.name,
    version: a.version,
    type: a.type,
    purl: a.purl ?? '',
    foundBy: a.foundBy,
    locations: (a.locations ?? []).map(l => l.path)
  }))
}
