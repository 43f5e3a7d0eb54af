// The command line (dist/cli/index.js): attest outside Actions with a given token, verify what it published.
import { describe, expect, test } from '@jest/globals'
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { readBedState, requireSigstore } from '../bed/state.js'
import { pushSampleImage } from '../bed/tools/sample-image.js'
import { REPO_ROOT } from './support/action-runner.js'
import type { SigstoreServices } from '../../src/sigstore/signing-config/index.js'

const state = readBedState()
const s = requireSigstore(state)
const CLI = join(REPO_ROOT, 'dist/cli/index.js')
const ISSUER = 'https://token.actions.githubusercontent.com'

function cli(
  args: string[],
  env: Record<string, string> = {}
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise(done => {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: {
        PATH: process.env.PATH,
        HOME: state.dir,
        DOCKER_CONFIG: join(state.dir, 'cosign', 'docker-empty'),
        TMPDIR: join(state.dir, 'tmp'),
        ...env
      }
    })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (c: Buffer) => out.push(c))
    child.stderr.on('data', (c: Buffer) => err.push(c))
    child.on('close', code =>
      done({ code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() })
    )
  })
}

async function mint(claims: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${s.oidcUrl}/__mint`, { method: 'POST', body: JSON.stringify(claims) })
  return ((await res.json()) as { token: string }).token
}

describe('oci-attest command line', () => {
  test('attest --signing-config alone (no URL flags) uses the services it chooses, named in sigstore-services', async () => {
    const host = state.registries.referrers.host
    const repo = `e2e/cli-sc-${Date.now().toString(36)}`
    await pushSampleImage(state, 'referrers', repo, 'v1')
    await mkdir(join(state.dir, 'tmp'), { recursive: true })
    const dir = await mkdtemp(join(state.dir, 'tmp', 'cli-'))
    const tokenFile = join(dir, 'token')
    await writeFile(tokenFile, await mint({}))
    const attest = await cli(
      [
        'attest',
        `${host}/${repo}:v1`,
        '--identity-token-file',
        tokenFile,
        '--signing-config',
        s.signingConfigPath,
        '--trusted-root',
        s.trustedRootPath,
        '--sbom',
        'none',
        '--provenance',
        'none'
      ],
      { OCI_ATTEST_OIDC_DISCOVERY_URL: s.oidcUrl, RUNNER_TEMP: dir }
    )
    expect({ code: attest.code, err: attest.code === 0 ? '' : attest.stderr }).toEqual({ code: 0, err: '' })
    const services = (JSON.parse(attest.stdout) as { 'sigstore-services': SigstoreServices })[
      'sigstore-services'
    ]
    expect([
      services.signingConfig,
      services.fulcio.url,
      services.rekor.map(r => [r.url, r.majorApiVersion])
    ]).toEqual([s.signingConfigPath, s.fulcioUrl, [[s.rekorUrl, 1]]])
  })

  test('attest with --identity-token-file (another CI system), then verify finds signature, provenance and SBOM', async () => {
    const host = state.registries.referrers.host
    const repo = `e2e/cli-${Date.now().toString(36)}`
    const digest = await pushSampleImage(state, 'referrers', repo, 'v1')
    const dir = await mkdtemp(join(state.dir, 'tmp', 'cli-'))
    const tokenFile = join(dir, 'token')
    await writeFile(
      tokenFile,
      await mint({
        repository: 'acme/widgets',
        workflow_ref: 'acme/widgets/.github/workflows/rel.yml@refs/heads/main'
      })
    )
    const root = s.trustedRootPath
    const attest = await cli(
      [
        'attest',
        `${host}/${repo}:v1`,
        '--identity-token-file',
        tokenFile,
        '--fulcio-url',
        s.fulcioUrl,
        '--rekor-url',
        s.rekorUrl,
        '--trusted-root',
        root
      ],
      { OCI_ATTEST_OIDC_DISCOVERY_URL: s.oidcUrl, RUNNER_TEMP: dir }
    )
    expect({ code: attest.code, err: attest.code === 0 ? '' : attest.stderr }).toEqual({ code: 0, err: '' })
    const outputs = JSON.parse(attest.stdout) as {
      digests: Record<string, string>
      'dry-run': boolean
      'sbom-paths': Record<string, string>
    }
    expect(outputs.digests).toEqual({ [`${host}/${repo}:v1`]: digest })
    expect(outputs['dry-run']).toBe(false)
    expect(attest.stderr).toContain(
      'Certificate identity: https://github.com/acme/widgets/.github/workflows/rel.yml@refs/heads/main'
    )

    const verify = await cli([
      'verify',
      `${host}/${repo}@${digest}`,
      '--certificate-identity-regexp',
      '^https://github.com/acme/widgets/',
      '--certificate-oidc-issuer',
      ISSUER,
      '--trusted-root',
      root,
      '--require',
      'signature,provenance,sbom',
      '--json'
    ])
    expect({ code: verify.code, err: verify.stderr }).toEqual({ code: 0, err: '' })
    const found = JSON.parse(verify.stdout) as {
      verified: string[]
      found: { ok: boolean; source: string }[]
    }
    expect(found.verified.sort()).toEqual(['provenance', 'sbom', 'signature'])
    expect(found.found.every(f => f.ok)).toBe(true)
    expect(new Set(found.found.map(f => f.source))).toEqual(new Set(['referrer', 'tag']))

    // --output-predicate: the verified predicates as bare files, one per type though both formats hold them.
    const predicates = join(dir, 'predicates')
    const written = await cli([
      'verify',
      `${host}/${repo}@${digest}`,
      '--certificate-identity-regexp',
      '^https://github.com/acme/widgets/',
      '--certificate-oidc-issuer',
      ISSUER,
      '--trusted-root',
      root,
      '--require',
      'sbom',
      '--output-predicate',
      predicates
    ])
    expect({ code: written.code, err: written.stderr }).toEqual({ code: 0, err: '' })
    expect((await readdir(predicates)).sort()).toEqual([
      'provenance-v0.2.json',
      'provenance-v1.json',
      'sbom.cdx.json'
    ])
    expect(written.stdout).toContain(`wrote ${join(predicates, 'sbom.cdx.json')} (https://cyclonedx.org/bom)`)
    // The file is the SBOM the attest step generated and signed, not a statement or an envelope around it.
    const sbom = JSON.parse(await readFile(join(predicates, 'sbom.cdx.json'), 'utf8')) as {
      bomFormat: string
    }
    expect(sbom.bomFormat).toBe('CycloneDX')
    expect(sbom).toEqual(JSON.parse(await readFile(outputs['sbom-paths'][digest]!, 'utf8')))
    const v1 = JSON.parse(await readFile(join(predicates, 'provenance-v1.json'), 'utf8')) as {
      buildDefinition: { externalParameters: { workflow: { repository: string } } }
    }
    expect(v1.buildDefinition.externalParameters.workflow.repository).toMatch(/\/acme\/widgets$/)

    const other = await cli([
      'verify',
      `${host}/${repo}@${digest}`,
      '--certificate-identity',
      'https://github.com/acme/widgets/.github/workflows/other.yml@refs/heads/main',
      '--certificate-oidc-issuer',
      ISSUER,
      '--trusted-root',
      root
    ])
    expect(other.code).toBe(1)
    expect(other.stdout).toContain('NOT VERIFIED: no valid signature')
    // A failed verification leaves no file a later step could scan as if it were verified.
    const refused = join(dir, 'refused')
    const none = await cli([
      'verify',
      `${host}/${repo}@${digest}`,
      '--certificate-identity',
      'https://github.com/acme/widgets/.github/workflows/other.yml@refs/heads/main',
      '--certificate-oidc-issuer',
      ISSUER,
      '--trusted-root',
      root,
      '--output-predicate',
      refused
    ])
    expect(none.code).toBe(1)
    await expect(readdir(refused)).rejects.toMatchObject({ code: 'ENOENT' })
    const issuer = await cli([
      'verify',
      `${host}/${repo}@${digest}`,
      '--certificate-identity-regexp',
      '^https://github.com/acme/',
      '--certificate-oidc-issuer',
      'https://accounts.google.com',
      '--trusted-root',
      root
    ])
    expect(issuer.code).toBe(1)
  })

  test('attest --dry-run needs no token; usage errors exit 2', async () => {
    const host = state.registries.distribution.host
    const repo = `e2e/cli-dry-${Date.now().toString(36)}`
    const digest = await pushSampleImage(state, 'distribution', repo, 'v1')
    const dry = await cli(['attest', '--dry-run', '--sbom', 'none', `${host}/${repo}@${digest}`])
    expect({ code: dry.code, err: dry.code === 0 ? '' : dry.stderr }).toEqual({ code: 0, err: '' })
    expect((JSON.parse(dry.stdout) as { 'dry-run': boolean })['dry-run']).toBe(true)
    expect(dry.stderr).toContain('DRY RUN would push')
    // --sbom-referrer (input sbom-referrer) adds the bare SBOM as a CycloneDX artifact referrer.
    const plain = await cli(['attest', '--dry-run', '--sbom-referrer', 'true', `${host}/${repo}@${digest}`])
    expect({ code: plain.code, err: plain.code === 0 ? '' : plain.stderr }).toEqual({ code: 0, err: '' })
    expect(plain.stderr).toContain('artifactType application/vnd.cyclonedx+json')
    expect(dry.stderr).not.toContain('artifactType application/vnd.cyclonedx+json')

    expect((await cli(['attest', `${host}/${repo}@${digest}`])).stderr).toContain('no OIDC identity token')
    expect((await cli(['attest', `${host}/${repo}@${digest}`])).code).toBe(2)
    expect(
      (await cli(['verify', `${host}/${repo}@${digest}`, '--certificate-oidc-issuer', ISSUER])).code
    ).toBe(2)
    expect((await cli(['frobnicate'])).code).toBe(2)
    expect((await cli(['--version'])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
    const bad = await cli(['attest', '--dry-run', '--platforms', 'all', `${host}/${repo}@${digest}`])
    // The CLI names its flags, not the action's inputs, and a bad value is bad usage (exit 2).
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--platforms: "all" is not one of both, index, platforms')
  })

  test('sbom from the bundle, with the docker config login', async () => {
    const basic = state.registries.basic
    const repo = `e2e/cli-sbom-${Date.now()}`
    const digest = await pushSampleImage(state, 'basic', repo, 'v1')
    const ref = `${basic.host}/${repo}@${digest}`
    const dockerConfig = await mkdtemp(join(state.dir, 'cli-sbom-docker-'))
    const auth = Buffer.from(`${basic.username}:${basic.password}`).toString('base64')
    await mkdir(dockerConfig, { recursive: true })
    await writeFile(join(dockerConfig, 'config.json'), JSON.stringify({ auths: { [basic.host]: { auth } } }))
    const out = join(dockerConfig, 'sbom.cdx.json')
    const r = await cli(['sbom', ref, '--output', out], { DOCKER_CONFIG: dockerConfig })
    expect(r.stderr).toMatch(/layers \d+\/\d+/)
    expect(r.code).toBe(0)
    const doc = JSON.parse(await readFile(out, 'utf8')) as {
      bomFormat: string
      metadata: { component: { name: string } }
    }
    expect(doc.bomFormat).toBe('CycloneDX')
    expect(doc.metadata.component.name).toBe(`${basic.host}/${repo}`)
    // Without the login the registry refuses, and the error says so.
    const anon = await cli(['sbom', ref])
    expect(anon.code).toBe(1)
    expect(anon.stderr).toMatch(/refused anonymous .*docker login/)
    expect(anon.stderr).not.toContain(basic.password)
  })
})
