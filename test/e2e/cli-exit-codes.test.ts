// Exit codes of every command (0 ok, 1 failure, 2 bad usage), and bad usage worded in flags, never in inputs.
import { describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { readBedState } from '../bed/state.js'
import { pushSampleImage } from '../bed/tools/sample-image.js'
import { REPO_ROOT } from './support/action-runner.js'

const state = readBedState()
const CLI = join(REPO_ROOT, 'dist/cli/index.js')
const ISSUER = 'https://token.actions.githubusercontent.com'
const ID = 'https://github.com/acme/widgets/.github/workflows/release.yml@refs/tags/v1'

function cli(args: string[], env: Record<string, string> = {}, node = process.execPath) {
  const r = spawnSync(node, [CLI, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: state.dir, DOCKER_CONFIG: join(state.dir, 'no-docker'), ...env }
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('oci-attest exit codes', () => {
  const usage: [string, string[], RegExp][] = [
    ['unknown command', ['frobnicate'], /unknown command "frobnicate"/],
    [
      'attest: unknown flag',
      ['attest', '--frob', 'r.example/x:1'],
      /^oci-attest attest: unknown option --frob$/m
    ],
    ['attest: flag without value', ['attest', '--platforms'], /option --platforms needs a value/],
    [
      'attest: bad flag value',
      ['attest', '--verify', 'yes', 'r.example/x:1'],
      /--verify: "yes" is not a boolean/
    ],
    ['attest: no reference', ['attest', '--dry-run'], /no artifact given: pass one or more references/],
    ['attest: bad reference', ['attest', '--dry-run', 'r.example/x::'], /artifact reference: /],
    [
      'verify: bad reference',
      ['verify', 'a//b', '--certificate-identity', ID, '--certificate-oidc-issuer', ISSUER],
      /invalid image reference "a\/\/b"/
    ],
    [
      'verify: no issuer',
      ['verify', 'r.example/x:1', '--certificate-identity', ID],
      /--certificate-oidc-issuer is required/
    ],
    ['verify: unknown flag', ['verify', '--nope'], /unknown option --nope/],
    ['sbom: bad reference', ['sbom', '::bad::'], /invalid image reference/],
    ['sbom: bad format', ['sbom', 'r.example/x:1', '--format', 'xml'], /--format "xml" is not one of/]
  ]
  test.each(usage)('%s exits 2 with the problem on stderr and nothing on stdout', (_, args, message) => {
    const r = cli(args)
    expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: '' })
    expect(r.stderr).toMatch(message)
    expect(r.stderr).not.toMatch(/input "|set subjects|subject-name with/)
  })

  test('the token is asked for only after the flags are right', () => {
    const bad = cli(['attest', '--platforms', 'all'])
    expect(bad.stderr).toContain('--platforms')
    expect(bad.stderr).not.toContain('OIDC')
  })

  test('help and version exit 0 on stdout', () => {
    for (const args of [['--help'], ['attest', '--help'], ['verify', '--help'], ['sbom', '--help']]) {
      const r = cli(args)
      expect({ args, code: r.code, stderr: r.stderr }).toEqual({ args, code: 0, stderr: '' })
      expect(r.stdout).toMatch(/usage: oci-attest/)
      expect(r.stdout).toMatch(/Exit codes: 0 /)
    }
    expect(cli(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })

  test('verify of an unsigned image exits 1 and says so on stderr too', async () => {
    const host = state.registries.distribution.host
    const repo = `e2e/exit-${Date.now().toString(36)}`
    const digest = await pushSampleImage(state, 'distribution', repo, 'v1')
    const r = cli([
      'verify',
      `${host}/${repo}@${digest}`,
      '--certificate-identity',
      ID,
      '--certificate-oidc-issuer',
      ISSUER,
      '--trusted-root',
      state.sigstore.trustedRootPath
    ])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('nothing published for this digest')
    expect(r.stderr).toContain(`${host}/${repo}@${digest} NOT VERIFIED: no valid signature`)
  })

  test('a run that fails exits 1 and prints no empty outputs', () => {
    // Nothing listens on port 9 of loopback: the plan cannot resolve the tag.
    const r = cli(['attest', '--dry-run', '127.0.0.1:9/nothing/here:v1'])
    expect(r.code).toBe(1)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/^error: .*127\.0\.0\.1:9/m)
  })
})
