// The one verifier of published material, driven by a dry run: the real signer wired to the in-process CA and
// log, publishing into a recording registry, then discovery and verification of what would have been pushed.
import { subjectAt } from '../support/subject.js'
import { describe, expect, it } from '@jest/globals'
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { RegistryError } from '../../../src/oci/errors.js'
import type { Descriptor, FetchedManifest } from '../../../src/oci/manifest.js'
import { parseReference } from '../../../src/oci/reference.js'
import type { PublishRegistry } from '../../../src/oci/publish-registry.js'
import { attestSubjects } from '../../../src/pipeline/attest-subjects.js'
import { RecordingRegistry } from '../../../src/pipeline/dry-run-registry.js'
import { checkDryRun } from '../../../src/pipeline/dry-run-report.js'
import { openDryRunSession } from '../../../src/pipeline/dry-run-session.js'
import { PublishedVerifier } from '../../../src/verify/index.js'

const ENV = {
  repository: 'o/r',
  serverUrl: 'https://github.com',
  workflowRun: { ref: 'refs/heads/main', workflowRef: 'o/r/.github/workflows/rel.yml@refs/heads/main' }
}
const DIGEST = `sha256:${'a'.repeat(64)}`

/** A registry that has nothing yet and takes no writes: everything a dry run writes stays in the recording. */
class Empty implements PublishRegistry {
  async getManifest(ref: unknown): Promise<FetchedManifest> {
    throw new RegistryError('REGISTRY_NOT_FOUND', `${String(ref)}: 404`)
  }
  async headManifest() {
    return undefined
  }
  async readBlob(): Promise<Buffer> {
    throw new RegistryError('REGISTRY_NOT_FOUND', 'blob: 404')
  }
  async supportsReferrersApi() {
    return false
  }
  async listReferrers(): Promise<Descriptor[]> {
    return []
  }
  async putManifest(): Promise<{ digest: string }> {
    throw new Error('a write reached the registry')
  }
  async uploadBlob(): Promise<unknown> {
    throw new Error('a write reached the registry')
  }
  async addReferrerToFallbackIndex(): Promise<unknown> {
    throw new Error('a write reached the registry')
  }
}

async function dryRun() {
  const session = openDryRunSession(ENV)
  const recording = new RecordingRegistry(new Empty())
  const repo = parseReference('registry.example/o/app')
  const report = await attestSubjects(
    {
      subjects: [subjectAt('registry.example/o/app', DIGEST)],
      provenance: ['v1'],
      verify: false,
      bundleDir: await mkdtemp(join(tmpdir(), 'verifier-'))
    },
    { registry: recording, session }
  )
  return { session, recording, report, subject: { repo, digest: DIGEST } }
}

describe('PublishedVerifier', () => {
  it('discovers both formats and verifies every item against the dry run trust, identity, digest and name', async () => {
    const { session, recording, report, subject } = await dryRun()
    const found = await session.published.verifySubject(recording.recordedOnly(), subject)
    expect(found.problems).toEqual([])
    expect(found.items.map(i => [i.source, i.kind, i.ok])).toEqual([
      ['referrer', 'signature', true],
      ['referrer', 'https://slsa.dev/provenance/v1', true],
      ['tag', 'signature', true],
      ['tag', 'https://slsa.dev/provenance/v1', true]
    ])
    expect(found.items.every(i => i.san === session.identity.subjectAlternativeName)).toBe(true)
    expect(await checkDryRun(report, recording, session.published)).toEqual([])
  })

  it('fails each item for another identity, and names the item and the check', async () => {
    const { session, recording, report, subject } = await dryRun()
    const other = new PublishedVerifier(session.verifier, {
      identity: { subjectAlternativeName: 'https://github.com/o/other', issuer: session.identity.issuer }
    })
    const found = await other.verifySubject(recording.recordedOnly(), subject)
    expect(found.items.length).toBe(4)
    expect(found.items.every(i => !i.ok && i.kind === '?' && i.problem)).toBe(true)
    const problems = await checkDryRun(report, recording, other)
    expect(problems.length).toBeGreaterThan(0)
    expect(problems[0]).toContain(`registry.example/o/app@${DIGEST}`)
    expect(problems[0]).toMatch(/verification failed at/)
  })

  it('checks the subject name when the policy asks for it', async () => {
    const { session, recording, subject } = await dryRun()
    const renamed = { ...subject, repo: parseReference('registry.example/o/other') }
    // The material lives under o/app; read it there, but expect statements to name o/other.
    const registry = recording.recordedOnly()
    const view: PublishRegistry = {
      ...registry,
      getManifest: (ref, opts) => registry.getManifest(String(ref).replace('o/other', 'o/app'), opts),
      listReferrers: (_repo, digest, type) => registry.listReferrers(subject.repo, digest, type),
      readBlob: (_repo, digest, size) => registry.readBlob(subject.repo, digest, size)
    }
    const named = await session.published.verifySubject(view, renamed)
    const dsse = named.items.filter(i => i.source === 'referrer')
    expect(dsse.every(i => !i.ok && /does not name registry\.example\/o\/other@/.test(i.problem!))).toBe(true)
    const unnamed = new PublishedVerifier(session.verifier, { identity: session.identity })
    expect((await unnamed.verifySubject(view, renamed)).items.every(i => i.ok)).toBe(true)
  })

  it('refuses a statement with fields stock verifiers reject, and another predicate type than expected', async () => {
    const session = openDryRunSession(ENV)
    const subject = { repo: parseReference('registry.example/o/app'), digest: DIGEST }
    const statement = (extra: Record<string, unknown>) =>
      Buffer.from(
        JSON.stringify({
          _type: 'https://in-toto.io/Statement/v1',
          subject: [{ name: 'registry.example/o/app', digest: { sha256: 'a'.repeat(64) } }],
          predicateType: 'https://example.com/p/v1',
          predicate: {},
          ...extra
        })
      )
    const plain = await session.signer.signStatement(statement({}))
    const extra = await session.signer.signStatement(statement({ note: 'x' }))
    expect(session.published.verifyItem('plain', plain, subject, 'https://example.com/p/v1').kind).toBe(
      'https://example.com/p/v1'
    )
    expect(() => session.published.verifyItem('extra', extra, subject)).toThrow(
      'extra: statement has fields stock verifiers reject: note'
    )
    expect(() => session.published.verifyItem('typed', plain, subject, 'https://example.com/q/v1')).toThrow(
      'typed: predicateType is https://example.com/p/v1, expected https://example.com/q/v1'
    )
  })
})
