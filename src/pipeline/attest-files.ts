// File subjects: one statement per predicate listing every file (as actions/attest), a `sign-blob` signature
// per file whose bytes the plan read, each verified before its bundle is written; nothing goes to a registry.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { bundleToJSON } from '@sigstore/bundle'
import type { Bundle } from '@sigstore/bundle'
import { errorText } from '../errors/index.js'
import { provenancePredicate } from '../attest/provenance.js'
import type { ProvenanceVersion } from '../attest/provenance.js'
import type { SbomPredicate } from '../attest/sbom-predicate.js'
import type { CustomPredicate } from '../attest/custom-predicate.js'
import { buildStatement, serializeStatement } from '../attest/statement.js'
import type { Subject as StatementSubject } from '../attest/statement.js'
import type { GitHubAttestationStore } from '../publish/github-store.js'
import type { FileSubject } from '../subject/index.js'
import type { ProducedItem } from './attest-subject.js'
import { PipelineError } from './errors.js'
import type { SigningSession } from './session.js'
import { CUSTOM_KIND } from './statements.js'

/** The kind of a file's own signature in outputs: cosign sign-blob's message-signature bundle. */
export const BLOB_SIGNATURE_KIND = 'signature-blob'
/** Files signed at once: each is held in memory while it is signed. */
const SIGN_CONCURRENCY = 4

export interface FileAttestOptions {
  files: FileSubject[]
  provenance: ProvenanceVersion[]
  /** Only an SBOM the caller gave: nothing is generated for files. */
  sbom?: SbomPredicate
  custom?: CustomPredicate
  /** Signatures as `<dir>/<file name>.sigstore.json`, statements as `<dir>/statements/<kind>.sigstore.json`. */
  bundleDir: string
  /** Verify every bundle against the session's trust before it is written (off for dry runs). */
  verifyBeforeWrite: boolean
}

export interface FileReport {
  files: FileSubject[]
  /** The statements every file shares (provenance, SBOM, custom): one bundle each. */
  statements: ProducedItem[]
  /** One per file the plan read; checksums lines have no bytes to sign. */
  signatures: { subject: FileSubject; item: ProducedItem }[]
  warnings: string[]
}

const fail = (ref: string, step: 'sign' | 'publish' | 'verify', cause: unknown): never => {
  throw new PipelineError('SUBJECT_FAILED', ref, 'attest', errorText(cause), { cause, step })
}

const toStatementSubject = (f: FileSubject): StatementSubject => ({
  name: f.name,
  digest: { sha256: f.digest.slice('sha256:'.length) }
})

async function inBatches<T, R>(items: T[], size: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++
      out[i] = await task(items[i]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker))
  return out
}

export async function attestFiles(
  o: FileAttestOptions,
  c: { session: SigningSession; githubStore?: GitHubAttestationStore }
): Promise<FileReport> {
  const { session } = c
  const subjects = o.files.map(toStatementSubject)
  const planned: { kind: string; predicateType: string; predicate: object }[] = []
  for (const version of o.provenance) {
    const { predicateType, predicate } = provenancePredicate(version, session.claims, session.serverUrl)
    planned.push({ kind: `provenance-${version}`, predicateType, predicate })
  }
  if (o.sbom)
    planned.push({
      kind: `sbom-${o.sbom.kind}`,
      predicateType: o.sbom.predicateType,
      predicate: o.sbom.predicate
    })
  if (o.custom)
    planned.push({ kind: CUSTOM_KIND, predicateType: o.custom.predicateType, predicate: o.custom.predicate })
  const runRef = `${o.files.length} file(s)`
  const identity = session.identity
  const statementDir = join(o.bundleDir, 'statements')
  await mkdir(statementDir, { recursive: true })
  const warnings: string[] = []

  const statements = await Promise.all(
    planned.map(async p => {
      const bytes = serializeStatement(buildStatement(subjects, p.predicateType, p.predicate))
      const signed = await session.signer.signStatement(bytes).catch(e => fail(runRef, 'sign', e))
      if (o.verifyBeforeWrite) {
        try {
          session.verifier.verify(`${runRef} ${p.kind}`, signed.bundle, identity)
        } catch (cause) {
          fail(runRef, 'verify', cause)
        }
      }
      const bundlePath = join(statementDir, `${p.kind}.sigstore.json`)
      await writeFile(bundlePath, signed.bundleJson).catch(e => fail(runRef, 'publish', e))
      const stored = await c.githubStore?.store(signed.bundleJson)
      const item: ProducedItem = {
        kind: p.kind,
        predicateType: p.predicateType,
        rekorLogIndex: signed.tlogEntry.logIndex,
        bundlePath
      }
      if (stored?.stored) item.githubAttestationUrl = stored.url
      else if (stored && !warnings.includes(stored.warning)) warnings.push(stored.warning)
      return item
    })
  )

  const readable = o.files.filter((f): f is FileSubject & { path: string } => f.path !== undefined)
  const signatures = await inBatches(readable, SIGN_CONCURRENCY, async subject => {
    const bytes = await readFile(subject.path).catch(e => fail(subject.ref, 'sign', e))
    const signed = await session.signer.signPayload(bytes).catch(e => fail(subject.ref, 'sign', e))
    if (o.verifyBeforeWrite) {
      try {
        // The bytes signed are the bytes the plan hashed: a file changed since then fails here, not later.
        const digest = Buffer.from(subject.digest.slice('sha256:'.length), 'hex')
        if (!messageDigest(signed.bundle).equals(digest))
          throw new Error(`${subject.ref} changed after it was hashed (its digest was ${subject.digest})`)
        session.verifier.verify(`${subject.ref} signature`, signed.bundle, identity, bytes)
      } catch (cause) {
        fail(subject.ref, 'verify', cause)
      }
    }
    const bundlePath = join(o.bundleDir, `${subject.name}.sigstore.json`)
    await writeFile(bundlePath, JSON.stringify(bundleToJSON(signed.bundle))).catch(e =>
      fail(subject.ref, 'publish', e)
    )
    const item: ProducedItem = {
      kind: BLOB_SIGNATURE_KIND,
      rekorLogIndex: signed.tlogEntry.logIndex,
      bundlePath
    }
    return { subject, item }
  })
  return { files: o.files, statements, signatures, warnings }
}

function messageDigest(bundle: Bundle): Buffer {
  const content = bundle.content
  if (content.$case !== 'messageSignature' || !content.messageSignature.messageDigest)
    throw new Error('the signature bundle carries no message digest')
  return Buffer.from(content.messageSignature.messageDigest.digest)
}
