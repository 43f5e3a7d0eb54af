// The pipeline against the bed: self-verification, one Fulcio certificate, nothing logged for missing artifacts,
// appends that keep existing layers, bundle files.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import type { BedState, RegistryName } from '../../bed/state.js'
import { requireSigstore } from '../../bed/state.js'
import { pushSampleImage } from '../../bed/tools/sample-image.js'
import { RegistryClient, parseReference } from '../../../src/oci/index.js'
import type { ImageManifest } from '../../../src/oci/index.js'
import { attestSubjects } from '../../../src/pipeline/attest-subjects.js'
import { planned, sbomFromFile } from '../support/subjects.js'
import type { SigningSession } from '../../../src/pipeline/session.js'
import { cosignTag } from '../../../src/publish/cosign-layout.js'
import { verifyPublished } from '../../../src/verify/index.js'
import { openSession, readBedState, sbomFile, tempDir } from '../interop/fixture.js'

let state: BedState
let session: SigningSession
const registry = new RegistryClient()

interface LogRecord {
  method: string
  path: string
}
const bedLog = async (adminUrl: string): Promise<LogRecord[]> =>
  (await (await fetch(`${adminUrl}/log`)).json()) as LogRecord[]
const count = (log: LogRecord[], method: string, path: string) =>
  log.filter(r => r.method === method && r.path.startsWith(path)).length

beforeAll(async () => {
  state = readBedState()
  session = await openSession(state)
})

async function push(name: RegistryName, repo: string): Promise<string> {
  const digest = await pushSampleImage(
    state,
    name,
    repo,
    `p${Date.now()}${Math.random().toString(16).slice(2, 6)}`
  )
  return `${state.registries[name].host}/${repo}@${digest}`
}

describe.each<RegistryName>(['referrers', 'distribution'])('pipeline on the "%s" registry', name => {
  it('signs 3 subjects concurrently with one certificate and verifies everything it pushed', async () => {
    const s = requireSigstore(state)
    const fresh = await openSession(state)
    const before = count(await bedLog(s.adminUrl.fulcio), 'POST', '/api/v2/signingCert')
    const subjects = await Promise.all([push(name, 'pipe/a'), push(name, 'pipe/b'), push(name, 'pipe/a')])
    const bundleDir = await tempDir(state, 'bundles-')
    const report = await attestSubjects(
      {
        subjects: await planned(registry, subjects),
        ...(await sbomFromFile(await sbomFile(state))),
        bundleDir
      },
      { registry, session: fresh }
    )
    expect(count(await bedLog(s.adminUrl.fulcio), 'POST', '/api/v2/signingCert') - before).toBe(1)
    expect(report.fulcioRequests).toBe(1)
    // signature (.sig) + signature bundle + 2 provenance + SBOM per subject
    expect(report.rekorEntries).toBe(3 * 5)
    for (const subject of report.subjects) {
      const files = subject.items.filter(i => i.bundlePath).map(i => i.bundlePath!)
      expect(files).toHaveLength(4)
      for (const f of files) {
        expect(f.startsWith(bundleDir)).toBe(true)
        expect(JSON.parse(await readFile(f, 'utf8')).mediaType).toBe(
          'application/vnd.dev.sigstore.bundle.v0.3+json'
        )
      }
    }
  })

  it('a digest missing from the registry fails before anything is logged in Rekor', async () => {
    const s = requireSigstore(state)
    const present = await push(name, 'pipe/missing')
    const missing = present.replace(/@sha256:.*/, `@sha256:${'e'.repeat(64)}`)
    const before = count(await bedLog(s.adminUrl.rekor), 'POST', '/api/v1/log/entries')
    // The plan reads every subject before anything is signed: the run stops there.
    await expect(planned(registry, [present, missing])).rejects.toMatchObject({
      code: 'SUBJECT_NOT_FOUND',
      subject: missing
    })
    expect(count(await bedLog(s.adminUrl.rekor), 'POST', '/api/v1/log/entries')).toBe(before)
  })

  it('a failure names the subject and the step it happened in', async () => {
    const s = requireSigstore(state)
    const subject = await push(name, 'pipe/phase')
    // Its own session: a session that saw a failure may refuse further work.
    const failing = await openSession(state)
    await fetch(s.adminUrl.rekor, {
      method: 'POST',
      body: JSON.stringify({
        rules: [{ method: 'POST', path: '^/api/v1/log/entries$', action: 'status', status: 400 }]
      })
    })
    try {
      await expect(
        attestSubjects({ subjects: await planned(registry, [subject]) }, { registry, session: failing })
      ).rejects.toMatchObject({
        code: 'SUBJECT_FAILED',
        subject,
        phase: 'attest',
        step: 'sign',
        message: expect.stringContaining(`${subject} [attest]: sign: Rekor`)
      })
    } finally {
      await fetch(s.adminUrl.rekor, { method: 'DELETE' })
    }
  })

  it('appending keeps existing layers: a second run adds its own and drops none', async () => {
    const subject = await push(name, 'pipe/append')
    const options = {
      subjects: await planned(registry, [subject]),
      formats: ['legacy' as const],
      provenance: ['v1' as const],
      verify: false
    }
    await attestSubjects(options, { registry, session })
    const ref = parseReference(subject)
    const repo = parseReference(ref.repoString())
    const read = async (suffix: 'sig' | 'att') =>
      (await registry.getManifest(repo.withTag(cosignTag(ref.digest!, suffix)))).json as ImageManifest
    const first = { sig: await read('sig'), att: await read('att') }
    await Promise.all([
      attestSubjects(options, { registry, session }),
      attestSubjects(options, { registry, session })
    ])
    for (const suffix of ['sig', 'att'] as const) {
      const after = await read(suffix)
      expect(after.layers).toHaveLength(3)
      expect(after.layers[0]).toEqual(first[suffix].layers[0])
      const config = JSON.parse((await registry.readBlob(repo, after.config.digest)).toString()) as {
        rootfs: { diff_ids: string[] }
      }
      expect(config.rootfs.diff_ids).toEqual(after.layers.map(l => l.digest))
    }
    const sigs = (await read('sig')).layers.map(l => l.annotations?.['dev.cosignproject.cosign/signature'])
    expect(new Set(sigs).size).toBe(3)
  })

  it('self-verification names the artifact and the failed check when a pushed layer was altered', async () => {
    const subject = await push(name, 'pipe/tamper')
    const report = await attestSubjects(
      {
        subjects: await planned(registry, [subject]),
        formats: ['legacy'],
        provenance: ['v1'],
        verify: false
      },
      { registry, session }
    )
    const ref = parseReference(subject)
    const repo = parseReference(ref.repoString())
    const tag = cosignTag(ref.digest!, 'sig')
    const manifest = (await registry.getManifest(repo.withTag(tag))).json as ImageManifest
    const layer = manifest.layers[0]!
    // Same signature annotation, but the certificate swapped for the Fulcio chain's root: the chain check must fail.
    const chain = layer.annotations!['dev.sigstore.cosign/chain']!
    const root = chain.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/g)!.pop()!
    manifest.layers[0] = {
      ...layer,
      annotations: { ...layer.annotations!, 'dev.sigstore.cosign/certificate': root }
    }
    await registry.putManifest(repo.withTag(tag), Buffer.from(JSON.stringify(manifest)), manifest.mediaType!)
    const items = report.subjects[0]!.items
    await expect(
      verifyPublished(registry, session.verifier, session.identity, { repo, digest: ref.digest!, items })
    ).rejects.toMatchObject({
      code: 'VERIFICATION_FAILED',
      message: expect.stringContaining(`${ref.repoString()}@${ref.digest} signature-legacy (tag ${tag})`)
    })
  })
})
