// GitHub's attestation store (a local server that checks requests as GitHub's REST docs describe them), and
// push-to-registry: false (signed and logged, nothing pushed).
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals'
import { createServer } from 'node:http'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { readBedState } from '../bed/state.js'
import { pushSampleImage } from '../bed/tools/sample-image.js'
import { RegistryClient } from '../../src/oci/index.js'
import { bedSigstoreInputs, runAction } from './support/action-runner.js'
import { logMarks, logSince } from './support/bed-logs.js'

const state = readBedState()
const TOKEN = 'ghs_e2eTokenThatMustNeverBePrinted0123456789'
let server: Server
let apiUrl = ''
let answer = 201
const received: { path: string; authorization?: string; version?: string; bundleMediaType?: string }[] = []

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as { bundle?: { mediaType?: string } }
      received.push({
        path: `${req.method} ${req.url}`,
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        ...(req.headers['x-github-api-version']
          ? { version: String(req.headers['x-github-api-version']) }
          : {}),
        ...(body.bundle?.mediaType ? { bundleMediaType: body.bundle.mediaType } : {})
      })
      const ok = req.method === 'POST' && req.url === '/repos/nvidia/gpu-operator/attestations' && body.bundle
      res.writeHead(ok ? answer : 422, { 'content-type': 'application/json' })
      res.end(
        JSON.stringify(
          ok && answer === 201
            ? { id: received.length }
            : { message: 'Resource not accessible by integration' }
        )
      )
    })
  })
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => new Promise<void>(r => server.close(() => r())))

async function sample(name: string): Promise<string> {
  const repo = `e2e/${name}-${Date.now().toString(36)}`
  const digest = await pushSampleImage(state, 'distribution', repo, 'v1')
  return `${state.registries.distribution.host}/${repo}@${digest}`
}

describe('GitHub attestation store and push-to-registry', () => {
  test('auto with a github-token stores every bundle and reports the attestation URLs; the token stays masked', async () => {
    received.length = 0
    answer = 201
    const subject = await sample('ghstore')
    const run = await runAction(
      state,
      { subjects: subject, sbom: 'none', 'github-token': TOKEN, ...(await bedSigstoreInputs(state)) },
      { env: { GITHUB_API_URL: apiUrl } }
    )
    expect({ code: run.code, out: run.code === 0 ? '' : run.stdout.slice(-2000) }).toEqual({
      code: 0,
      out: ''
    })
    expect(received).toHaveLength(3) // signature, provenance v1, provenance v0.2 bundles
    for (const r of received)
      expect(r).toEqual({
        path: 'POST /repos/nvidia/gpu-operator/attestations',
        authorization: `Bearer ${TOKEN}`,
        version: '2022-11-28',
        bundleMediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json'
      })
    const urls = (JSON.parse(run.outputs.attestations!) as { githubAttestationUrl?: string }[]).flatMap(a =>
      a.githubAttestationUrl ? [a.githubAttestationUrl] : []
    )
    expect(urls).toHaveLength(3)
    expect(run.stdout.split('\n').filter(l => !l.startsWith('::add-mask::') && l.includes(TOKEN))).toEqual([])
  })

  test('file subjects: each statement over the files is stored once; file signatures are not', async () => {
    received.length = 0
    answer = 201
    const dir = join(state.dir, 'tmp', `ghstore-files-${Date.now().toString(36)}`)
    await mkdir(dir, { recursive: true })
    for (const f of ['a.bin', 'b.bin']) await writeFile(join(dir, f), `${f} ${dir}`)
    const run = await runAction(
      state,
      {
        'subject-path': `${dir}/*.bin`,
        sbom: 'none',
        'github-token': TOKEN,
        ...(await bedSigstoreInputs(state))
      },
      { env: { GITHUB_API_URL: apiUrl } }
    )
    expect({ code: run.code, out: run.code === 0 ? '' : run.stdout.slice(-2000) }).toEqual({
      code: 0,
      out: ''
    })
    expect(received).toHaveLength(2) // provenance v1 and v0.2, each listing both files
    const stored = (
      JSON.parse(run.outputs.attestations!) as { kind: string; githubAttestationUrl?: string }[]
    )
      .filter(a => a.githubAttestationUrl)
      .map(a => a.kind)
      .sort()
    expect(stored).toEqual(['provenance-v0.2', 'provenance-v0.2', 'provenance-v1', 'provenance-v1'])
  })

  test('a refusal is a warning under auto and a failure naming attestations: write under true', async () => {
    answer = 403
    const subject = await sample('ghrefused')
    const inputs = {
      subjects: subject,
      sbom: 'none',
      'github-token': TOKEN,
      ...(await bedSigstoreInputs(state))
    }
    const auto = await runAction(state, inputs, { env: { GITHUB_API_URL: apiUrl } })
    expect(auto.code).toBe(0)
    expect(auto.stdout).toMatch(/::warning::GitHub refused the attestation .*attestations: write/)
    const strict = await runAction(
      state,
      { ...inputs, 'github-attestations': 'true' },
      { env: { GITHUB_API_URL: apiUrl } }
    )
    expect(strict.code).toBe(1)
    expect(strict.stdout).toMatch(
      /::error::.*github-attestations: true, and GitHub refused .*attestations: write/
    )
  })

  test('push-to-registry: false signs and logs but pushes nothing, and lists what was not pushed', async () => {
    const subject = await sample('nopush')
    const digest = subject.split('@')[1]!
    const sigstore = await bedSigstoreInputs(state)
    const marks = await logMarks(state)
    const run = await runAction(state, {
      subjects: subject,
      sbom: 'none',
      'push-to-registry': 'false',
      ...sigstore
    })
    expect({ code: run.code, out: run.code === 0 ? '' : run.stdout.slice(-2000) }).toEqual({
      code: 0,
      out: ''
    })
    const logged = await logSince(state, marks)
    expect(logged.fulcio!.filter(r => r.method === 'POST')).toHaveLength(1)
    expect(logged.rekor!.filter(r => r.method === 'POST').length).toBe(4)
    const repo = subject.split('@')[0]!
    expect(await new RegistryClient().headManifest(`${repo}:${digest.replace(':', '-')}.sig`)).toBeUndefined()
    expect(run.summary).toContain('Not pushed (push-to-registry: false)')
    expect(run.stdout).toContain('::warning::verify: nothing is pushed (push-to-registry: false)')
    expect(run.stdout).toContain('::warning::verify: nothing is pushed (push-to-registry: false)')
    expect(JSON.parse(run.outputs['bundle-paths']!)).toHaveLength(3)
  })
})
