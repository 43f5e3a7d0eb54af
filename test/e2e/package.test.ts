// `npm pack` → install into an empty directory → the `oci-attest` bin runs through npm's shim, as a user gets it.
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { readBedState } from '../bed/state.js'
import { pushSampleImage } from '../bed/tools/sample-image.js'
import { REPO_ROOT } from './support/action-runner.js'

const state = readBedState()
let work = ''
// Node 24 first on PATH: the shim's `#!/usr/bin/env node` must find the runtime the package needs.
const PATH = `${dirname(process.execPath)}:${process.env.PATH ?? ''}`

function sh(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    timeout: 300_000,
    env: { PATH, HOME: work, npm_config_cache: join(work, 'npm-cache'), DOCKER_CONFIG: join(work, 'docker') }
  })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

describe('the npm package', () => {
  let app = ''
  let files: string[] = []
  beforeAll(async () => {
    work = await mkdtemp(join(state.dir, 'pack-'))
    const pack = sh('npm', ['pack', '--json', '--pack-destination', work], REPO_ROOT)
    expect(pack.code).toBe(0)
    const [info] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[]
    files = info!.files.map(f => f.path)
    app = join(work, 'app')
    await rm(app, { recursive: true, force: true })
    await sh('mkdir', ['-p', app, join(work, 'docker')], work)
    await writeFile(join(work, 'docker', 'config.json'), '{"auths":{}}')
    await writeFile(join(app, 'package.json'), '{"name":"empty-app","version":"1.0.0","private":true}\n')
    const install = sh('npm', ['install', '--no-audit', '--no-fund', join(work, info!.filename)], app)
    expect({ code: install.code, stderr: install.code ? install.stderr : '' }).toEqual({
      code: 0,
      stderr: ''
    })
  }, 300_000)
  afterAll(() => rm(work, { recursive: true, force: true }))

  test('holds only dist/, the README, the license and package.json', () => {
    expect(files.filter(f => !f.startsWith('dist/')).sort()).toEqual(['LICENSE', 'README.md', 'package.json'])
    expect(files).toContain('dist/cli/index.js')
    expect(files).toContain('dist/index.js')
  })

  test('installs no dependencies: the bundle carries them', async () => {
    expect((await readdir(join(app, 'node_modules'))).filter(d => !d.startsWith('.'))).toEqual(['oci-attest'])
  })

  test('the bin is executable and runs through the shim', async () => {
    const bin = join(app, 'node_modules', 'oci-attest', 'dist', 'cli', 'index.js')
    expect((await stat(bin)).mode & 0o111).not.toBe(0)
    const version = sh('npx', ['--no-install', 'oci-attest', '--version'], app)
    expect({ code: version.code, stderr: version.stderr }).toEqual({ code: 0, stderr: '' })
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
    const help = sh('npx', ['--no-install', 'oci-attest', 'attest', '--help'], app)
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('usage: oci-attest attest')
  })

  test('verify and sbom work against a registry', async () => {
    const host = state.registries.distribution.host
    const repo = `e2e/pack-${Date.now().toString(36)}`
    const digest = await pushSampleImage(state, 'distribution', repo, 'v1')
    const sbom = sh(
      'npx',
      ['--no-install', 'oci-attest', 'sbom', '--quiet', `${host}/${repo}@${digest}`],
      app
    )
    expect({ code: sbom.code, stderr: sbom.stderr }).toEqual({ code: 0, stderr: '' })
    expect((JSON.parse(sbom.stdout) as { bomFormat: string }).bomFormat).toBe('CycloneDX')
    const verify = sh(
      'npx',
      [
        '--no-install',
        'oci-attest',
        'verify',
        `${host}/${repo}@${digest}`,
        '--certificate-identity-regexp',
        '^https://github.com/acme/',
        '--certificate-oidc-issuer',
        'https://token.actions.githubusercontent.com',
        '--trusted-root',
        state.sigstore.trustedRootPath
      ],
      app
    )
    // Nothing was signed: verify runs, reads the registry and the trusted root, and says so with exit 1.
    expect(verify.code).toBe(1)
    expect(verify.stdout).toContain('nothing published for this digest')
  })
})
