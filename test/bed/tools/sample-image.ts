// Pushes a tiny OCI image to a bed registry with crane (not src/oci, so tests of src/oci have an independent source).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { BedState, RegistryName } from '../state.js'
import { run } from './run.js'
import { tarWithOneFile } from './tiny-tar.js'

/** A docker config.json granting crane the registry's credentials (bearer: crane runs the token flow with them). */
export function dockerConfigFor(state: BedState, name: RegistryName): string {
  const r = state.registries[name]
  if (r.auth === 'none') return JSON.stringify({ auths: {} })
  const auth = Buffer.from(`${r.username}:${r.password}`).toString('base64')
  return JSON.stringify({ auths: { [r.host]: { auth } } })
}

/** Pushes `<host>/<repo>:<tag>` (one layer whose file names repo and tag) and returns its manifest digest. */
export async function pushSampleImage(
  state: BedState,
  registry: RegistryName,
  repo: string,
  tag: string
): Promise<string> {
  const host = state.registries[registry].host
  await mkdir(join(state.dir, 'tmp'), { recursive: true })
  const work = await mkdtemp(join(state.dir, 'tmp', 'sample-'))
  try {
    const layer = join(work, 'layer.tar')
    await writeFile(
      layer,
      tarWithOneFile('sample.txt', Buffer.from(`oci-attest test bed sample ${repo}:${tag}\n`))
    )
    await writeFile(join(work, 'config.json'), dockerConfigFor(state, registry), { mode: 0o600 })
    const ref = `${host}/${repo}:${tag}`
    const r = await run(
      state.tools.crane,
      ['append', '--oci-empty-base', '--insecure', '-f', layer, '-t', ref],
      {
        env: { ...process.env, DOCKER_CONFIG: work }
      }
    )
    const digest = /@(sha256:[0-9a-f]{64})\s*$/.exec(r.stdout.trim())?.[1]
    if (r.code !== 0 || !digest) {
      throw Object.assign(
        new Error(`crane append to ${ref} failed (${r.code}): ${r.error?.message ?? r.stderr.trim()}`),
        {
          code: 'TESTBED_PUSH_FAILED'
        }
      )
    }
    return digest
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
