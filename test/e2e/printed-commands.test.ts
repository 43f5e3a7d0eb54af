// Every verification command we print works as printed: the job summary's (cosign v2, v3, gh) and the README's.
import { beforeAll, describe, expect, test } from '@jest/globals'
import { mkdir, mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { readBedState, requireSigstore } from '../bed/state.js'
import { run } from '../bed/tools/run.js'
import { bedSigstoreInputs, REPO_ROOT, runAction } from './support/action-runner.js'
import type { ActionRun } from './support/action-runner.js'
import { pushMultiArch } from './support/samples.js'

const state = readBedState()
const s = requireSigstore(state)
let action: ActionRun
let env: NodeJS.ProcessEnv
let indexRef = ''
let imageRef = ''

/** A PATH whose `cosign` is the given pinned build, `gh` the pinned gh, and `node` the Node 24 running us. */
async function toolPath(cosign: string): Promise<string> {
  const bin = await mkdtemp(join(state.dir, 'tmp', 'printed-bin-'))
  await symlink(cosign, join(bin, 'cosign'))
  await symlink(state.tools.gh, join(bin, 'gh'))
  return `${bin}:${dirname(process.execPath)}:${process.env.PATH ?? ''}`
}

async function sh(line: string, path: string, vars: Record<string, string> = {}) {
  const r = await run('bash', ['-euo', 'pipefail', '-c', line], {
    env: { ...env, PATH: path, ...vars },
    cwd: REPO_ROOT,
    timeoutMs: 120_000
  })
  return { line, code: r.code, output: r.code === 0 ? '' : `${r.stderr}\n${r.stdout}` }
}

/** The summary's ```sh block under `<b>title</b>`, for one subject's <details>. */
function summaryBlock(summary: string, digest: string, title: string): string[] {
  const details = summary.split('<details>').find(d => d.includes(`@${digest.slice(0, 19)}…</summary>`)) ?? ''
  const block = new RegExp(`<b>${title}</b>\\n\\n\`\`\`sh\\n([\\s\\S]*?)\\n\`\`\``).exec(details)?.[1] ?? ''
  return block.split('\n').filter(l => l.trim() && !l.startsWith('#'))
}

beforeAll(async () => {
  await mkdir(join(state.dir, 'tmp'), { recursive: true })
  const home = await mkdtemp(join(state.dir, 'tmp', 'printed-home-'))
  await mkdir(join(home, 'docker'))
  await writeFile(join(home, 'docker', 'config.json'), '{"auths":{}}')
  env = {
    HOME: home,
    DOCKER_CONFIG: join(home, 'docker'),
    GH_CONFIG_DIR: join(home, 'gh'),
    // The printed note says gh needs a login; any token satisfies the check, and the proxy below proves that no
    // GitHub (or TUF CDN) call is made: Go never proxies loopback, so only the bed is reachable.
    GH_TOKEN: 'not-a-real-token',
    GH_NO_UPDATE_NOTIFIER: '1',
    GH_PROMPT_DISABLED: '1',
    HTTPS_PROXY: 'http://127.0.0.1:9',
    HTTP_PROXY: 'http://127.0.0.1:9',
    NO_PROXY: ''
  }
  const registry = state.registries.distribution.host
  const image = await pushMultiArch(`${registry}/nvidia/gpu-operator`, `printed-${Date.now().toString(36)}`, {
    docker: true
  })
  // A custom predicate too, so its printed `--type '<URI>'` line is run as printed.
  action = await runAction(state, {
    subjects: image.ref,
    'predicate-type': 'https://example.com/attestations/printed/v1?x=1&y',
    predicate: '{"printed": true}',
    ...(await bedSigstoreInputs(state))
  })
  expect({ code: action.code, stderr: action.code === 0 ? '' : action.stderr }).toEqual({
    code: 0,
    stderr: ''
  })
  indexRef = `${registry}/nvidia/gpu-operator@${image.digest}`
  imageRef = `${registry}/nvidia/gpu-operator@${image.platforms[0]!.digest}`
}, 300_000)

describe('the job summary commands', () => {
  test.each([
    ['cosign v2', () => state.tools.cosignV2],
    ['cosign v3', () => state.tools.cosignV3],
    ['gh', () => state.tools.cosignV3]
  ])('%s: every line runs as printed', async (title, cosign) => {
    const path = await toolPath(cosign())
    for (const ref of [indexRef, imageRef]) {
      const lines = summaryBlock(action.summary, ref.split('@')[1]!, title)
      expect(lines.length).toBeGreaterThan(0)
      if (title === 'gh') expect(action.summary).toContain('gh needs a login even for --bundle-from-oci')
      if (title !== 'gh')
        expect(
          lines.filter(l => l.includes(`--type 'https://example.com/attestations/printed/v1?x=1&y'`))
        ).toHaveLength(1)
      const results = await Promise.all(lines.map(l => sh(l, path)))
      expect(results.filter(r => r.code !== 0)).toEqual([])
    }
  })
})

describe("the README's Verifying block", () => {
  let lines: string[] = []
  beforeAll(async () => {
    const readme = await readFile(join(REPO_ROOT, 'README.md'), 'utf8')
    const section = readme.slice(readme.indexOf('## Verifying'))
    const block = /```sh\n([\s\S]*?)\n```/.exec(section)?.[1] ?? ''
    lines = block.split('\n').filter(l => l.trim() && !l.startsWith('#') && !l.startsWith('REF='))
  })

  test('runs with REF set and the bed trust flag added, for cosign v2 and v3', async () => {
    expect(lines.some(l => l.startsWith('cosign verify '))).toBe(true)
    expect(lines.some(l => l.startsWith('gh attestation verify'))).toBe(true)
    expect(lines.some(l => l.startsWith('npx oci-attest verify'))).toBe(true)
    for (const cosign of [state.tools.cosignV2, state.tools.cosignV3]) {
      const path = await toolPath(cosign)
      const trust = (l: string): string =>
        l.startsWith('gh ')
          ? `${l} --custom-trusted-root ${s.trustedRootPath}`
          : `${l} --trusted-root ${s.trustedRootPath}`
      const script = (ref: string): string[] => {
        const vars = lines.filter(l => /^[A-Z]+=/.test(l))
        const commands = lines.filter(l => !/^[A-Z]+=/.test(l))
        return commands.map(c => [`REF=${ref}`, ...vars, trust(c)].join('\n'))
      }
      const results = await Promise.all(script(imageRef).map(l => sh(l, path)))
      expect(results.filter(r => r.code !== 0)).toEqual([])
    }
  })
})
