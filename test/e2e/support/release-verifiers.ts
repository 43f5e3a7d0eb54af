// The stock verifiers a release's users run, as the combined e2e suite calls them against the bed: gh (offline,
// the bed's trusted root), sigstore-python, and our own CLI; plus a bounded pool so they run side by side.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { BedState } from '../../bed/state.js'
import { requireSigstore } from '../../bed/state.js'
import { run } from '../../bed/tools/run.js'
import type { RunResult } from '../../bed/tools/run.js'
import { sigstorePythonVerifyCommand } from '../../bed/tools/sigstore-python-verify.js'
import { cosignArgs, cosignBinary } from '../../integration/interop/cosign.js'
import { REPO_ROOT } from './action-runner.js'

/** One verifier call, named for the failure list. */
export interface Check {
  what: string
  run: () => Promise<RunResult>
}
export interface Checked {
  what: string
  r: RunResult
}

/** Runs the checks side by side (bounded) and returns each with its result. */
export const runChecks = (checks: Check[], limit = 4): Promise<Checked[]> =>
  pooled(
    checks.map(c => async () => ({ what: c.what, r: await c.run() })),
    limit
  )

/** What refused, with the end of what it said: an empty list is the pass. */
export const refusals = (results: Checked[]): string[] =>
  results.filter(x => x.r.code !== 0).map(x => `${x.what}: ${(x.r.stderr || x.r.stdout).slice(-400)}`)

/** What accepted: for negatives, an empty list is the pass. */
export const acceptances = (results: Checked[]): string[] =>
  results.filter(x => x.r.code === 0).map(x => x.what)

/** A cosign blob command (`verify-blob`, `verify-blob-attestation`) for one identity, the bed's trusted root. */
export function cosignBlob(
  state: BedState,
  version: 'v2' | 'v3',
  sub: string[],
  file: string,
  identity: string
): Promise<RunResult> {
  const { args, env } = cosignArgs(state, {
    version,
    trust: 'trusted-root',
    identity: { exact: identity },
    issuer: requireSigstore(state).issuer
  })
  return run(cosignBinary(state, version), [...sub, ...args, file], { env, timeoutMs: 60_000 })
}

/** Runs the tasks with at most `limit` at once (2 cores: verifier processes are mostly waiting on each other). */
export async function pooled<T>(tasks: Array<() => Promise<T>>, limit = 4): Promise<T[]> {
  const results = new Array<T>(tasks.length)
  let next = 0
  const worker = async () => {
    for (let i = next++; i < tasks.length; i = next++) results[i] = await tasks[i]!()
  }
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker))
  return results
}

/** `gh attestation verify FILE --bundle B --owner O`; anything bound for GitHub's API hits a closed port. */
export async function ghVerify(state: BedState, dir: string, file: string, bundle: string, owner: string) {
  const home = join(dir, 'gh')
  await mkdir(join(home, 'config'), { recursive: true })
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: home,
    GH_CONFIG_DIR: join(home, 'config'),
    GH_NO_UPDATE_NOTIFIER: '1',
    GH_PROMPT_DISABLED: '1',
    NO_COLOR: '1',
    HTTPS_PROXY: 'http://127.0.0.1:9',
    HTTP_PROXY: 'http://127.0.0.1:9',
    NO_PROXY: ''
  }
  const args = ['attestation', 'verify', file, '--bundle', bundle, '--owner', owner]
  args.push('--custom-trusted-root', requireSigstore(state).trustedRootPath, '--format', 'json')
  return run(state.tools.gh, args, { env, timeoutMs: 60_000 })
}

/** sigstore-python `verify identity --bundle`; the artifact is a file path or `sha256:<hex>` of an image. */
export function pythonVerify(
  state: BedState,
  bundle: string,
  artifact: string,
  identity: string
): Promise<RunResult> {
  const [python, args] = sigstorePythonVerifyCommand(state, {
    bundle,
    artifact,
    identity,
    issuer: requireSigstore(state).issuer
  })
  return run(python, args, { timeoutMs: 60_000 })
}

/** `oci-attest verify` of an image reference, or of a file with `--bundle` files, for one identity. */
export function ociVerify(
  state: BedState,
  target: string,
  opts: { identity: string; require: string; bundles?: string[] }
): Promise<RunResult> {
  const s = requireSigstore(state)
  return run(
    process.execPath,
    [
      join(REPO_ROOT, 'dist/cli/index.js'),
      'verify',
      target,
      ...(opts.bundles ?? []).flatMap(b => ['--bundle', b]),
      '--certificate-identity',
      opts.identity,
      '--certificate-oidc-issuer',
      s.issuer,
      '--trusted-root',
      s.trustedRootPath,
      '--require',
      opts.require
    ],
    {
      env: {
        PATH: process.env.PATH,
        HOME: state.dir,
        DOCKER_CONFIG: join(state.dir, 'cosign', 'docker-empty')
      },
      timeoutMs: 60_000
    }
  )
}
