// Runs the bundled action as a runner does: `node dist/index.js` with INPUT_*, GITHUB_*, RUNNER_TEMP, the
// output and summary files, and the Actions OIDC request variables of the bed's token endpoint.
import { spawn } from 'node:child_process'
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { BedState } from '../../bed/state.js'
import { requireSigstore } from '../../bed/state.js'

export const REPO_ROOT = resolve(import.meta.dirname, '../../..')
export const ACTION_ENTRY = join(REPO_ROOT, 'dist/index.js')

export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  runnerTemp: string
}

/** GITHUB_OUTPUT is `name<<DELIMITER\nvalue\nDELIMITER\n` per output (core.setOutput's file command). */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]!)
    if (!m) continue
    const value: string[] = []
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!)
    out[m[1]!] = value.join('\n')
  }
  return out
}

/** The Sigstore inputs pointing at the bed. */
export async function bedSigstoreInputs(state: BedState): Promise<Record<string, string>> {
  const s = requireSigstore(state)
  return { 'fulcio-url': s.fulcioUrl, 'rekor-url': s.rekorUrl, 'trusted-root': s.trustedRootPath }
}

/** What GitHub sets for a tag push of nvidia/gpu-operator (matching the bed's default token claims). */
export function githubEnv(event = 'push'): Record<string, string> {
  return {
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_REPOSITORY: 'nvidia/gpu-operator',
    GITHUB_REPOSITORY_ID: '215846468',
    GITHUB_REPOSITORY_OWNER: 'nvidia',
    GITHUB_REPOSITORY_OWNER_ID: '1728152',
    GITHUB_EVENT_NAME: event,
    GITHUB_SHA: '4b1f0c3e5a7d9b2c6e8f0a1b3c5d7e9f1a2b3c4d',
    GITHUB_REF: 'refs/tags/v1.2.3',
    GITHUB_WORKFLOW: 'Release',
    GITHUB_WORKFLOW_REF: 'nvidia/gpu-operator/.github/workflows/release.yaml@refs/tags/v1.2.3',
    GITHUB_RUN_ID: '11223344556',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_ACTOR: 'release-bot',
    RUNNER_ENVIRONMENT: 'github-hosted'
  }
}

export interface RunActionOptions {
  /** false leaves out ACTIONS_ID_TOKEN_REQUEST_* (no `id-token: write`, or a fork PR). */
  oidc?: boolean
  event?: string
  env?: Record<string, string | undefined>
  /** Docker config.json content; default an empty one (no ambient credentials). */
  dockerConfig?: object
  timeoutMs?: number
}

export async function runAction(
  state: BedState,
  inputs: Record<string, string>,
  opts: RunActionOptions = {}
): Promise<ActionRun> {
  const s = requireSigstore(state)
  await mkdir(join(state.dir, 'tmp'), { recursive: true })
  const work = await mkdtemp(join(state.dir, 'tmp', 'runner-'))
  const runnerTemp = join(work, 'temp')
  const dockerDir = join(work, 'docker')
  await mkdir(runnerTemp, { recursive: true })
  await mkdir(dockerDir, { recursive: true })
  await writeFile(join(dockerDir, 'config.json'), JSON.stringify(opts.dockerConfig ?? { auths: {} }))
  const outputFile = join(work, 'output.txt')
  const summaryFile = join(work, 'summary.md')
  await writeFile(outputFile, '')
  await writeFile(summaryFile, '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: work,
    ...githubEnv(opts.event),
    RUNNER_TEMP: runnerTemp,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    DOCKER_CONFIG: dockerDir,
    OCI_ATTEST_OIDC_DISCOVERY_URL: s.oidcUrl,
    ...(opts.oidc === false
      ? {}
      : {
          ACTIONS_ID_TOKEN_REQUEST_URL: s.tokenRequestUrl,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: s.tokenRequestToken
        })
  }
  for (const [name, value] of Object.entries(inputs))
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    if (v === undefined) delete env[k]
    else env[k] = v
  }
  const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>(done => {
    const child = spawn(process.execPath, [ACTION_ENTRY], {
      env,
      cwd: work,
      timeout: opts.timeoutMs ?? 180_000
    })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (c: Buffer) => out.push(c))
    child.stderr.on('data', (c: Buffer) => err.push(c))
    child.on('close', code =>
      done({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') })
    )
  })
  return {
    ...result,
    outputs: parseOutputFile(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
    runnerTemp
  }
}
