// A file's bundle (no registry): a sign-blob message signature over the file's bytes, or an in-toto statement
// that must list the file's sha256 among its subjects; the cryptography is the one bundle verifier's.
import { createHash } from 'node:crypto'
import { bundleFromJSON } from '@sigstore/bundle'
import type { BundleVerifier, ExpectedIdentity } from '../sigstore/verify/bundle-verifier.js'
import { CheckFailed } from './subject-claims.js'

export interface FileBundleResult {
  /** `signature` for a message signature, else the statement's predicate type. */
  kind: string
  san?: string
  logIndex?: string
  predicate?: Record<string, unknown>
}

export function verifyFileBundle(
  verifier: BundleVerifier,
  what: string,
  bundleJson: unknown,
  file: Buffer,
  identity: ExpectedIdentity
): FileBundleResult {
  let bundle
  try {
    bundle = bundleFromJSON(bundleJson)
  } catch (cause) {
    throw new CheckFailed(`${what}: not a Sigstore bundle`, { cause })
  }
  const logIndex = bundle.verificationMaterial.tlogEntries[0]?.logIndex
  const facts = (san?: string) => ({ ...(san ? { san } : {}), ...(logIndex ? { logIndex } : {}) })
  if (bundle.content.$case === 'messageSignature') {
    const { san } = verifier.verify(what, bundle, identity, file)
    return { kind: 'signature', ...facts(san) }
  }
  const { san } = verifier.verify(what, bundle, identity)
  const envelope = bundle.content.dsseEnvelope
  if (envelope.payloadType !== 'application/vnd.in-toto+json')
    throw new CheckFailed(`${what}: the envelope is ${envelope.payloadType}, not an in-toto statement`)
  const statement = JSON.parse(envelope.payload.toString('utf8')) as {
    subject?: { name?: string; digest?: { sha256?: string } }[]
    predicateType?: string
    predicate?: Record<string, unknown>
  }
  const sha256 = createHash('sha256').update(file).digest('hex')
  if (!statement.subject?.some(s => s.digest?.sha256?.toLowerCase() === sha256))
    throw new CheckFailed(
      `${what}: the statement does not list this file (sha256:${sha256}); it names ${(statement.subject ?? []).map(s => s.name).join(', ')}`
    )
  return {
    kind: statement.predicateType ?? '',
    ...facts(san),
    ...(statement.predicate ? { predicate: statement.predicate } : {})
  }
}
